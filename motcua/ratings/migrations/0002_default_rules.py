"""The default rules, from the domain reference section 8.2 (docs/ratings.md says what is UNVERIFIED).

Indicator texts: the headings of Decree 61/2018 art. 31 and Circular 01/2018 art. 13 as a provincial
evaluation form prints them [S23]. The scoring levels (early 2 / on time 1 / late 0; fewer contacts score
higher; qualitative 2/1/0) are the recalled pattern of Circular 01/2018 art. 13: UNVERIFIED. The answer
wordings of indicators 3-9 are MotCua's. The bands are one province's practice (art. 15.3): UNVERIFIED.
Administrators change all of this in the admin; this migration only seeds it.
"""

from decimal import Decimal

from django.db import migrations

LEGAL = "Decree 61/2018 art. 31; Circular 01/2018/TT-VPCP art. 13 (headings as printed by a provincial form)."
UNVERIFIED = " Scoring levels: UNVERIFIED (domain reference 8.2); answer wordings: MotCua's."

TIMELINESS_LEVELS = [
    ("early", 2, "Trước hạn", "Early"),
    ("on_time", 1, "Đúng hạn", "On time"),
    ("late", 0, "Quá hạn", "Late"),
]

# number, code, rule, per dossier (art. 15.2), legal text, English, question (vi), question (en), levels
INDICATORS = [
    (
        1,
        "total_time",
        "dossier_timeliness",
        True,
        "Tổng thời gian giải quyết thủ tục hành chính so với quy định của pháp luật",
        "Total time taken to settle the procedure compared with the time set by law",
        "",
        "",
        TIMELINESS_LEVELS,
    ),
    (
        2,
        "agencies_time",
        "step_timeliness",
        True,
        "Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết (kể cả đơn vị phối hợp)",
        "Time taken by each agency or unit taking part in the settlement (coordinating units included)",
        "",
        "",
        TIMELINESS_LEVELS,
    ),
    (
        3,
        "contacts",
        "count",
        True,
        "Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ thủ tục hành chính "
        "(kể cả liên hệ theo hình thức trực tuyến)",
        "Number of times the applicant had to contact the reception desk to complete the dossier "
        "(online contacts included)",
        "Ông/bà đã phải liên hệ với nơi tiếp nhận hồ sơ bao nhiêu lần để hoàn thiện hồ sơ (kể cả trực tuyến)?",
        "How many times did you have to contact the reception desk to complete your dossier (online included)?",
        [(1, 2, "1 lần", "Once"), (2, 1, "2 lần", "Twice"), (None, 0, "3 lần trở lên", "3 times or more")],
    ),
    (
        4,
        "agencies_contacted",
        "count",
        True,
        "Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ thủ tục hành chính "
        "(kể cả liên hệ theo hình thức trực tuyến)",
        "Number of agencies, units or organisations the applicant had to contact to complete the dossier "
        "(online contacts included)",
        "Ông/bà đã phải liên hệ với bao nhiêu cơ quan, đơn vị, tổ chức để hoàn thiện hồ sơ (kể cả trực tuyến)?",
        "How many agencies, units or organisations did you have to contact to complete your dossier?",
        [
            (1, 2, "1 cơ quan, đơn vị", "One"),
            (2, 1, "2 cơ quan, đơn vị", "Two"),
            (None, 0, "3 cơ quan, đơn vị trở lên", "Three or more"),
        ],
    ),
    (
        5,
        "one_stop",
        "choice",
        False,
        "Thực hiện tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa",
        "Reception, settlement and return of results organised through the one-stop section",
        "Hồ sơ của ông/bà có được tiếp nhận và trả kết quả tại Bộ phận Một cửa không?",
        "Was your dossier received and its result returned at the one-stop desk?",
        [
            (2, "Có, hoàn toàn tại Bộ phận Một cửa", "Yes, entirely at the one-stop desk"),
            (1, "Một phần", "Partly"),
            (0, "Không", "No"),
        ],
    ),
    (
        6,
        "publicity",
        "choice",
        False,
        "Công khai các thủ tục hành chính",
        "Publication of administrative procedures",
        "Thủ tục hành chính có được công khai đầy đủ, rõ ràng không?",
        "Was the procedure published fully and clearly?",
        [
            (2, "Đầy đủ, rõ ràng", "Fully and clearly"),
            (1, "Có nhưng chưa đầy đủ", "Yes, but not fully"),
            (0, "Không được công khai", "Not published"),
        ],
    ),
    (
        7,
        "attitude",
        "choice",
        True,
        "Thái độ của cán bộ, công chức, viên chức khi hướng dẫn lập hồ sơ, tiếp nhận hồ sơ và giải quyết "
        "thủ tục hành chính",
        "Attitude of officials when guiding, receiving and settling the dossier",
        "Thái độ của cán bộ khi hướng dẫn, tiếp nhận và giải quyết hồ sơ của ông/bà thế nào?",
        "How was the officials' attitude when guiding you, receiving and settling your dossier?",
        [
            (2, "Lịch sự, nhiệt tình", "Courteous and helpful"),
            (1, "Bình thường", "Acceptable"),
            (0, "Chưa đúng mực", "Improper"),
        ],
    ),
    (
        8,
        "feedback",
        "choice",
        False,
        "Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị của tổ chức, cá nhân",
        "Taking in and explaining feedback and petitions of organisations and individuals",
        "Ý kiến phản ánh, kiến nghị của ông/bà (nếu có) có được tiếp thu, giải trình không?",
        "Was your feedback or petition (if any) taken in and answered?",
        [
            (2, "Được tiếp thu, giải trình đầy đủ (hoặc tôi không có ý kiến)", "Fully (or I had none)"),
            (1, "Có nhưng chưa thỏa đáng", "Yes, but not satisfactorily"),
            (0, "Không được tiếp thu, giải trình", "No"),
        ],
    ),
    (
        9,
        "online_services",
        "choice",
        False,
        "Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến của cơ quan có thẩm quyền",
        "Progress and quality of the competent agency's online public services",
        "Dịch vụ công trực tuyến của cơ quan có đáp ứng nhu cầu của ông/bà không?",
        "Did the agency's online public services meet your needs?",
        [(2, "Tốt", "Well"), (1, "Bình thường", "Acceptably"), (0, "Chưa tốt", "Poorly")],
    ),
]

