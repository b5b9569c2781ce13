"""The default index, from the domain reference section 9 (an unofficial transcription of the DVCQG formula
document [S20] with the group maxima of [S21]); docs/service-index.md says what is UNVERIFIED.

- Group maxima 18 / 20 / 22 / 22 / 18 = 100 (domain reference 9.2).
- Group 3: 12 points of online services + 10 of online payment. The transcription gives 3.1 and 3.3 "(in 12)"
  without their split: 6 + 6 is MotCua's default, UNVERIFIED.
- Group 4: the electronic certified copies indicator has no number in the transcription: coded 4.2b here.
- Group 5: 6 / 6 / 6 for 5.2 / 5.3 / 5.4 (one operations log shows 5/5/2/6): UNVERIFIED default.
- Bands: the Decision's bands are not known (domain reference 9.3); Xuất sắc 90, Tốt 80, Khá 65, Trung bình 50,
  Yếu 0 (of 100) are MotCua's UNVERIFIED defaults.
Administrators change all of this in the admin; this migration only seeds it (get_or_create: it can run again).
"""

from decimal import Decimal

from django.db import migrations

S20 = "DVCQG formula document, unofficial transcription (domain reference 9.3 [S20]); maxima [S21]."
SPLIT = " The split of group 3's 12 points between 3.1 and 3.3 (6 + 6) is MotCua's default: UNVERIFIED."
GROUP5 = " The 6/6/6 split of group 5 is the default of [S18][S19]; another split (5/5/2/6) exists: UNVERIFIED."

GROUPS = [
    (1, "Công khai, minh bạch", 18),
    (2, "Tiến độ, kết quả giải quyết", 20),
    (3, "Cung cấp dịch vụ trực tuyến (kể cả thanh toán trực tuyến)", 22),
    (4, "Số hóa hồ sơ", 22),
    (5, "Mức độ hài lòng", 18),
]

