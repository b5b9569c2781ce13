"""Calendar days (ngày) and months (tháng): Civil Code art. 147-148.

The reception day is not counted; the period ends at the close of its last day (17:00); when that day is not a
working day, at the close of the next working day. Months keep the day number, clamped to the month's end.
"""

from .helpers import at, due


def test_five_calendar_days_from_monday_end_on_saturday_so_monday_close():
    # Received Mon 02/03/2026 (not counted): 03, 04, 05, 06, 07/03 -> Sat 07/03 -> Mon 09/03 17:00.
    assert due("2026-03-02 10:00", 5, "calendar_days") == at("2026-03-09 17:00")


def test_three_calendar_days_end_at_the_close_of_the_last_day():
    # Mon 02/03 + 3 = Thu 05/03, a working day: 17:00, whatever the hour of reception.
    assert due("2026-03-02 16:55", 3, "calendar_days") == at("2026-03-05 17:00")
    assert due("2026-03-02 07:00", 3, "calendar_days") == at("2026-03-05 17:00")


def test_the_reception_hour_does_not_change_the_reception_day():
    # Received Mon 02/03 at 18:30: still received on 02/03 (art. 147), so + 3 = Thu 05/03.
    assert due("2026-03-02 18:30", 3, "calendar_days") == at("2026-03-05 17:00")


def test_calendar_days_ending_in_tet_2026_move_to_monday_23_february():
    # Tue 10/02 + 5 = Sun 15/02; Mon 16/02 to Sun 22/02 off -> Mon 23/02 17:00.
    assert due("2026-02-10 09:00", 5, "calendar_days") == at("2026-02-23 17:00")


def test_calendar_days_count_holidays_inside_the_period():
    # Fri 13/02/2026 + 10 = Mon 23/02, a working day: the Tết days inside the period are counted.
    assert due("2026-02-13 09:00", 10, "calendar_days") == at("2026-02-23 17:00")


def test_one_month_from_31_january_2026_is_28_february_a_saturday_so_monday_2_march():
    assert due("2026-01-31 10:00", 1, "months") == at("2026-03-02 17:00")


def test_one_month_from_31_january_2025_is_friday_28_february():
    assert due("2025-01-31 10:00", 1, "months") == at("2025-02-28 17:00")


def test_one_month_from_31_january_2024_is_29_february_in_a_leap_year():
    assert due("2024-01-31 10:00", 1, "months") == at("2024-02-29 17:00")


def test_three_months_from_31_january_2026_end_on_30_april_so_monday_4_may():
    # 30/04 (Thu, Ngày Chiến thắng), 01/05 (Fri), 02-03/05 weekend -> Mon 04/05 17:00.
    assert due("2026-01-31 10:00", 3, "months") == at("2026-05-04 17:00")


def test_twelve_months_keep_the_day_number():
    # 15/06/2026 + 12 months = Tue 15/06/2027.
    assert due("2026-06-15 10:00", 12, "months") == at("2027-06-15 17:00")


def test_zero_calendar_days_is_the_close_of_the_reception_day_or_the_next_working_day():
    assert due("2026-03-02 10:00", 0, "calendar_days") == at("2026-03-02 17:00")
    assert due("2026-03-07 10:00", 0, "calendar_days") == at("2026-03-09 17:00")
    assert due("2026-03-02 17:01", 0, "calendar_days") == at("2026-03-03 17:00")
