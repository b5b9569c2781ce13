"""Sentences that say why a due instant is where it is, in the active language (Vietnamese by default)."""

from datetime import date, datetime
from decimal import Decimal

from django.utils.dates import WEEKDAYS
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .engine import DAY_OFF, HOURS_PER_WORKING_DAY, WEEKEND, Calendar, Explanation
from .units import Unit


def format_instant(instant: datetime, calendar: Calendar) -> str:
    local = instant.astimezone(calendar.tz)
    clock = "%H:%M:%S" if local.second or local.microsecond else "%H:%M"
    return f"{local.strftime(clock)} {WEEKDAYS[local.weekday()]} {local:%d/%m/%Y}"


def format_range(first: date, last: date) -> str:
    """27/04, 16/02-20/02, or 31/12/2025-01/01/2026 across a new year."""
    if first == last:
        return f"{first:%d/%m}"
    if first.year != last.year:
        return f"{first:%d/%m/%Y}-{last:%d/%m/%Y}"
    return f"{first:%d/%m}-{last:%d/%m}"


def format_number(value) -> str:
    """2.5 -> "2,5" in Vietnamese, "2.5" in English; whole numbers without decimals; at most 2 decimals."""
    number = Decimal(value).quantize(Decimal("0.01")).normalize()
    return number_format(number if number != number.to_integral() else number.to_integral(), use_l10n=True)


def format_sessions(calendar: Calendar) -> str:
    return ", ".join(f"{start:%H:%M}-{end:%H:%M}" for start, end in calendar.sessions)


def _plural(amount: Decimal) -> int:
    """The number that chooses singular or plural: 1 for exactly one, else many (2.5, 0.5 and 0 included)."""
    return 1 if amount == 1 else 2


def _cutoff_lines(explanation: Explanation, received: str) -> list[str]:
    values = {"received": received, "cutoff": f"{explanation.cutoff:%H:%M}"}
    if explanation.after_cutoff:
        text = _(
            "Received %(received)s, after the cut-off at %(cutoff)s or on a day off: due at the close of "
            "the next working day."
        )
    else:
        text = _("Received %(received)s, by the cut-off at %(cutoff)s: due at the close of that working day.")
    lines = [text % values]
    if explanation.amount:
        lines.append(
            ngettext(
                "Then %(amount)s more working day, to the close.",
                "Then %(amount)s more working days, to the close.",
                _plural(explanation.amount),
            )
            % {"amount": format_number(explanation.amount)}
        )
    return lines


def _walked_lines(explanation: Explanation, calendar: Calendar, received: str) -> list[str]:
    if explanation.counting_from == explanation.received:
        text = _("Received %(received)s, during office hours: counting starts at once.")
    else:
        text = _("Received %(received)s, outside office hours: counting starts at %(start)s.")
    start = format_instant(explanation.counting_from, calendar)
    values = {
        "received": received,
        "start": start,
        "amount": format_number(explanation.amount),
        "hours": format_number(explanation.amount * HOURS_PER_WORKING_DAY),
        "sessions": format_sessions(calendar),
    }
    if explanation.unit == Unit.WORKING_DAYS:
        walk = ngettext(
            "%(amount)s working day = %(hours)s office hours, in the sessions %(sessions)s of working days.",
            "%(amount)s working days = %(hours)s office hours, in the sessions %(sessions)s of working days.",
            _plural(explanation.amount),
        )
    else:
        walk = ngettext(
            "%(amount)s office hour, in the sessions %(sessions)s of working days.",
            "%(amount)s office hours, in the sessions %(sessions)s of working days.",
            _plural(explanation.amount),
        )
    return [text % values, walk % values]


def _period_lines(explanation: Explanation, calendar: Calendar) -> list[str]:
    values = {
        "amount": format_number(explanation.amount),
        "received": f"{explanation.received.astimezone(calendar.tz):%d/%m/%Y}",
        "end": f"{explanation.period_end:%d/%m/%Y}",
    }
    if explanation.unit == Unit.CALENDAR_DAYS:
        text = ngettext(
            "%(amount)s day from %(received)s, the reception day not counted: the period ends on %(end)s.",
            "%(amount)s days from %(received)s, the reception day not counted: the period ends on %(end)s.",
            _plural(explanation.amount),
        )
    else:
        text = ngettext(
            "%(amount)s month from %(received)s: the period ends on %(end)s (same day number, or the "
            "month's end).",
            "%(amount)s months from %(received)s: the period ends on %(end)s (same day number, or the "
            "month's end).",
            _plural(explanation.amount),
        )
    lines = [text % values]
    if explanation.due.astimezone(calendar.tz).date() != explanation.period_end:
        lines.append(
            _("%(end)s is not a working day: the period ends at the close of the next working day.") % values
        )
    return lines


def _start_lines(explanation: Explanation, calendar: Calendar) -> list[str]:
    received = format_instant(explanation.received, calendar)
    if explanation.cutoff is not None:
        return _cutoff_lines(explanation, received)
    if explanation.unit in (Unit.HOURS, Unit.WORKING_DAYS):
        return _walked_lines(explanation, calendar, received)
    return _period_lines(explanation, calendar)


def describe(explanation: Explanation, calendar: Calendar) -> list[str]:
    """The explanation as sentences: how counting started, the days skipped with their names, pauses, due."""
    lines = _start_lines(explanation, calendar)
    weekend_days = 0
    for days in explanation.skipped:
        if days.kind == WEEKEND:
            weekend_days += (days.last - days.first).days + 1
        elif days.kind == DAY_OFF:
            lines.append(
                _("Day off: %(days)s %(name)s")
                % {"days": format_range(days.first, days.last), "name": days.name}
            )
    if weekend_days:
        lines.append(
            ngettext("%(count)d weekend day not worked.", "%(count)d weekend days not worked.", weekend_days)
            % {"count": weekend_days}
        )
    for days in explanation.worked:
        lines.append(
            _("Extra working day: %(days)s %(name)s")
            % {"days": format_range(days.first, days.last), "name": days.name}
        )
    if explanation.paused_minutes:
        minutes = explanation.paused_minutes
        hours = format_number(Decimal(minutes.numerator) / minutes.denominator / 60)
        lines.append(
            _(
                "Paused for %(hours)s office hours (waiting for a supplement): the due instant moves as "
                "much later."
            )
            % {"hours": hours}
        )
    lines.append(_("Due at %(due)s.") % {"due": format_instant(explanation.due, calendar)})
    return lines