# code, group, order, name, max points, target (%) or None, formula, extra source note
INDICATORS = [
    ("1.1", 1, 1, "Công bố thủ tục hành chính đúng hạn", 6, None,
     "TTHC có quyết định công bố trước ngày hiệu lực của văn bản quy định (20 ngày làm việc đối với bộ, "
     "5 ngày làm việc đối với tỉnh) ÷ TTHC được công bố trong kỳ", ""),
    ("1.2", 1, 2, "Cập nhật, công khai TTHC đúng hạn trên Cơ sở dữ liệu quốc gia về TTHC", 4, None,
     "TTHC được công khai trên CSDLQG trong 10 ngày làm việc (bộ) / 5 ngày làm việc (tỉnh) từ ngày quyết "
     "định công bố ÷ TTHC phải công khai", ""),
    ("1.3", 1, 3, "Công khai TTHC đầy đủ các bộ phận cấu thành", 2, None,
     "TTHC công khai đủ tên, trình tự, cách thức thực hiện, thành phần hồ sơ, thời hạn giải quyết, đối "
     "tượng thực hiện, cơ quan thực hiện (Nghị định 63/2010 Điều 8.2) ÷ TTHC công khai", ""),
    ("1.4", 1, 4, "Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia", 6, None,
     "Hồ sơ đồng bộ có ngày tiếp nhận trong kỳ ÷ hồ sơ phải thống kê", ""),
    ("2.1", 2, 1, "Hồ sơ xử lý trước hạn, đúng hạn", 20, None,
     "Hồ sơ giải quyết trước hạn, đúng hạn và hồ sơ đang giải quyết còn trong hạn ÷ hồ sơ tiếp nhận, "
     "giải quyết trong kỳ", ""),
    ("2.2", 2, 2, "Thời gian giải quyết trung bình của TTHC", 0, None,
     "Tổng thời gian giải quyết ÷ số hồ sơ đã giải quyết (theo dõi, không tính điểm)", ""),
    ("3.1", 3, 1, "TTHC cung cấp dịch vụ công trực tuyến", 6, Decimal(80),
     "TTHC có dịch vụ công trực tuyến một phần hoặc toàn trình ÷ TTHC thuộc thẩm quyền", SPLIT),
    ("3.2", 3, 2, "Dịch vụ công trực tuyến phát sinh hồ sơ", 0, None,
     "Dịch vụ công có hồ sơ trực tuyến ÷ dịch vụ công của TTHC (theo dõi, không tính điểm)", ""),
    ("3.3", 3, 3, "Hồ sơ nộp trực tuyến", 6, Decimal(50),
     "Hồ sơ tiếp nhận trực tuyến ÷ hồ sơ tiếp nhận trong kỳ", SPLIT),
    ("3.5", 3, 5, "TTHC có phí, lệ phí được tích hợp thanh toán trực tuyến", 2, Decimal(80),
     "TTHC có dữ liệu phí đồng bộ lên Cổng DVCQG ÷ TTHC có phí, lệ phí trên CSDLQG", ""),
    ("3.5b", 3, 6, "TTHC có phí, lệ phí phát sinh giao dịch thanh toán trực tuyến", 2, None,
     "TTHC có phí phát sinh giao dịch thanh toán trực tuyến ÷ TTHC có phí", ""),
    ("3.6", 3, 7, "Hồ sơ thanh toán trực tuyến", 6, None,
     "Hồ sơ thanh toán trực tuyến ÷ (hồ sơ của TTHC có phí − hồ sơ có phí bằng 0)", ""),
    ("4.1", 4, 1, "Hồ sơ được cấp kết quả điện tử", 6, None,
     "Hồ sơ có tệp kết quả điện tử ÷ hồ sơ của TTHC có kết quả là giấy tờ", ""),
    ("4.2", 4, 2, "Hồ sơ được số hóa", 4, Decimal(80),
     "Hồ sơ có tệp đính kèm các thành phần hồ sơ và (nếu có) kết quả điện tử ÷ hồ sơ", ""),
    ("4.2b", 4, 3, "Chứng thực bản sao điện tử từ bản chính", 2, None,
     "(Công thức chưa được xác minh)", " No number in the transcription: coded 4.2b by MotCua."),
    ("4.3", 4, 4, "Hồ sơ tái sử dụng dữ liệu số hóa", 2, Decimal(80),
     "Hồ sơ có ít nhất một thành phần tái sử dụng dữ liệu đã số hóa ÷ hồ sơ tiếp nhận", ""),
    ("4.4", 4, 5, "Hồ sơ số hóa kết nối kho dữ liệu cá nhân trên Cổng DVCQG", 4, None,
     "Hồ sơ có thành phần lấy từ kho dữ liệu cá nhân hoặc kết quả đẩy vào kho ÷ hồ sơ tiếp nhận", ""),
    ("4.5a", 4, 6, "TTHC kết nối Cơ sở dữ liệu quốc gia về dân cư", 2, None,
     "TTHC có hồ sơ xác thực bằng VNeID hoặc dữ liệu dân cư ÷ TTHC dành cho công dân", ""),
    ("4.5b", 4, 7, "Hồ sơ sử dụng dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư", 2, None,
     "Hồ sơ sử dụng dữ liệu dân cư ÷ tổng số hồ sơ", ""),
    ("5.1", 5, 1, "Phân loại phản ánh, kiến nghị", 0, None,
     "PAKN về quy định hành chính / về hành vi cán bộ (theo dõi, không tính điểm)", ""),
    ("5.2", 5, 2, "Phản ánh, kiến nghị được xử lý đúng hạn", 6, None,
     "PAKN xử lý đúng hạn ÷ PAKN tiếp nhận", GROUP5),
    ("5.3", 5, 3, "Mức độ hài lòng về kết quả xử lý phản ánh, kiến nghị", 6, None,
     "(PAKN − PAKN bị đánh giá không hài lòng nhiều hơn hài lòng, xử lý quá hạn hoặc phản ánh lặp lại) ÷ PAKN",
     GROUP5),
    ("5.4", 5, 4, "Mức độ hài lòng trong tiếp nhận, giải quyết TTHC", 6, Decimal(90),
     "100% − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ có phản ánh, kiến nghị hoặc đánh giá không hài lòng)",
     GROUP5),
]

# label, minimum points of 100 (MotCua's defaults: UNVERIFIED)
BANDS = [
    ("Xuất sắc", Decimal(90)),
    ("Tốt", Decimal(80)),
    ("Khá", Decimal(65)),
    ("Trung bình", Decimal(50)),
    ("Yếu", Decimal(0)),
]


def seed(apps, schema_editor):
    Group = apps.get_model("serviceindex", "Group")
    Indicator = apps.get_model("serviceindex", "Indicator")
    Band = apps.get_model("serviceindex", "Band")
    groups = {}
    for number, name, max_points in GROUPS:
        groups[number], _ = Group.objects.get_or_create(
            number=number, defaults={"name": name, "max_points": Decimal(max_points)}
        )
    for code, group, order, name, max_points, target, formula, note in INDICATORS:
        Indicator.objects.get_or_create(
            code=code,
            defaults={
                "group": groups[group],
                "order": order,
                "name": name,
                "max_points": Decimal(max_points),
                "target": target,
                "formula": formula,
                "source": S20 + note,
            },
        )
    for order, (label, min_points) in enumerate(BANDS, start=1):
        Band.objects.get_or_create(order=order, defaults={"label": label, "min_points": min_points})


class Migration(migrations.Migration):
    dependencies = [("serviceindex", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
