"""Swaps, observed days and make-up Saturdays of 2025-2026 (see test_holiday_data_is_what_we_expect.py)."""

from .helpers import VN, at, due


def test_saturday_26_april_2025_is_a_make_up_working_day():
    assert VN.is_working_day(at("2025-04-26").date())
    # Fri 25/04 09:00: Fri 7 h, Sat 26/04 08:00-09:00 -> 8 h.
    assert due("2025-04-25 09:00", 1) == at("2025-04-26 09:00")


def test_a_walk_ending_on_the_make_up_saturday_at_noon_stays_at_noon():
    # Thu 24/04 13-17 (4 h), Fri 25/04 (12 h), Sat 26/04 08-12 (16 h).
    assert due("2025-04-24 13:00", 2) == at("2025-04-26 12:00")


def test_30_april_to_2_may_2025_are_skipped():
    # Tue 29/04 09:00: 7 h; Wed 30/04, Thu 01/05, Fri 02/05 (swap for 26/04), weekend off; Mon 05/05 = 15 h;
    # Tue 06/05 08:00-09:00 = 16 h.
    assert due("2025-04-29 09:00", 2) == at("2025-05-06 09:00")


def test_hung_kings_day_2025_monday_7_april():
    # Fri 04/04 13:00: 4 h; Mon 07/04 off; Tue 08/04 08-12 -> 8 h.
    assert due("2025-04-04 13:00", 1) == at("2025-04-08 12:00")


def test_hung_kings_day_2026_falls_on_sunday_and_is_observed_on_monday_27_april():
    assert not VN.is_working_day(at("2026-04-27").date())
    # Fri 24/04 13:00: 4 h; Sat 25, Sun 26 (Giỗ Tổ), Mon 27 (nghỉ bù) off; Tue 28/04 08-12 -> 8 h.
    assert due("2026-04-24 13:00", 1) == at("2026-04-28 12:00")


def test_30_april_and_1_may_2026_thursday_and_friday():
    # Wed 29/04 09:00: 7 h; Thu 30/04 to Sun 03/05 off; Mon 04/05 08:00-09:00.
    assert due("2026-04-29 09:00", 1) == at("2026-05-04 09:00")


def test_national_day_2025_monday_1_and_tuesday_2_september():
    # Fri 29/08 16:00: 1 h; Sat 30/08 to Tue 02/09 off; Wed 03/09 08-12 (5 h), 13-16 (8 h).
    assert due("2025-08-29 16:00", 1) == at("2025-09-03 16:00")


def test_national_day_2026_is_31_august_to_2_september_with_saturday_22_august_worked():
    assert VN.is_working_day(at("2026-08-22").date())
    # Fri 21/08 09:00: 7 h; Sat 22/08 (make-up) 08:00-09:00.
    assert due("2026-08-21 09:00", 1) == at("2026-08-22 09:00")
    # Fri 28/08 09:00: 7 h; Sat 29/08 to Wed 02/09 off; Thu 03/09 08:00-09:00.
    assert due("2026-08-28 09:00", 1) == at("2026-09-03 09:00")


def test_vietnam_culture_day_24_november_2026_is_a_day_off_in_the_package():
    # Mon 23/11 09:00: 7 h; Tue 24/11 off; Wed 25/11 08:00-09:00. An override can undo it
    # (test_overrides_win.py).
    assert due("2026-11-23 09:00", 1) == at("2026-11-25 09:00")


def test_new_year_2026_thursday_1_january():
    # Wed 31/12/2025 15:00: 2 h; Thu 01/01 off; Fri 02/01 08-12 (6 h), 13-15 (8 h).
    assert due("2025-12-31 15:00", 1) == at("2026-01-02 15:00")
