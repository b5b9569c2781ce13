"""A supplement request pauses the clock: the elapsed time excludes the pause, and the due instant moves later
by exactly the office time the pause covered."""

from datetime import time

from .helpers import VN, at, due


def pause(start: str, end: str):
    return (at(start), at(end))


def test_a_pause_moves_the_due_instant_by_the_office_time_it_covers():
    # Without pause: Mon 02/03 09:00 + 2 days = Wed 04/03 09:00.
    assert due("2026-03-02 09:00", 2) == at("2026-03-04 09:00")
    # Paused Tue 13:00 -> Thu 10:00 = Tue 4 h + Wed 8 h + Thu 2 h = 14 office hours.
    # Worked before: Mon 7 h + Tue 4 h = 11 h; 5 h left from Thu 10:00: 10-12, 13-16 -> Thu 05/03 16:00.
    paused = [pause("2026-03-03 13:00", "2026-03-05 10:00")]
    assert due("2026-03-02 09:00", 2, pauses=paused) == at("2026-03-05 16:00")
    assert VN.elapsed(at("2026-03-02 09:00"), at("2026-03-05 16:00"), paused) == 16 * 60


def test_a_pause_outside_office_hours_changes_nothing():
    paused = [pause("2026-03-02 18:00", "2026-03-03 07:30")]
    assert due("2026-03-02 09:00", 2, pauses=paused) == at("2026-03-04 09:00")


def test_a_pause_after_the_due_instant_changes_nothing():
    paused = [pause("2026-03-04 10:00", "2026-03-05 10:00")]
    assert due("2026-03-02 09:00", 2, pauses=paused) == at("2026-03-04 09:00")


def test_overlapping_pauses_count_once():
    paused = [pause("2026-03-03 08:00", "2026-03-03 12:00"), pause("2026-03-03 10:00", "2026-03-03 14:00")]
    # Covered: Tue 08-12 and 13-14 = 5 h; Wed 09:00 + 5 h = Wed 15:00.
    assert due("2026-03-02 09:00", 2, pauses=paused) == at("2026-03-04 15:00")


def test_two_pauses_add_up():
    paused = [pause("2026-03-02 10:00", "2026-03-02 11:00"), pause("2026-03-03 15:00", "2026-03-03 16:00")]
    assert due("2026-03-02 09:00", 2, pauses=paused) == at("2026-03-04 11:00")


def test_a_pause_across_tet_covers_only_the_office_time():
    # Received Thu 12/02/2026 08:00, 3 days: without pause Thu 12 (8 h), Fri 13 (16 h), Mon 23/02 (24 h).
    # Paused Fri 13/02 13:00 -> Tue 24/02 08:00, covering Fri 4 h + Mon 23/02 8 h = 12 office hours.
    # Walked before the pause: 12 h (Thu, Fri morning); 12 h left from Tue 24/02 08:00: Tue 17:00 (8 h),
    # Wed 25/02 12:00 (12 h).
    paused = [pause("2026-02-13 13:00", "2026-02-24 08:00")]
    assert due("2026-02-12 08:00", 3, pauses=paused) == at("2026-02-25 12:00")


def test_a_pause_moves_a_calendar_day_limit_by_its_office_time():
    # 3 calendar days from Mon 02/03 = Thu 05/03 17:00; paused Tue 08:00-12:00 (4 h) -> Fri 06/03 12:00.
    paused = [pause("2026-03-03 08:00", "2026-03-03 12:00")]
    assert due("2026-03-02 10:00", 3, "calendar_days", pauses=paused) == at("2026-03-06 12:00")


def test_a_pause_moves_a_same_day_limit_too():
    paused = [pause("2026-03-02 14:00", "2026-03-02 16:00")]
    assert due("2026-03-02 10:00", 0, cutoff=time(15), pauses=paused) == at("2026-03-03 10:00")


def test_a_pause_begun_before_the_receipt_counts_only_from_the_receipt():
    paused = [pause("2026-03-02 08:00", "2026-03-02 10:00")]
    # Received 09:00 during the pause: counting starts 10:00; 1 h -> 11:00.
    assert due("2026-03-02 09:00", 1, "hours", pauses=paused) == at("2026-03-02 11:00")
