"""The working-time engine: every deadline of MotCua comes from `Calendar.due`.

Pure Python: no Django here (tests/worktime/test_engine_is_pure_python.py checks it), so the catalogue, the
dossiers, the statistics, the command line and the benchmark all share exactly this code.

How it works. A calendar numbers every office microsecond from 1 January of its first year ("positions"). A
day index, built once, holds the office time before each day (`_before_day`); working days carry the office
sessions, other days none. The position of an instant is a few additions; the instant at a position is one
bisect over the day index and one over the day's sessions. So a deadline costs two conversions, not a walk.

Rules (docs/worktime.md has them with examples):
- hours and working days are walked in office time from the receipt instant, or from the next session opening
  when the receipt falls outside a session; 1 working day = 8 office hours; the due instant is the moment the
  walk completes, a session's end included (17:00 stays 17:00);
- calendar days and months follow the Civil Code (art. 147-148): the reception day is not counted; the period
  ends at the close of its last day, moved to the close of the next working day when that day is not one;
- same-day procedures with a cut-off: received on a working day at or before the cut-off, due at that day's
  close, otherwise at the close of the next working day; whole working days are added after that;
- pauses (supplement requested until supplemented) stop the walk: the due instant moves later by exactly the
  office time they cover before it.
"""

from bisect import bisect_left, bisect_right
from calendar import monthrange
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_CEILING, Decimal, InvalidOperation
from fractions import Fraction
from zoneinfo import ZoneInfo

from .units import HOURS_PER_WORKING_DAY, Unit

TIME_ZONE = "Asia/Ho_Chi_Minh"
DEFAULT_SESSIONS = ((time(8), time(12)), (time(13), time(17)))
FIRST_YEAR = 1990
LAST_YEAR = 2100

# Office time is counted in microseconds ("ticks"), the resolution of datetime: nothing is ever rounded.
TICKS_PER_SECOND = 1_000_000
TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND
TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE
TICKS_PER_WORKING_DAY = HOURS_PER_WORKING_DAY * TICKS_PER_HOUR

WALKED_UNITS = frozenset({Unit.HOURS, Unit.WORKING_DAYS})
CALENDAR_UNITS = frozenset({Unit.CALENDAR_DAYS, Unit.MONTHS})

EARLY, ON_TIME, LATE = "early", "on_time", "late"
_CACHEABLE_AMOUNTS = frozenset({int, str, Decimal})
DAY_OFF, WEEKEND, WORKING_DAY = "day_off", "weekend", "working_day"


class OutOfRange(ValueError):
    """An instant or a due date falls outside the calendar's years."""


@dataclass(frozen=True)
class DayRange:
    """Consecutive days of one kind: named days off, plain weekend days, or extra working days."""

    first: date
    last: date
    kind: str  # DAY_OFF, WEEKEND or WORKING_DAY
    name: str  # "" for plain weekend days


@dataclass(frozen=True)
class Explanation:
    """Why a due instant is where it is; motcua.worktime.explanations turns it into sentences."""

    received: datetime
    amount: Decimal
    unit: Unit
    cutoff: time | None
    due: datetime
    counting_from: datetime | None  # walked units: where the walk started
    after_cutoff: bool | None  # same-day procedures: the receipt came after the cut-off (or on a day off)
    period_end: date | None  # calendar units: the period's last day, before moving to a working day
    skipped: tuple[DayRange, ...]  # non-working days that moved the due instant, grouped
    worked: tuple[DayRange, ...]  # extra working days (make-up Saturdays, overrides) that counted
    paused_minutes: Fraction  # office time covered by pauses before the due instant


def _ticks_of(value: time) -> int:
    return ((value.hour * 60 + value.minute) * 60 + value.second) * TICKS_PER_SECOND + value.microsecond


def _aware(instant: datetime, what: str = "instant") -> datetime:
    if not isinstance(instant, datetime):
        raise TypeError(f"{what} must be a datetime, not {type(instant).__name__}")
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{what} {instant.isoformat()} has no time zone; give an aware datetime")
    return instant


