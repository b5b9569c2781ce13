"""The engine says why a due instant is where it is: the days it skipped, grouped and named."""

from datetime import date, time

from motcua.worktime.engine import DAY_OFF, WEEKEND, WORKING_DAY, DayRange

from .helpers import VN, at


def test_tet_2026_is_one_named_range_between_two_weekends():
    explanation = VN.explain(at("2026-02-13 09:00"), 1, "working_days")
    assert explanation.due == at("2026-02-23 09:00")
    assert explanation.skipped == (
        DayRange(date(2026, 2, 14), date(2026, 2, 15), WEEKEND, ""),
        DayRange(date(2026, 2, 16), date(2026, 2, 20), DAY_OFF, "Tết Nguyên Đán"),
        DayRange(date(2026, 2, 21), date(2026, 2, 22), WEEKEND, ""),
    )
    assert explanation.counting_from == at("2026-02-13 09:00")


def test_tet_2025_includes_the_named_saturday():
    explanation = VN.explain(at("2025-01-24 14:00"), 2, "working_days")
    assert (
        DayRange(date(2025, 1, 27), date(2025, 2, 1), DAY_OFF, "29 Tết, Tết Nguyên Đán")
        in explanation.skipped
    )


def test_an_observed_day_is_named_with_the_holiday_it_replaces():
    explanation = VN.explain(at("2026-04-24 13:00"), 1, "working_days")
    assert explanation.skipped == (
        DayRange(date(2026, 4, 25), date(2026, 4, 25), WEEKEND, ""),
        DayRange(date(2026, 4, 26), date(2026, 4, 27), DAY_OFF, "Ngày Giỗ Tổ Hùng Vương"),
    )


def test_consecutive_different_holidays_share_a_range():
    explanation = VN.explain(at("2025-04-29 09:00"), 2, "working_days")
    assert (
        DayRange(
            date(2025, 4, 30),
            date(2025, 5, 2),
            DAY_OFF,
            "Ngày Chiến thắng, Ngày Quốc tế Lao động, Ngày nghỉ (thay cho ngày 26/04/2025)",
        )
        in explanation.skipped
    )


def test_a_make_up_saturday_is_listed_as_worked():
    explanation = VN.explain(at("2025-04-25 09:00"), 1, "working_days")
    assert explanation.worked == (
        DayRange(
            date(2025, 4, 26), date(2025, 4, 26), WORKING_DAY, "Ngày làm việc bù cho ngày nghỉ 02/05/2025"
        ),
    )


def test_a_receipt_outside_office_hours_says_where_counting_started():
    explanation = VN.explain(at("2026-03-02 18:30"), 1, "working_days")
    assert explanation.counting_from == at("2026-03-03 08:00")


def test_calendar_days_explain_only_the_move_of_the_last_day():
    explanation = VN.explain(at("2026-02-10 09:00"), 5, "calendar_days")
    assert explanation.period_end == date(2026, 2, 15)
    assert [r.kind for r in explanation.skipped] == [WEEKEND, DAY_OFF, WEEKEND]
    assert explanation.skipped[0].first == date(2026, 2, 15)


def test_the_cutoff_is_explained():
    assert VN.explain(at("2026-03-02 15:30"), 0, "working_days", cutoff=time(15)).after_cutoff is True
    assert VN.explain(at("2026-03-02 14:30"), 0, "working_days", cutoff=time(15)).after_cutoff is False


def test_paused_office_time_is_explained():
    paused = [(at("2026-03-03 13:00"), at("2026-03-05 10:00"))]
    assert VN.explain(at("2026-03-02 09:00"), 2, "working_days", pauses=paused).paused_minutes == 14 * 60