# order, Vietnamese, English, lower bound, bound included — art. 15.3 as one province practises it [S23].
BANDS = [
    (1, "Xuất sắc", "Excellent", Decimal("15"), False),
    (2, "Tốt", "Good", Decimal("12"), True),
    (3, "Khá", "Fair", Decimal("9"), True),
    (4, "Trung bình", "Average", Decimal("6"), True),
    (5, "Yếu", "Weak", Decimal("0"), True),
]


def seed(apps, schema_editor):
    Indicator = apps.get_model("ratings", "Indicator")
    Level = apps.get_model("ratings", "Level")
    Band = apps.get_model("ratings", "Band")
    Policy = apps.get_model("ratings", "Policy")
    for number, code, rule, per_dossier, text_vi, text_en, question_vi, question_en, levels in INDICATORS:
        indicator, created = Indicator.objects.get_or_create(
            number=number,
            defaults={
                "code": code,
                "rule": rule,
                "per_dossier": per_dossier,
                "text_vi": text_vi,
                "text_en": text_en,
                "question_vi": question_vi,
                "question_en": question_en,
                "max_points": 2,
                "source": LEGAL + UNVERIFIED,
            },
        )
        if not created:
            continue
        for order, level in enumerate(levels, start=1):
            if rule in ("dossier_timeliness", "step_timeliness"):
                timeliness, points, vi, en = level
                Level.objects.create(
                    indicator=indicator, order=order, points=points, timeliness=timeliness, text_vi=vi, text_en=en
                )
            elif rule == "count":
                up_to, points, vi, en = level
                Level.objects.create(
                    indicator=indicator, order=order, points=points, up_to=up_to, text_vi=vi, text_en=en
                )
            else:
                points, vi, en = level
                Level.objects.create(indicator=indicator, order=order, points=points, text_vi=vi, text_en=en)
    for order, name_vi, name_en, lower, inclusive in BANDS:
        Band.objects.get_or_create(
            order=order, defaults={"name_vi": name_vi, "name_en": name_en, "lower": lower, "inclusive": inclusive}
        )
    Policy.objects.get_or_create(pk=1, defaults={"open_days_after_return": 30, "kiosk_reset_seconds": 6})


class Migration(migrations.Migration):
    dependencies = [("ratings", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
