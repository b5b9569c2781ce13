"""N working days = N x 8 office hours walked from the receipt over the sessions 08:00-12:00, 13:00-17:00.

March 2026 has no holiday: Monday 02/03 to Friday 06/03 are plain working days.
"""

from datetime import UTC, datetime, time

from motcua.worktime.engine import Calendar

from .helpers import VN, at, due


def test_two_and_a_half_days_from_monday_nine_is_wednesday_two_pm():
    # Mon 09-12 (3 h) + 13-17 (4 h) = 7 h; Tue 8 h = 15 h; Wed 08-12 = 19 h, 13-14 = 20 h = 2.5 x 8.
    assert due("2026-03-02 09:00", "2.5", "working_days") == at("2026-03-04 14:00")


def test_half_a_day_is_four_office_hours_across_lunch():
    # Mon 10-12 (2 h) + 13-15 (2 h).
    assert due("2026-03-02 10:00", "0.5") == at("2026-03-02 15:00")


def test_thirteen_and_a_half_days_is_108_office_hours():
    # From Mon 02/03 08:00: days 1-5 = 02-06/03, 6-10 = 09-13/03, 11-13 = 16-18/03 (weekends skipped), so 13
    # whole days end Wed 18/03 17:00; + 4 h = Thu 19/03 12:00.
    assert due("2026-03-02 08:00", "13.5") == at("2026-03-19 12:00")


def test_one_day_from_the_opening_ends_at_the_close_the_same_day():
    # The walk completes exactly at 17:00: the due instant stays there, not at the next morning.
    assert due("2026-03-02 08:00", 1) == at("2026-03-02 17:00")


def test_a_walk_that_completes_at_noon_stays_at_noon():
    assert due("2026-03-02 08:00", 4, "hours") == at("2026-03-02 12:00")


def test_hours_walk_the_same_way():
    # Mon 16:00-17:00 (1 h), Tue 08-12 (4 h), 13-14 (1 h).
    assert due("2026-03-02 16:00", 6, "hours") == at("2026-03-03 14:00")


def test_a_receipt_at_half_past_six_in_the_evening_counts_from_the_next_morning():
    # Mon 18:30 -> counting starts Tue 08:00; 1 day = Tue 17:00.
    assert due("2026-03-02 18:30", 1) == at("2026-03-03 17:00")


def test_a_receipt_at_twelve_twenty_counts_from_one_pm():
    # Lunch break: counting starts at 13:00; half a day ends at 17:00 the same day.
    assert due("2026-03-02 12:20", "0.5") == at("2026-03-02 17:00")
    assert due("2026-03-02 12:20", 1, "hours") == at("2026-03-02 14:00")


def test_a_receipt_on_saturday_counts_from_monday_morning():
    # Sat 07/03 10:00 -> Mon 09/03 08:00; 1 day = Mon 17:00.
    assert due("2026-03-07 10:00", 1) == at("2026-03-09 17:00")


def test_a_receipt_before_the_opening_counts_from_the_opening():
    assert due("2026-03-02 06:45", 2, "hours") == at("2026-03-02 10:00")


def test_seconds_and_microseconds_are_kept():
    assert due("2026-03-02 09:00:30.250000", 1, "hours") == at("2026-03-02 10:00:30.250000")


def test_amount_zero_is_the_counting_start():
    assert due("2026-03-02 09:15", 0) == at("2026-03-02 09:15")
    assert due("2026-03-02 18:30", 0) == at("2026-03-03 08:00")


def test_due_instants_are_in_vietnamese_time_whatever_the_zone_of_the_receipt():
    received = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 09:00 in Hà Nội
    result = VN.due(received, 1, "hours")
    assert result.isoformat() == "2026-03-02T10:00:00+07:00"


def test_an_agency_with_its_own_sessions_walks_its_own_hours():
    # Quảng Ngãi-like sessions: 07:00-11:30 and 13:30-17:00 = 8 h a day.
    quang_ngai = Calendar([(time(7), time(11, 30)), (time(13, 30), time(17))])
    # Mon 10:00-11:30 (1.5 h) + 13:30-17:00 (3.5 h) = 5 h; Tue 07:00-10:00 = 8 h.
    assert quang_ngai.due(at("2026-03-02 10:00"), 1, "working_days") == at("2026-03-03 10:00")
    assert quang_ngai.due(at("2026-03-02 12:00"), 1, "hours") == at("2026-03-02 14:30")


def test_next_opening_and_sessions():
    assert VN.next_opening(at("2026-03-02 12:20")) == at("2026-03-02 13:00")
    assert VN.next_opening(at("2026-03-02 09:00")) == at("2026-03-02 13:00")
    assert VN.next_opening(at("2026-03-02 08:00")) == at("2026-03-02 08:00")
    assert VN.next_opening(at("2026-03-06 17:00")) == at("2026-03-09 08:00")
    assert VN.next_opening(at("2026-02-13 16:00")) == at("2026-02-23 08:00")  # over Tết 2026
    assert VN.in_session(at("2026-03-02 12:00"))
    assert not VN.in_session(at("2026-03-02 12:01"))


def test_elapsed_counts_office_minutes_only():
    # Mon 16:00 -> Tue 09:30: 60 + 90 minutes.
    assert VN.elapsed(at("2026-03-02 16:00"), at("2026-03-03 09:30")) == 150
    assert VN.elapsed(at("2026-03-06 17:00"), at("2026-03-09 08:00")) == 0
    assert VN.elapsed(at("2026-03-02 09:00"), at("2026-03-02 09:00:30")) * 2 == 1
