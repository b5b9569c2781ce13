"""Demo applicants: Vietnamese people and organisations living in the demo wards and communes (demo only).

Names follow the usual frequencies of family names; a citizen ID (CCCD, 12 digits) encodes the province of
birth registration, the sex and century, and the year of birth (Circular 59/2021/TT-BCA), and agrees with the
birth date. Enterprise codes (10 digits) start with 42, Khánh Hòa's prefix. Street and hamlet names are
illustrative. Everything comes from the random generator handed in, so a seed gives the same people.
"""

import random
from datetime import date, timedelta

from motcua.dossiers.services import Applicant
from motcua.text import fold

from . import province

FAMILY_NAMES = [
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Huỳnh", 5), ("Hoàng", 2), ("Phan", 4),
    ("Võ", 4), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 1), ("Hồ", 2), ("Ngô", 1), ("Dương", 1), ("Lý", 1),
    ("Đoàn", 1), ("Trương", 1), ("Lương", 1), ("Mai", 1),
]  # fmt: skip
MIDDLE_NAMES = {
    "male": ["Văn", "Minh", "Hoàng", "Quốc", "Đức", "Hữu", "Thanh", "Công", "Xuân", "Ngọc", "Anh", "Tấn"],
    "female": ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Mỹ", "Hồng", "Bích", "Thùy", "Diệu", "Phương"],
}
GIVEN_NAMES = {
    "male": [
        "An", "Bình", "Dũng", "Hải", "Hiếu", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân", "Sơn", "Trung",
        "Tuấn", "Tài", "Thắng", "Vinh", "Đạt", "Huy", "Khoa", "Nhân", "Phong", "Tâm", "Thành", "Toàn", "Lộc",
    ],
    "female": [
        "Châu", "Giang", "Hà", "Hạnh", "Hòa", "Lan", "Linh", "Mai", "Nga", "Nhung", "Phương", "Quỳnh", "Thảo",
        "Trang", "Vy", "Yến", "Hương", "Hằng", "Oanh", "Tuyết", "Diễm", "Ngân", "Thư", "Uyên", "Loan", "Hoa",
    ],
}  # fmt: skip
# Province codes of the CCCD: where the birth was registered. Khánh Hòa 056, Ninh Thuận (merged in) 058.
BIRTH_PROVINCES = [
    ("056", 70), ("058", 12), ("054", 4), ("052", 3), ("079", 3), ("066", 2), ("068", 2), ("001", 1),
    ("048", 1), ("049", 1), ("051", 1),
]  # fmt: skip
MOBILE_PREFIXES = ["090", "091", "093", "094", "097", "098", "086", "088", "032", "035", "037", "039",
                   "070", "076", "077", "079", "081", "083", "085", "096", "089", "034"]  # fmt: skip

# Where applicants live: streets of each demo ward, hamlets of the commune (keyed by the agency code).
PLACES = {
    "000.01.00.H34": ["Trần Phú", "Lê Thánh Tôn", "Yersin", "Thái Nguyên", "Pasteur", "Quang Trung",
                      "Lê Lợi", "Hoàng Văn Thụ", "Nguyễn Thị Minh Khai", "Biệt Thự"],
    "000.02.00.H34": ["Phạm Văn Đồng", "2 Tháng 4", "Điện Biên Phủ", "Đồng Nai", "Tháp Bà", "Hòn Chồng",
                      "Nguyễn Khuyến"],
    "000.03.00.H34": ["23 Tháng 10", "Lương Định Của", "Ngô Gia Tự", "Phong Châu", "Nguyễn Xiển",
                      "Hương lộ Ngọc Hiệp"],
    "000.04.00.H34": ["Lê Hồng Phong", "Nguyễn Tất Thành", "Võ Nguyên Giáp", "Phước Long", "Trần Nhân Tông",
                      "Dương Hiến Quyền"],
    "000.05.00.H34": ["Hùng Vương", "Nguyễn Trọng Kỷ", "Lê Duẩn", "Phan Chu Trinh", "3 Tháng 4",
                      "Nguyễn Chí Thanh"],
    "000.06.00.H34": ["Trần Quý Cáp", "Nguyễn Thị Ngọc Oanh", "Trần Phú", "Hùng Vương", "Lê Lợi",
                      "Nguyễn Huệ"],
}  # fmt: skip
HAMLETS = {"000.07.00.H34": ["Phú Lộc Tây", "Phú Lộc Đông", "Phú Ân Nam", "Trường Thạnh", "Đông Dinh"]}
WARDS = {code: place for code, _name, _slug, place in province.COMMUNES}

