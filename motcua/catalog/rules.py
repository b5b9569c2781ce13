"""Catalogue rules as plain functions: comparing time limits, the reduction, the process hours."""

from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from django.utils.translation import gettext as _

from motcua.worktime.units import HOURS_PER_WORKING_DAY, Unit

from .choices import Channel, OnlineLevel, TimeUnit

# Units that are walked in office hours, and so can be compared through 8 hours a working day.
OFFICE_TIME_UNITS = frozenset({Unit.HOURS, Unit.WORKING_DAYS})
HUNDREDTH = Decimal("0.01")


class Limit(NamedTuple):
    value: Decimal
    unit: Unit


class Reduction(NamedTuple):
    """How much shorter the committed limit is than the legal one.

    `days` is in working days when both limits are office time (hours or working days); for calendar units it
    is in the limits' own unit (calendar days, or months). `percent` is rounded half-up to two decimals.
    """

    days: Decimal
    percent: Decimal


def office_hours(limit: Limit) -> Decimal | None:
    """The limit in office hours, or None for calendar units (they do not walk office time)."""
    if limit.unit == Unit.HOURS:
        return Decimal(limit.value)
    if limit.unit == Unit.WORKING_DAYS:
        return Decimal(limit.value) * HOURS_PER_WORKING_DAY
    return None


def comparable(a: Limit, b: Limit) -> bool:
    return (a.unit in OFFICE_TIME_UNITS and b.unit in OFFICE_TIME_UNITS) or a.unit == b.unit


def _amounts(legal: Limit, committed: Limit) -> tuple[Decimal, Decimal, Decimal] | None:
    """(legal, committed, size of one reported day) in a common unit, or None when not comparable."""
    if not comparable(legal, committed):
        return None
    if legal.unit in OFFICE_TIME_UNITS:
        return office_hours(legal), office_hours(committed), Decimal(HOURS_PER_WORKING_DAY)
    return Decimal(legal.value), Decimal(committed.value), Decimal(1)


def exceeds(committed: Limit, legal: Limit) -> bool:
    """Is the committed limit longer than the legal one? False when they cannot be compared."""
    amounts = _amounts(legal, committed)
    return amounts is not None and amounts[1] > amounts[0]


def reduction(legal: Limit, committed: Limit) -> Reduction | None:
    """The reduction of `committed` against `legal`; None when not comparable or the legal value is 0.

    >>> reduction(Limit(Decimal(3), Unit.WORKING_DAYS), Limit(Decimal("2.5"), Unit.WORKING_DAYS))
    Reduction(days=Decimal('0.5'), percent=Decimal('16.67'))
    """
    amounts = _amounts(legal, committed)
    if amounts is None or amounts[0] == 0:
        return None
    legal_amount, committed_amount, day = amounts
    saved = legal_amount - committed_amount
    percent = (saved * 100 / legal_amount).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)
    return Reduction(days=(saved / day).normalize() + 0, percent=percent)


def process_hours_expected(committed: Limit, same_day_cutoff) -> Decimal | None:
    """The office hours a procedure's steps must add up to, or None when no sum is required.

    Same-day procedures (a cut-off hour, 0 working days) and calendar units have no fixed number of hours.
    """
    if same_day_cutoff is not None:
        return None
    return office_hours(committed)


def number(value: Decimal) -> str:
    """A decimal as people write it: 2.5, 15 (no exponent, no trailing zeros)."""
    return f"{Decimal(value).normalize():f}"


def describe(limit: Limit) -> str:
    return f"{number(limit.value)} {TimeUnit(limit.unit).label}"


class Problem(NamedTuple):
    """A rule broken by a procedure's content: the key (as in the catalogue file) and what is wrong."""

    key: str
    message: str


def check_limits(legal: Limit, committed: Limit, same_day_cutoff) -> list[Problem]:
    problems = []
    if exceeds(committed, legal):
        message = _("The committed time limit (%(committed)s) is longer than the legal one (%(legal)s).")
        problems.append(
            Problem(
                "committed_time_limit", message % {"committed": describe(committed), "legal": describe(legal)}
            )
        )
    zero = Limit(Decimal(0), Unit.WORKING_DAYS)
    if same_day_cutoff is not None and not (_is(legal, zero) and _is(committed, zero)):
        message = _("A same-day procedure (with a cut-off hour) has time limits of 0 working days.")
        problems.append(Problem("same_day_cutoff", message))
    return problems


def _is(limit: Limit, other: Limit) -> bool:
    return limit.unit == other.unit and Decimal(limit.value) == other.value


def check_channels(channels, online_level: str) -> list[Problem]:
    if not channels:
        return [Problem("channels", _("At least one way of filing is needed."))]
    if online_level != OnlineLevel.NONE and Channel.ONLINE not in channels:
        message = _("An online service level (partial or full) needs the online channel.")
        return [Problem("online_level", message)]
    return []


def check_process(committed: Limit, same_day_cutoff, step_hours) -> list[Problem]:
    """The steps' hours add up to the committed limit (office time units only, not same-day procedures)."""
    expected = process_hours_expected(committed, same_day_cutoff)
    step_hours = list(step_hours)
    if not step_hours or expected is None:
        return []
    total = sum(step_hours, Decimal(0))
    if total == expected:
        return []
    message = _(
        "The steps of the internal process add up to %(total)s office hours, but the committed time limit "
        "is %(expected)s office hours."
    )
    return [Problem("process", message % {"total": number(total), "expected": number(expected)})]
