"""What moves when the calendar changes: `reschedule`.

The dossiers app (when it arrives) listens to `signals.calendar_changed`, loads its open deadlines in the
scope and around the dates it was told, and calls
    reschedule(deadlines, calendar_for(agency), changed_dates=dates)
then, for each result, stores the new due instant and logs `reason` in the dossier's history.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils.translation import gettext as _

from .engine import Calendar
from .explanations import format_instant


@dataclass(frozen=True)
class Deadline:
    """A deadline as computed before: what it was computed from, and the due instant stored then."""

    start: datetime
    amount: object  # int, Decimal or decimal string
    unit: str
    due: datetime
    pauses: Sequence[tuple[datetime, datetime]] = ()
    cutoff: time | None = None
    key: object = None  # the caller's identifier (a dossier's or a step's primary key)


@dataclass(frozen=True)
class DayStatus:
    date: date
    working: bool
    name: str


@dataclass(frozen=True)
class Rescheduled:
    deadline: Deadline
    old: datetime
    new: datetime
    reason: str  # a sentence in the active language, for the history
    changed_days: tuple[DayStatus, ...] = field(default=())


def day_status(calendar: Calendar, day: date) -> DayStatus:
    kind, name = calendar.day_kind(day)
    return DayStatus(day, calendar.is_working_day(day), name if kind else "")


def describe_day(status: DayStatus) -> str:
    values = {"date": f"{status.date:%d/%m/%Y}", "name": status.name}
    if status.working:
        return (
            _("%(date)s is now a working day (%(name)s)")
            if status.name
            else _("%(date)s is now a working day")
        ) % values
    return (
        _("%(date)s is now a day off (%(name)s)") if status.name else _("%(date)s is now a day off")
    ) % values


def reschedule(
    deadlines: Iterable[Deadline], calendar: Calendar, changed_dates: Iterable[date] = ()
) -> list[Rescheduled]:
    """The deadlines whose due instant differs under `calendar`, with the old and new instant and the reason.

    The reason names the changed dates (from `calendar_changed`) that lie between the receipt and the later of
    the old and new due dates, with what they are now.
    """
    changed = sorted(set(changed_dates))
    results = []
    for deadline in deadlines:
        new = calendar.due(deadline.start, deadline.amount, deadline.unit, deadline.pauses, deadline.cutoff)
        if new == deadline.due:
            continue
        first = calendar.local(deadline.start).date()
        last = max(calendar.local(new).date(), calendar.local(deadline.due).date())
        days = tuple(day_status(calendar, day) for day in changed if first <= day <= last)
        if days:
            reason = _("Due date moved from %(old)s to %(new)s: %(days)s.") % {
                "old": format_instant(deadline.due, calendar),
                "new": format_instant(new, calendar),
                "days": "; ".join(describe_day(day) for day in days),
            }
        else:
            reason = _("Due date moved from %(old)s to %(new)s: the working calendar changed.") % {
                "old": format_instant(deadline.due, calendar),
                "new": format_instant(new, calendar),
            }
        results.append(Rescheduled(deadline, deadline.due, new, reason, days))
    return results
