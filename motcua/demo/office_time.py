"""Office seconds on a working calendar, walked forward and backward: how the demo places its stories.

The working-time engine walks deadlines forward from a reception; the demo also needs to walk back from "now"
(an open dossier whose last action was three office hours ago). Both directions use the calendar's own
working days and sessions, so a step drawn at 90% of its budget here is 90% of it for the engine too.
"""

from bisect import bisect_left
from datetime import date, datetime, time, timedelta


def _seconds(moment: time) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


class OfficeTime:
    """Positions: office seconds counted from the opening of the first working day on or after `first`."""

    def __init__(self, calendar, first: date, last: date) -> None:
        self.tz = calendar.tz
        self.sessions = [(_seconds(start), _seconds(end)) for start, end in calendar.sessions]
        self.day_seconds = sum(end - start for start, end in self.sessions)
        self.days: list[date] = []
        self.starts: list[int] = []
        day, total = first, 0
        while day <= last:
            if calendar.is_working_day(day):
                self.days.append(day)
                self.starts.append(total)
                total += self.day_seconds
            day += timedelta(days=1)
        self.ends = [start + self.day_seconds for start in self.starts]

    def position(self, instant: datetime) -> int:
        """Office seconds before `instant` (outside the sessions: up to the last close before it)."""
        local = instant.astimezone(self.tz)
        index = bisect_left(self.days, local.date())
        if index == len(self.days):
            return self.ends[-1]
        if self.days[index] != local.date():
            return self.starts[index]
        clock = _seconds(local.time())
        within = sum(min(max(clock - start, 0), end - start) for start, end in self.sessions)
        return self.starts[index] + within

    def instant(self, position: int) -> datetime:
        """The instant at `position`; a session's end stays the end (12:00, 17:00), as in the engine."""
        index = min(bisect_left(self.ends, position), len(self.days) - 1)
        offset = max(position - self.starts[index], 0)
        for start, end in self.sessions:
            if offset <= end - start:
                seconds = start + offset
                break
            offset -= end - start
        else:
            seconds = self.sessions[-1][1]
        day = self.days[index]
        return datetime(day.year, day.month, day.day, tzinfo=self.tz) + timedelta(seconds=seconds)