def to_amount(amount) -> Decimal:
    """An amount as Decimal: int, Decimal or a decimal string; never a float, never negative."""
    if isinstance(amount, bool) or not isinstance(amount, int | Decimal | str):
        raise TypeError(f"amount must be an int, a Decimal or a decimal string, not {type(amount).__name__}")
    try:
        value = Decimal(amount.strip() if isinstance(amount, str) else amount)
    except InvalidOperation as error:
        raise ValueError(f"amount {amount!r} is not a number") from error
    if not value.is_finite():
        raise ValueError(f"amount {amount!r} is not a finite number")
    if value < 0:
        raise ValueError(f"amount {amount!r} is negative")
    return value


def add_months(day: date, months: int) -> date:
    """The same day number `months` later, clamped to the month's end (31/01 + 1 month = 28/02 or 29/02)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def _names_label(names: Sequence[str]) -> str:
    """Distinct names in order, without those that only repeat another ("Mùng hai Tết Nguyên Đán")."""
    distinct = list(dict.fromkeys(name for name in names if name))
    kept = [name for name in distinct if not any(other != name and other in name for other in distinct)]
    return ", ".join(kept)


class Calendar:
    """Office sessions on working days, from `first_year` to `last_year`, in one time zone.

    A day is a working day when it is listed in `working_days` (make-up Saturdays, overrides), else when it is
    not in `days_off` and not a weekend day. Both mappings give a name per date; a date in both is refused
    (resolve overrides first: motcua.worktime.days.apply_overrides).
    """

    def __init__(
        self,
        sessions: Iterable[tuple[time, time]] = DEFAULT_SESSIONS,
        days_off: Mapping[date, str] | None = None,
        working_days: Mapping[date, str] | None = None,
        *,
        time_zone: str = TIME_ZONE,
        first_year: int = FIRST_YEAR,
        last_year: int = LAST_YEAR,
        weekend: Iterable[int] = (5, 6),
    ) -> None:
        self.sessions = tuple((start, end) for start, end in sessions)
        self.days_off = dict(days_off or {})
        self.working_days = dict(working_days or {})
        self.tz = ZoneInfo(time_zone)
        self.first_year, self.last_year = first_year, last_year
        self.weekend = frozenset(weekend)
        both = sorted(set(self.days_off) & set(self.working_days))
        if both:
            raise ValueError(f"{both[0]} is both a day off and a working day")
        self._build_sessions()
        self._build_day_index()
        self._limits: dict = {}

    def _build_sessions(self) -> None:
        if not self.sessions:
            raise ValueError("a calendar needs at least one office session")
        previous_end = -1
        starts, ends, before, total = [], [], [], 0
        for start, end in self.sessions:
            if start.tzinfo is not None or end.tzinfo is not None:
                raise ValueError("session times are wall-clock times, without a time zone")
            start_ticks, end_ticks = _ticks_of(start), _ticks_of(end)
            if start_ticks >= end_ticks or start_ticks < previous_end:
                raise ValueError("sessions must be in order, each ending after it starts, without overlap")
            starts.append(start_ticks)
            ends.append(end_ticks)
            before.append(total)
            total += end_ticks - start_ticks
            previous_end = end_ticks
        self._session_starts, self._session_ends = tuple(starts), tuple(ends)
        self._session_before = tuple(before)  # office ticks of a working day before each session
        self._session_done = tuple(b + e - s for b, s, e in zip(before, starts, ends, strict=True))
        self._session_spans = tuple(zip(starts, ends, before, strict=True))
        self.day_ticks = total
        self.closing_time = self.sessions[-1][1]

    def _build_day_index(self) -> None:
        self.first_day = date(self.first_year, 1, 1)
        self.last_day = date(self.last_year, 12, 31)
        self._base = self.first_day.toordinal()
        count = self.last_day.toordinal() - self._base + 1
        working = bytearray(count)
        for index in range(count):
            working[index] = ((self._base + index - 1) % 7) not in self.weekend  # ordinal 1 was a Monday
        for day in self.days_off:
            if self.first_day <= day <= self.last_day:
                working[day.toordinal() - self._base] = 0
        for day in self.working_days:
            if self.first_day <= day <= self.last_day:
                working[day.toordinal() - self._base] = 1
        before_day, total = [0] * (count + 1), 0
        for index in range(count):
            if working[index]:
                total += self.day_ticks
            before_day[index + 1] = total
        self._working = bytes(working)
        self._before_day = before_day  # office ticks before day i; before_day[count] = all of them

    # --- days -------------------------------------------------------------------------------------------

    def _index(self, day: date) -> int:
        index = day.toordinal() - self._base
        if not 0 <= index < len(self._working):
            raise OutOfRange(f"{day} is outside the calendar ({self.first_year}-{self.last_year})")
        return index

    def is_working_day(self, day: date) -> bool:
        return bool(self._working[self._index(day)])

    def day_kind(self, day: date) -> tuple[str, str]:
        """What a day is: (WORKING_DAY, name) for extra working days, ("", "") for ordinary ones,
        (DAY_OFF, name) for named days off, (WEEKEND, "") for plain weekend days."""
        if self.is_working_day(day):
            return (WORKING_DAY, self.working_days[day]) if day in self.working_days else ("", "")
        if day in self.days_off:
            return DAY_OFF, self.days_off[day]
        return WEEKEND, ""

    def local(self, instant: datetime) -> datetime:
        return _aware(instant).astimezone(self.tz)

    # --- positions: office ticks since the calendar's first day ---------------------------------------------

    def _position(self, instant: datetime) -> int:
        """Office time from the calendar's start to `instant`: outside sessions it is the next opening's."""
        local = self.local(instant)
        index = local.toordinal() - self._base
        if not 0 <= index < len(self._working):
            raise OutOfRange(
                f"{instant.isoformat()} is outside the calendar ({self.first_year}-{self.last_year})"
            )
        if not self._working[index]:
            return self._before_day[index]
        ticks = ((local.hour * 60 + local.minute) * 60 + local.second) * TICKS_PER_SECOND + local.microsecond
        position = self._before_day[index]
        for start, end, before in self._session_spans:
            if ticks < start:
                return position + before
            if ticks <= end:
                return position + before + ticks - start
        return self._before_day[index + 1]

    def _instant(self, index: int, ticks: int) -> datetime:
        if not 0 <= index < len(self._working):
            raise OutOfRange(f"the due date falls outside the calendar ({self.first_year}-{self.last_year})")
        day = date.fromordinal(self._base + index)
        seconds, micro = divmod(ticks, TICKS_PER_SECOND)
        minutes, second = divmod(seconds, 60)
        hour, minute = divmod(minutes, 60)
        return datetime(day.year, day.month, day.day, hour, minute, second, micro, tzinfo=self.tz)

    def _instant_at(self, position: int) -> datetime:
        """The instant the walk reaches `position`: a position at a session's end is that end (17:00)."""
        if not 0 < position <= self._before_day[-1]:
            raise OutOfRange(f"the due date falls outside the calendar ({self.first_year}-{self.last_year})")
        index = bisect_left(self._before_day, position) - 1
        offset = position - self._before_day[index]
        session = bisect_left(self._session_done, offset)
        return self._instant(index, self._session_starts[session] + offset - self._session_before[session])

    def _opening_at(self, position: int) -> datetime:
        """The instant at `position` seen as a start: a session's end is the next session's opening."""
        index = bisect_right(self._before_day, position) - 1
        if index >= len(self._working):
            raise OutOfRange("the opening falls after the calendar's last day")
        offset = position - self._before_day[index]
        session = bisect_right(self._session_before, offset) - 1
        return self._instant(index, self._session_starts[session] + offset - self._session_before[session])

    def _close_of(self, index: int) -> int:
        """Position of the close of the first working day at or after day `index`."""
        if not 0 <= index < len(self._working):
            raise OutOfRange(f"the period ends outside the calendar ({self.first_year}-{self.last_year})")
        return self._before_day[index] + self.day_ticks

    # --- sessions ---------------------------------------------------------------------------------------

    def in_session(self, instant: datetime) -> bool:
        """Is `instant` inside an office session of a working day (both ends included)?"""
        local = self.local(instant)
        if not self.is_working_day(local.date()):
            return False
        ticks = _ticks_of(local.time())
        return any(s <= ticks <= e for s, e in zip(self._session_starts, self._session_ends, strict=True))

    def next_opening(self, instant: datetime) -> datetime:
        """The first session opening at or after `instant`."""
        local = self.local(instant)
        index = self._index(local.date())
        if self._working[index]:
            ticks = _ticks_of(local.time())
            for start in self._session_starts:
                if start >= ticks:
                    return self._instant(index, start)
        return self._opening_at(self._before_day[index + 1])

    def counting_start(self, instant: datetime) -> datetime:
        """Where walked time starts: the instant itself inside a session, else the next opening."""
        return instant if self.in_session(instant) else self.next_opening(instant)

    # --- deadlines --------------------------------------------------------------------------------------

    def _walk_ticks(self, amount: Decimal, unit: Unit) -> int:
        per_unit = TICKS_PER_HOUR if unit is Unit.HOURS else TICKS_PER_WORKING_DAY
        return int((amount * per_unit).to_integral_value(rounding=ROUND_CEILING))

    def _whole(self, amount: Decimal, unit: Unit, why: str) -> int:
        if amount != amount.to_integral_value():
            raise ValueError(f"{unit.value} need a whole amount {why}, not {amount}")
        return int(amount)

    def _target(self, start: datetime, amount: Decimal, unit: Unit, cutoff: time | None) -> int:
        """The position the deadline reaches before pauses."""
        if cutoff is not None:
            if unit is not Unit.WORKING_DAYS:
                raise ValueError(f"a cut-off applies to working_days, not {unit.value}")
            days = self._whole(amount, unit, "with a cut-off")
            return self._close_of(self._cutoff_day(start, cutoff)) + days * self.day_ticks
        if unit in WALKED_UNITS:
            return self._position(start) + self._walk_ticks(amount, unit)
        period_end = self._period_end(start, amount, unit)
        if period_end == self.local(start).date():
            # 0 days or months: the reception day's close, unless the receipt came after it.
            return self._close_of(self._cutoff_day(start, self.closing_time))
        return self._close_of(self._index(period_end))

    def _cutoff_day(self, start: datetime, cutoff: time) -> int:
        """Index of the day whose close is due: the receipt day when received on a working day at or before
        the cut-off (and before the close), else the next working day."""
        local = self.local(start)
        index = self._index(local.date())
        limit = min(_ticks_of(cutoff), _ticks_of(self.closing_time))
        if self._working[index] and _ticks_of(local.time()) <= limit:
            return index
        return index + 1

    def _period_end(self, start: datetime, amount: Decimal, unit: Unit) -> date:
        count = self._whole(amount, unit, "(the Civil Code counts whole days and months)")
        received_on = self.local(start).date()
        try:
            if unit is Unit.CALENDAR_DAYS:
                return received_on + timedelta(days=count)
            return add_months(received_on, count)
        except (OverflowError, ValueError) as error:
            raise OutOfRange(f"{count} {unit.value} from {received_on} is outside any calendar") from error

    def _pause_spans(self, begin: int, pauses: Iterable[tuple[datetime, datetime]]) -> list[tuple[int, int]]:
        """Pauses as sorted, merged office positions from `begin` on."""
        spans = []
        for pause in pauses:
            paused, resumed = pause
            if _aware(resumed, "pause end") < _aware(paused, "pause start"):
                raise ValueError(f"pause {paused.isoformat()} ends before it starts")
            low, high = max(self._position(paused), begin), self._position(resumed)
            if high > low:
                spans.append((low, high))
        spans.sort()
        merged: list[tuple[int, int]] = []
        for low, high in spans:
            if merged and low <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], high))
            else:
                merged.append((low, high))
        return merged

    def _pause_target(self, begin: int, target: int, pauses) -> tuple[int, int]:
        """(target moved by the pauses that start before it, office ticks those pauses covered)."""
        covered = 0
        for low, high in self._pause_spans(begin, pauses):
            if low >= target:
                break
            covered += high - low
            target += high - low
        return target, covered

    def _limit(self, amount, unit) -> tuple[Decimal, Unit, int | None]:
        """(amount as Decimal, unit, office ticks for walked units), remembered per (amount, unit)."""
        cacheable = type(amount) in _CACHEABLE_AMOUNTS  # exact types: never True == 1 or 1.0 == 1
        if cacheable:
            limit = self._limits.get((amount, unit))
            if limit is not None:
                return limit
        value, unit = to_amount(amount), Unit(unit)
        limit = (value, unit, self._walk_ticks(value, unit) if unit in WALKED_UNITS else None)
        if cacheable:
            if len(self._limits) >= 4096:
                self._limits.clear()
            self._limits[(amount, unit)] = limit
        return limit

    def due(self, start: datetime, amount, unit, pauses=(), cutoff: time | None = None) -> datetime:
        """The due instant of a time limit of `amount` `unit` received at `start`, in the calendar's zone."""
        value, unit, ticks = self._limit(amount, unit)
        if ticks is not None and cutoff is None:
            if not ticks:
                return self.counting_start(start).astimezone(self.tz)
            target = self._position(start) + ticks
        else:
            _aware(start, "start")
            target = self._target(start, value, unit, cutoff)
        if pauses:
            target, _covered = self._pause_target(self._position(start), target, pauses)
        return self._instant_at(target)

    def shift(self, instant: datetime, pauses=(), since: datetime | None = None) -> datetime:
        """`instant` (a due instant) moved later by the office time that `pauses` cover before it, counting
        only pause time after `since`: a new appointment given by an apology, then pauses after it."""
        _aware(instant, "instant")
        begin = self._position(_aware(since, "since")) if since is not None else 0
        target = self._position(instant)
        moved, covered = self._pause_target(begin, target, pauses)
        return self._instant_at(moved) if covered else instant

    def elapsed(self, start: datetime, end: datetime, pauses=()) -> Fraction:
        """Office minutes from `start` to `end`, pauses excluded (exact: a Fraction; int() or float() it)."""
        begin, finish = self._position(_aware(start, "start")), self._position(_aware(end, "end"))
        if end < start:
            raise ValueError(f"end {end.isoformat()} is before start {start.isoformat()}")
        ticks = finish - begin
        for low, high in self._pause_spans(begin, pauses):
            ticks -= max(0, min(high, finish) - low)
        return Fraction(ticks, TICKS_PER_MINUTE)

    def classify(self, finished: datetime, due: datetime) -> str:
        """EARLY when finished on a date (in the calendar's zone) before the due date; ON_TIME when finished
        on the due date at or before the due instant; LATE after the due instant."""
        if _aware(finished, "finished") > _aware(due, "due"):
            return LATE
        return EARLY if self.local(finished).date() < self.local(due).date() else ON_TIME

    # --- explanations -----------------------------------------------------------------------------------

    def explain(self, start: datetime, amount, unit, pauses=(), cutoff: time | None = None) -> Explanation:
        """The due instant with the reasons: skipped days with their names, extra working days, pauses."""
        value, unit = to_amount(amount), Unit(unit)
        due = self.due(start, value, unit, pauses, cutoff)
        received_on = self.local(start).date()
        counting_from = after_cutoff = period_end = None
        if cutoff is not None:
            after_cutoff = self._cutoff_day(start, cutoff) != self._index(received_on)
            span = (received_on, due.date())
        elif unit in WALKED_UNITS:
            counting_from = self.counting_start(start).astimezone(self.tz)
            span = (received_on, due.date())
        else:
            period_end = self._period_end(start, value, unit)
            span = (period_end, due.date())
        paused = Fraction(0)
        if pauses and not (unit in WALKED_UNITS and cutoff is None and value == 0):
            begin = self._position(start)
            _target, covered = self._pause_target(begin, self._target(start, value, unit, cutoff), pauses)
            paused = Fraction(covered, TICKS_PER_MINUTE)
        skipped, worked = self.special_days(*span)
        return Explanation(
            received=start,
            amount=value,
            unit=unit,
            cutoff=cutoff,
            due=due,
            counting_from=counting_from,
            after_cutoff=after_cutoff,
            period_end=period_end,
            skipped=skipped,
            worked=worked,
            paused_minutes=paused,
        )

    def special_days(self, first: date, last: date) -> tuple[tuple[DayRange, ...], tuple[DayRange, ...]]:
        """(non-working days, extra working days) from `first` to `last`, grouped into ranges: consecutive
        named days off form one range named after all of them; plain weekend days form their own ranges."""
        skipped: list[tuple[date, date, str, list[str]]] = []
        worked: list[tuple[date, date, str, list[str]]] = []
        day = first
        while day <= last:
            kind, name = self.day_kind(day)
            if kind:
                groups = worked if kind == WORKING_DAY else skipped
                previous = groups[-1] if groups else None
                if previous and previous[2] == kind and previous[1] == day - timedelta(days=1):
                    groups[-1] = (previous[0], day, kind, [*previous[3], name])
                else:
                    groups.append((day, day, kind, [name]))
            day += timedelta(days=1)

        def ranges(groups):
            return tuple(DayRange(a, b, kind, _names_label(names)) for a, b, kind, names in groups)

        return ranges(skipped), ranges(worked)
