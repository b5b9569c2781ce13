"""The demo province: Khánh Hòa after the two-level reform of 1 July 2025, its agencies and demo accounts.

Real names (Resolution 202/2025/QH15 merged Ninh Thuận into Khánh Hòa; Resolution 1667/NQ-UBTVQH15
arranged its communes and wards). Agency codes follow the style of the national unit identifier codes
(Circular 10/2016/TT-BTTTT, province letter H34) but are illustrative, not the official codes: see
data/SOURCES.md.
"""

from typing import NamedTuple

from motcua.org.models import Role
from motcua.org.office_hours import DEFAULT_OFFICE_HOURS

PROVINCE_CODE = "000.00.00.H34"
CENTRE_CODE = "000.00.01.H34"
JUSTICE_CODE = "000.00.22.H34"
FINANCE_CODE = "000.00.05.H34"
CONSTRUCTION_CODE = "000.00.08.H34"
AGRICULTURE_ENVIRONMENT_CODE = "000.00.10.H34"
INDUSTRY_TRADE_CODE = "000.00.07.H34"
EDUCATION_CODE = "000.00.14.H34"
CULTURE_CODE = "000.00.17.H34"
POLICE_CODE = "000.00.30.H34"
TAX_CODE = "000.00.31.H34"
SOCIAL_SECURITY_CODE = "000.00.32.H34"

DEMO_PASSWORD = "motcua-demo"
ADMIN_USERNAME = "admin"


class AgencySpec(NamedTuple):
    code: str
    name: str
    kind: str  # an org.AgencyKind code
    parent: str | None  # the parent's code
    slug: str  # the readable part of the demo user names: tn.<slug>
    address: str = ""
    # Saturday mornings at the desk; those hours do not count toward time limits.
    receives_on_saturday: bool = False
    office_hours: str = DEFAULT_OFFICE_HOURS


AGENCIES = [
    AgencySpec(
        PROVINCE_CODE,
        "Ủy ban nhân dân tỉnh Khánh Hòa",
        "province",
        None,
        "tinh",
        "01 Trần Phú, phường Nha Trang, tỉnh Khánh Hòa",
    ),
    AgencySpec(
        CENTRE_CODE,
        "Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa",
        "service_centre",
        PROVINCE_CODE,
        "trungtam",
        "phường Nha Trang, tỉnh Khánh Hòa",
        receives_on_saturday=True,
    ),
    AgencySpec(
        JUSTICE_CODE, "Sở Tư pháp tỉnh Khánh Hòa", "department", PROVINCE_CODE, "sotuphap", "phường Nha Trang"
    ),
    # Sở Kế hoạch và Đầu tư was merged into Sở Tài chính in 2025 (business registration moved with it).
    AgencySpec(
        FINANCE_CODE,
        "Sở Tài chính tỉnh Khánh Hòa",
        "department",
        PROVINCE_CODE,
        "sotaichinh",
        "phường Nha Trang",
    ),
    AgencySpec(
        CONSTRUCTION_CODE,
        "Sở Xây dựng tỉnh Khánh Hòa",
        "department",
        PROVINCE_CODE,
        "soxaydung",
        "phường Nha Trang",
    ),
    AgencySpec(
        AGRICULTURE_ENVIRONMENT_CODE,
        "Sở Nông nghiệp và Môi trường tỉnh Khánh Hòa",
        "department",
        PROVINCE_CODE,
        "sonnmt",
        "phường Nha Trang",
    ),
    AgencySpec(
        INDUSTRY_TRADE_CODE,
        "Sở Công Thương tỉnh Khánh Hòa",
        "department",
        PROVINCE_CODE,
        "socongthuong",
        "phường Nha Trang",
    ),
    AgencySpec(
        EDUCATION_CODE,
        "Sở Giáo dục và Đào tạo tỉnh Khánh Hòa",
        "department",
        PROVINCE_CODE,
        "sogddt",
        "phường Nha Trang",
    ),
    AgencySpec(
        CULTURE_CODE,
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Khánh Hòa",
        "department",
        PROVINCE_CODE,
        "sovhttdl",
        "phường Nha Trang",
    ),
    AgencySpec(
        POLICE_CODE, "Công an tỉnh Khánh Hòa", "vertical", PROVINCE_CODE, "congantinh", "phường Nha Trang"
    ),
    AgencySpec(TAX_CODE, "Thuế tỉnh Khánh Hòa", "vertical", PROVINCE_CODE, "thuetinh", "phường Nha Trang"),
    AgencySpec(
        SOCIAL_SECURITY_CODE,
        "Bảo hiểm xã hội tỉnh Khánh Hòa",
        "vertical",
        PROVINCE_CODE,
        "bhxhtinh",
        "phường Nha Trang",
    ),
]

