"""Tết Nguyên Đán: the days off given by the `holidays` package, and the weekends around, are not counted."""

from .helpers import VN, at, due


def test_tet_2026_one_day_from_friday_13_february_is_monday_23_february():
    # Fri 13/02 09-12, 13-17 = 7 h; Sat 14/02 to Sun 22/02 off (Tết 16/02-20/02 with two weekends);
    # Mon 23/02 08:00-09:00 = 8 h.
    assert due("2026-02-13 09:00", 1) == at("2026-02-23 09:00")


def test_tet_2026_received_during_tet_counts_from_monday_23_february():
    assert due("2026-02-17 10:00", "0.5") == at("2026-02-23 12:00")


def test_tet_2025_two_days_from_friday_24_january_is_tuesday_4_february():
    # Fri 24/01 14-17 = 3 h; Sat 25/01 to Sun 02/02 off (27/01-31/01 and Saturday 01/02 named "Mùng bốn");
    # Mon 03/02 = 11 h; Tue 04/02 08-12 = 15 h, 13-14 = 16 h.
    assert due("2025-01-24 14:00", 2) == at("2025-02-04 14:00")


def test_tet_2025_days_are_days_off():
    for day in ("2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"):
        assert not VN.is_working_day(at(day).date())
    assert VN.is_working_day(at("2025-02-03").date())


def test_fifteen_working_days_across_tet_2026():
    # Mon 02/02 08:00: 02/02-06/02 (5), 09/02-13/02 (10), Tết, 23/02-27/02 (15) -> Fri 27/02 17:00.
    assert due("2026-02-02 08:00", 15) == at("2026-02-27 17:00")