ORGANISATION_NAMES = {
    "school": [
        "Trường Mầm non Hoa Sen", "Trường Mầm non tư thục Ánh Dương", "Trường Mẫu giáo Sơn Ca",
        "Nhóm trẻ độc lập tư thục Thiên Thần Nhỏ", "Trường Mầm non Bình Minh",
    ],
    "culture": [
        "Trường Tiểu học Lê Văn Tám", "Trạm Y tế", "Trường Trung học cơ sở Lý Thường Kiệt",
        "Trường Tiểu học Phước Tiến", "Hợp tác xã Nông nghiệp Diên Phú",
    ],
    "company": [
        "Công ty TNHH Thương mại Dịch vụ Biển Xanh", "Công ty TNHH Du lịch Vịnh Ngọc",
        "Công ty Cổ phần Thủy sản Cam Ranh", "Công ty TNHH Xây dựng Trường Sơn",
        "Công ty TNHH Yến sào Hòn Nội", "Công ty Cổ phần Vận tải Duyên Hải", "Công ty TNHH Gas Phương Nam",
        "Công ty TNHH Nội thất Mộc Nguyên", "Công ty TNHH Công nghệ Sao Việt",
        "Công ty Cổ phần Muối Ninh Hòa",
    ],
}  # fmt: skip


def weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def person_name(rng: random.Random, sex: str) -> str:
    family = weighted(rng, FAMILY_NAMES)
    middle = rng.choice(MIDDLE_NAMES[sex])
    given = rng.choice(GIVEN_NAMES[sex])
    if rng.random() < 0.2:  # a second middle name is common: Nguyễn Thị Thu Hà
        second = rng.choice(MIDDLE_NAMES[sex])
        if second != middle:
            middle = f"{middle} {second}"
    return f"{family} {middle} {given}"


def citizen_id(rng: random.Random, sex: str, birth: date) -> str:
    century = 0 if birth.year < 2000 else 2
    return (
        f"{weighted(rng, BIRTH_PROVINCES)}{century + (sex == 'female')}{birth.year % 100:02d}"
        f"{rng.randrange(1_000_000):06d}"
    )


def phone(rng: random.Random) -> str:
    return f"{rng.choice(MOBILE_PREFIXES)}{rng.randrange(10_000_000):07d}"


def address(rng: random.Random, agency_code: str) -> str:
    """An address in the ward or commune of `agency_code` (any demo ward for a provincial agency)."""
    if agency_code not in WARDS:
        agency_code = rng.choice(sorted(WARDS))
    place = WARDS[agency_code]
    if agency_code in HAMLETS:
        return f"Thôn {rng.choice(HAMLETS[agency_code])}, {place}, tỉnh Khánh Hòa"
    number = rng.randrange(1, 250)
    if rng.random() < 0.3:
        number = f"{number}/{rng.randrange(1, 40)}"  # an alley (hẻm)
    return f"{number} {rng.choice(PLACES[agency_code])}, {place}, tỉnh Khánh Hòa"


def email(rng: random.Random, name: str) -> str:
    """An address at a reserved domain (RFC 2606): the outbox may "send" demo messages, never to a person."""
    parts = fold(name).split()
    return f"{parts[-1]}{''.join(part[0] for part in parts[:-1])}{rng.randrange(10, 9999)}@example.com"


def person(rng: random.Random, agency_code: str, today: date, *, online: bool = False, min_age: int = 18):
    sex = rng.choice(["male", "female"])
    birth = today - timedelta(days=rng.randrange(min_age * 365 + 5, 75 * 365))
    name = person_name(rng, sex)
    return Applicant(
        name=name,
        id_number=citizen_id(rng, sex, birth),
        birth_date=birth,
        address=address(rng, agency_code),
        phone=phone(rng),
        email=email(rng, name) if online or rng.random() < 0.2 else "",
    )


def organisation(rng: random.Random, kind: str, agency_code: str, today: date):
    """An organisation with its representative (the head, or a staff member authorised by them)."""
    name = rng.choice(ORGANISATION_NAMES[kind])
    if name == "Trạm Y tế":
        name = f"Trạm Y tế {WARDS.get(agency_code, 'phường Nha Trang')}"
    representative = person(rng, agency_code, today, min_age=28)
    return Applicant(
        name=name,
        is_organisation=True,
        id_number=f"42{rng.randrange(100_000_000):08d}",
        address=address(rng, agency_code),
        phone=phone(rng),
        email=f"vanphong{rng.randrange(10, 99)}@{fold(name).split()[-1]}.example.com"
        if kind == "company"
        else "",
        representative_name=representative.name,
        representative_id_number=representative.id_number,
        representative_phone=representative.phone,
    )
