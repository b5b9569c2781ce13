"""The calendar of an agency, and deadlines computed with it: what other apps call.

    calendar_for(agency or None) -> engine.Calendar      cached; fresh after any override change anywhere
    due_for(agency, received, amount, unit, pauses=(), cutoff=None) -> datetime
    explain_for(agency, received, amount, unit, pauses=(), cutoff=None) -> engine.Explanation
    calendar_year(agency, year) -> list[CalendarDay]       the year's special days, for screens and the CLI

Each process keeps its calendars with the revision token they were built from (models.CalendarRevision) and
reuses them only while the token is unchanged: one primary-key read per call. Agencies with the same sessions
and the same overrides share one Calendar object.
"""

import threading
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Q

from motcua.org.models import Agency
from motcua.org.office_hours import DEFAULT_OFFICE_HOURS, parse_office_hours

from .days import apply_overrides, official_days
from .engine import DAY_OFF, WORKING_DAY, Calendar, Explanation
from .models import CalendarOverride, CalendarRevision


@dataclass(frozen=True)
class Override:
    date: date
    kind: str
    name: str
    decision: str
    agency: str  # the agency's name, "" for a global override
    depth: int  # 0 global, then the agency's depth + 1: a deeper override wins


@dataclass(frozen=True)
class CalendarDay:
    date: date
    kind: str  # DAY_OFF or WORKING_DAY
    name: str
    override: Override | None  # None: from the official calendar (the `holidays` package)


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.token: object = object()  # matches no revision: the first call reads the database
        self.by_agency: dict = {}
        self.by_config: dict = {}

    def get(self, token, key):
        with self.lock:
            if token != self.token:
                self.token, self.by_agency, self.by_config = token, {}, {}
            return self.by_agency.get(key), self.by_config

    def put(self, token, key, config, calendar: Calendar) -> None:
        with self.lock:
            if token == self.token:  # a newer revision arrived meanwhile: do not keep an older calendar
                self.by_agency[key] = calendar
                self.by_config[config] = calendar


_cache = _Cache()


def _revision():
    return CalendarRevision.objects.filter(pk=1).values_list("token", flat=True).first()


def overrides_for(agency: Agency | None) -> list[Override]:
    """Overrides that apply to `agency` (global ones, its ancestors', its own), weakest first."""
    scope = Q(agency__isnull=True)
    if agency is not None:
        ids = [int(part) for part in agency.path.strip("/").split("/") if part]
        scope |= Q(agency_id__in=ids)
    rows = CalendarOverride.objects.filter(scope).values_list(
        "date", "kind", "name", "decision", "agency__name", "agency__path"
    )
    overrides = [
        Override(day, kind, name, decision, agency_name or "", path.count("/") - 1 if path else 0)
        for day, kind, name, decision, agency_name, path in rows
    ]
    return sorted(overrides, key=lambda override: (override.depth, override.date))


def _sessions(agency: Agency | None) -> tuple[tuple[time, time], ...]:
    return tuple(agency.sessions if agency is not None else parse_office_hours(DEFAULT_OFFICE_HOURS))


def calendar_for(agency: Agency | None = None) -> Calendar:
    """The working calendar of `agency` (None: the national default, sessions 08:00-12:00, 13:00-17:00)."""
    token = _revision()  # read before the overrides, so a change in between only causes a rebuild later
    key = None if agency is None else (agency.pk, agency.path, agency.office_hours)
    calendar, by_config = _cache.get(token, key)
    if calendar is not None:
        return calendar
    sessions = _sessions(agency)
    overrides = overrides_for(agency)
    config = (sessions, tuple((o.date, o.kind, o.name) for o in overrides))
    calendar = by_config.get(config)
    if calendar is None:
        days_off, working_days = apply_overrides(*official_days(), config[1])
        calendar = Calendar(sessions, days_off, working_days)
    _cache.put(token, key, config, calendar)
    return calendar


def due_for(agency: Agency | None, received: datetime, amount, unit, pauses=(), cutoff=None) -> datetime:
    """The due instant of a time limit received at `received` by `agency` (see engine.Calendar.due)."""
    return calendar_for(agency).due(received, amount, unit, pauses, cutoff)


def explain_for(
    agency: Agency | None, received: datetime, amount, unit, pauses=(), cutoff=None
) -> Explanation:
    """The due instant with its reasons; `explanations.describe()` makes sentences of it."""
    return calendar_for(agency).explain(received, amount, unit, pauses, cutoff)


def calendar_year(agency: Agency | None, year: int) -> list[CalendarDay]:
    """Every day off and extra working day of `year` for `agency`, with its name and its override if any."""
    calendar = calendar_for(agency)
    winning = {override.date: override for override in overrides_for(agency) if override.date.year == year}
    days = [
        *((day, DAY_OFF, name) for day, name in calendar.days_off.items() if day.year == year),
        *((day, WORKING_DAY, name) for day, name in calendar.working_days.items() if day.year == year),
    ]
    return [CalendarDay(day, kind, name, winning.get(day)) for day, kind, name in sorted(days)]