COMMUNES = [
    ("000.01.00.H34", "Ủy ban nhân dân phường Nha Trang", "phuongnhatrang", "phường Nha Trang"),
    ("000.02.00.H34", "Ủy ban nhân dân phường Bắc Nha Trang", "phuongbacnhatrang", "phường Bắc Nha Trang"),
    ("000.03.00.H34", "Ủy ban nhân dân phường Tây Nha Trang", "phuongtaynhatrang", "phường Tây Nha Trang"),
    ("000.04.00.H34", "Ủy ban nhân dân phường Nam Nha Trang", "phuongnamnhatrang", "phường Nam Nha Trang"),
    ("000.05.00.H34", "Ủy ban nhân dân phường Cam Ranh", "phuongcamranh", "phường Cam Ranh"),
    ("000.06.00.H34", "Ủy ban nhân dân phường Ninh Hòa", "phuongninhhoa", "phường Ninh Hòa"),
    ("000.07.00.H34", "Ủy ban nhân dân xã Diên Khánh", "xadienkhanh", "xã Diên Khánh"),
]
AGENCIES += [
    AgencySpec(
        code, name, "commune", PROVINCE_CODE, slug, f"{place}, tỉnh Khánh Hòa", receives_on_saturday=True
    )
    for code, name, slug, place in COMMUNES
]

# User name prefixes a trainer can read: tiếp nhận, chuyên viên, lãnh đạo, văn thư, giám sát, quản trị.
ROLE_PREFIXES = {
    Role.DESK_OFFICER: "tn",
    Role.SPECIALIST: "cv",
    Role.LEADER: "ld",
    Role.CLERK: "vt",
    Role.MONITOR: "gs",
    Role.ADMINISTRATOR: "qt",
}
PROCESSING_ROLES = [Role.DESK_OFFICER, Role.SPECIALIST, Role.LEADER, Role.CLERK]
ROLES_BY_KIND = {
    # The provincial People's Committee has no desk of its own (the centre receives): no desk officer.
    "province": [Role.SPECIALIST, Role.LEADER, Role.CLERK, Role.MONITOR, Role.ADMINISTRATOR],
    "service_centre": [*PROCESSING_ROLES, Role.MONITOR, Role.ADMINISTRATOR],
    "department": PROCESSING_ROLES,
    "vertical": PROCESSING_ROLES,
    "commune": PROCESSING_ROLES,
}

FAMILY_NAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Huỳnh",
    "Võ",
    "Phan",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
]
MIDDLE_NAMES = ["Văn", "Thị", "Minh", "Ngọc", "Hoàng", "Thanh", "Quốc", "Thu", "Đức", "Bảo", "Hữu"]
GIVEN_NAMES = [
    "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Khánh", "Lan", "Linh",
    "Long", "Mai", "Nam", "Nga", "Nhung", "Phúc", "Phương", "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo", "Trang",
    "Trung", "Tuấn", "Vy", "Yến",
]  # fmt: skip


class AccountSpec(NamedTuple):
    username: str
    role: str
    agency_code: str
    family_and_middle: str  # "họ và tên đệm", stored in User.first_name so get_full_name() reads Vietnamese
    given: str  # "tên", stored in User.last_name


def accounts() -> list[AccountSpec]:
    """One account per role per agency, with a Vietnamese name picked deterministically from the lists."""
    result = []
    for agency in AGENCIES:
        for role in ROLES_BY_KIND[agency.kind]:
            n = len(result)
            family = FAMILY_NAMES[n % len(FAMILY_NAMES)]
            middle = MIDDLE_NAMES[(n * 7) % len(MIDDLE_NAMES)]
            given = GIVEN_NAMES[(n * 5) % len(GIVEN_NAMES)]
            username = f"{ROLE_PREFIXES[role]}.{agency.slug}"
            result.append(AccountSpec(username, role, agency.code, f"{family} {middle}", given))
    return result
