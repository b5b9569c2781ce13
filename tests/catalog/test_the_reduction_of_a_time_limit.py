"""The reduction of a committed limit against the legal one, in days and percent (rounded half-up)."""

from decimal import Decimal

import pytest

from motcua.catalog.rules import Limit, Reduction, reduction
from motcua.worktime.units import Unit

D = Decimal
WORKING_DAYS = Unit.WORKING_DAYS


@pytest.mark.parametrize(
    ("legal", "committed", "days", "percent"),
    [
        ("3", "2.5", "0.5", "16.67"),
        ("3", "2", "1", "33.33"),
        ("15", "10", "5", "33.33"),
        ("15", "13.5", "1.5", "10.00"),
        ("7", "6", "1", "14.29"),
        ("30", "29", "1", "3.33"),
        ("10", "9", "1", "10.00"),
        ("5", "4.5", "0.5", "10.00"),
        ("25", "24", "1", "4.00"),
        ("20", "18", "2", "10.00"),
    ],
)
def test_the_reduction_in_working_days(legal, committed, days, percent):
    result = reduction(Limit(D(legal), WORKING_DAYS), Limit(D(committed), WORKING_DAYS))
    assert result == Reduction(D(days), D(percent))
    assert str(result.percent) == percent  # two decimals, as shown to people


def test_hours_count_eight_to_a_working_day():
    assert reduction(Limit(D(2), WORKING_DAYS), Limit(D(12), Unit.HOURS)) == Reduction(D("0.5"), D("25.00"))
    assert reduction(Limit(D(8), Unit.HOURS), Limit(D(4), Unit.HOURS)) == Reduction(D("0.5"), D("50.00"))


def test_half_up_rounding():
    # 1/8 = 12.5 %; 1/16 = 6.25 %; 1/3 of a percent step: 2/3 = 66.666... -> 66.67
    assert reduction(Limit(D(1), WORKING_DAYS), Limit(D(7), Unit.HOURS)).percent == D("12.50")
    assert reduction(Limit(D(3), WORKING_DAYS), Limit(D(1), WORKING_DAYS)).percent == D("66.67")
    assert reduction(Limit(D(16), Unit.HOURS), Limit(D("15.99"), Unit.HOURS)).percent == D("0.06")


def test_calendar_units_compare_only_with_the_same_unit():
    days = Unit.CALENDAR_DAYS
    assert reduction(Limit(D(30), days), Limit(D(20), days)) == Reduction(D(10), D("33.33"))
    assert reduction(Limit(D(2), Unit.MONTHS), Limit(D(1), Unit.MONTHS)) == Reduction(D(1), D("50.00"))
    assert reduction(Limit(D(30), days), Limit(D(20), WORKING_DAYS)) is None
    assert reduction(Limit(D(1), Unit.MONTHS), Limit(D(30), days)) is None


def test_no_reduction_against_a_legal_limit_of_zero():
    assert reduction(Limit(D(0), WORKING_DAYS), Limit(D(0), WORKING_DAYS)) is None


def test_no_reduction_is_zero_percent():
    assert reduction(Limit(D(5), WORKING_DAYS), Limit(D(40), Unit.HOURS)) == Reduction(D(0), D("0.00"))
