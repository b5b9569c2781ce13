"""Explanations as sentences, Vietnamese by default and English on request."""

from datetime import time

from django.utils import translation

from motcua.worktime.explanations import describe

from .helpers import VN, at


def words(received, amount, unit="working_days", language="vi", **options):
    with translation.override(language):
        return describe(VN.explain(at(received), amount, unit, **options), VN)


def test_tet_2026_in_vietnamese():
    assert words("2026-02-13 09:00", 1) == [
        "Tiếp nhận lúc 09:00 Thứ 6 13/02/2026, trong giờ làm việc: bắt đầu tính thời gian ngay.",
        "1 ngày làm việc = 8 giờ làm việc, tính theo các buổi 08:00-12:00, 13:00-17:00 của ngày làm việc.",
        "Ngày nghỉ: 16/02-20/02 Tết Nguyên Đán",
        "4 ngày nghỉ cuối tuần.",
        "Hạn: 09:00 Thứ 2 23/02/2026.",
    ]


def test_half_days_use_the_vietnamese_decimal_comma():
    assert "2,5 ngày làm việc = 20 giờ làm việc" in words("2026-03-02 09:00", "2.5")[1]
    assert "2.5 working days = 20 office hours" in words("2026-03-02 09:00", "2.5", language="en")[1]


def test_a_receipt_at_half_past_six_says_where_counting_starts():
    assert words("2026-03-02 18:30", 1, language="en")[0] == (
        "Received 18:30 Monday 02/03/2026, outside office hours: counting starts at 08:00 Tuesday 03/03/2026."
    )


def test_the_make_up_saturday_is_named():
    assert "Extra working day: 26/04 Ngày làm việc bù cho ngày nghỉ 02/05/2025" in words(
        "2025-04-25 09:00", 1, language="en"
    )


def test_months_say_where_the_period_ended_and_why_it_moved():
    lines = words("2026-01-31 10:00", 1, "months", language="en")
    assert lines[0] == (
        "1 month from 31/01/2026: the period ends on 28/02/2026 (same day number, or the month's end)."
    )
    assert (
        lines[1] == "28/02/2026 is not a working day: the period ends at the close of the next working day."
    )
    assert lines[-1] == "Due at 17:00 Monday 02/03/2026."


def test_the_cutoff_is_explained_in_words():
    lines = words("2026-03-02 15:30", 0, cutoff=time(15), language="en")
    assert lines[0].startswith("Received 15:30 Monday 02/03/2026, after the cut-off at 15:00")
    assert lines[-1] == "Due at 17:00 Tuesday 03/03/2026."


def test_pauses_are_explained_in_words():
    paused = [(at("2026-03-03 13:00"), at("2026-03-05 10:00"))]
    assert "Tạm dừng 14 giờ làm việc (chờ bổ sung hồ sơ): hạn lùi lại đúng bằng thời gian đó." in words(
        "2026-03-02 09:00", 2, pauses=paused
    )
