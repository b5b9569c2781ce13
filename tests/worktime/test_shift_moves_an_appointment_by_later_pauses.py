"""An apology's new appointment moves later by the office time of the pauses that follow it."""

from datetime import datetime
from zoneinfo import ZoneInfo

from motcua.worktime.engine import Calendar

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day, hour, minute=0):
    return datetime(2026, 3, day, hour, minute, tzinfo=VN)


def test_no_pause_leaves_the_instant_alone():
    assert Calendar().shift(at(6, 17), ()) == at(6, 17)


def test_a_pause_of_two_office_hours_moves_a_close_of_day_appointment_to_ten_next_morning():
    # Appointment Friday 06/03 17:00; paused Wednesday 04/03 09:00-11:00: two office hours, so the walk that
    # ended at 17:00 Friday ends two office hours later, Monday 09/03 10:00.
    assert Calendar().shift(at(6, 17), [(at(4, 9), at(4, 11))], since=at(3, 8)) == at(9, 10)


def test_pause_time_before_since_does_not_count():
    # Only the part after `since` (10:00) counts: one office hour.
    assert Calendar().shift(at(6, 17), [(at(4, 9), at(4, 11))], since=at(4, 10)) == at(9, 9)


def test_a_pause_after_the_appointment_does_not_move_it():
    assert Calendar().shift(at(6, 12), [(at(6, 13), at(6, 15))]) == at(6, 12)
