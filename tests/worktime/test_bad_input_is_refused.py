"""The engine refuses what it cannot compute correctly rather than guessing."""

from datetime import datetime, time
from decimal import Decimal

import pytest

from motcua.worktime.engine import Calendar, OutOfRange

from .helpers import VN, at


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="time zone"):
        VN.due(datetime(2026, 3, 2, 9), 1, "working_days")
    with pytest.raises(ValueError):
        VN.elapsed(at("2026-03-02 09:00"), datetime(2026, 3, 2, 10))
    with pytest.raises(ValueError):
        VN.due(at("2026-03-02 09:00"), 1, "hours", pauses=[(datetime(2026, 3, 2, 9), at("2026-03-02 10:00"))])


@pytest.mark.parametrize("amount", ["-1", -1, Decimal("-0.5"), "abc", "NaN", "Infinity"])
def test_negative_or_non_numbers_are_refused(amount):
    with pytest.raises(ValueError):
        VN.due(at("2026-03-02 09:00"), amount, "working_days")


@pytest.mark.parametrize("amount", [1.5, 1.0, True, None])
def test_floats_and_other_types_are_refused(amount):
    VN.due(at("2026-03-02 09:00"), 1, "working_days")  # 1 == 1.0 == True: a cached 1 must not let them in
    with pytest.raises(TypeError):
        VN.due(at("2026-03-02 09:00"), amount, "working_days")


def test_amounts_may_be_int_decimal_or_decimal_strings():
    expected = at("2026-03-04 14:00")
    assert VN.due(at("2026-03-02 09:00"), Decimal("2.5"), "working_days") == expected
    assert VN.due(at("2026-03-02 09:00"), " 2.50 ", "working_days") == expected
    assert VN.due(at("2026-03-02 09:00"), 20, "hours") == expected


def test_unknown_units_are_refused():
    with pytest.raises(ValueError):
        VN.due(at("2026-03-02 09:00"), 1, "weeks")


def test_calendar_units_need_whole_amounts():
    with pytest.raises(ValueError):
        VN.due(at("2026-03-02 09:00"), "1.5", "calendar_days")
    with pytest.raises(ValueError):
        VN.due(at("2026-03-02 09:00"), "0.5", "months")


def test_instants_outside_the_calendar_are_refused():
    with pytest.raises(OutOfRange):
        VN.due(at("1989-12-29 09:00"), 1, "working_days")
    with pytest.raises(OutOfRange):
        VN.due(at("2100-12-31 09:00"), 5, "working_days")
    with pytest.raises(OutOfRange):
        VN.due(at("2100-06-01 09:00"), 12, "months")


def test_a_pause_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        VN.due(at("2026-03-02 09:00"), 1, "hours", pauses=[(at("2026-03-02 11:00"), at("2026-03-02 10:00"))])


def test_elapsed_refuses_an_end_before_the_start():
    with pytest.raises(ValueError):
        VN.elapsed(at("2026-03-02 11:00"), at("2026-03-02 10:00"))


def test_malformed_calendars_are_refused():
    with pytest.raises(ValueError):
        Calendar([])
    with pytest.raises(ValueError):
        Calendar([(time(13), time(17)), (time(8), time(12))])
    day = at("2026-03-02").date()
    with pytest.raises(ValueError):
        Calendar(days_off={day: "a"}, working_days={day: "b"})
