"""A naive reference for the engine: walks minute by minute (days one by one for calendar units).

Written independently of motcua.worktime.engine (it re-derives weekdays, sessions and months from the raw
data), so the property tests can check the fast engine against it, and bench/worktime.py can time it. Instants
must be whole minutes in Vietnamese time; amounts whole minutes of office time. Pure Python.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

MINUTE = timedelta(minutes=1)


def add_months(day: date, months: int) -> date:
    """Step month by month, then step back from the day number until the date exists."""
    year, month = day.year, day.month
    for _ in range(months):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    number = day.day
    while True:
        try:
            return date(year, month, number)
        except ValueError:
            number -= 1


class NaiveCalendar:
    def __init__(self, sessions, days_off, working_days, tz):
        self.sessions, self.days_off, self.working_days, self.tz = list(sessions), days_off, working_days, tz

    def is_working_day(self, day: date) -> bool:
        if day in self.working_days:
            return True
        return day not in self.days_off and day.weekday() < 5

    def office_minute(self, moment: datetime) -> bool:
        """Is the minute starting at `moment` (local, naive) office time?"""
        if not self.is_working_day(moment.date()):
            return False
        clock = moment.time()
        return any(start <= clock < end for start, end in self.sessions)

    def close(self, day: date) -> datetime:
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return datetime.combine(day, self.sessions[-1][1])

    def due(self, start: datetime, amount, unit: str, pauses=(), cutoff: time | None = None) -> datetime:
        local = start.astimezone(self.tz).replace(tzinfo=None)
        paused = [
            (a.astimezone(self.tz).replace(tzinfo=None), b.astimezone(self.tz).replace(tzinfo=None))
            for a, b in pauses
        ]
        amount = Decimal(amount)
        if cutoff is not None:
            day = local.date()
            if not (self.is_working_day(day) and local.time() <= min(cutoff, self.sessions[-1][1])):
                day += timedelta(days=1)
            end = self.close(day)
            for _ in range(int(amount)):
                end = self.close(end.date() + timedelta(days=1))
            return self._pause(end, local, paused)
        if unit in ("calendar_days", "months"):
            if unit == "calendar_days":
                last = local.date() + timedelta(days=int(amount))
            else:
                last = add_months(local.date(), int(amount))
            end = self.close(last)
            if end < local:  # 0 days, received after the close
                end = self.close(last + timedelta(days=1))
            return self._pause(end, local, paused)
        minutes = int(amount * (60 if unit == "hours" else 480))
        moment = local
        while minutes > 0:
            if self.office_minute(moment) and not any(a <= moment < b for a, b in paused):
                minutes -= 1
            moment += MINUTE
        return moment.replace(tzinfo=self.tz)

    def _pause(self, end: datetime, local: datetime, paused) -> datetime:
        """Extend a fixed end by the office minutes paused between the receipt and it, walking on."""
        moment, owed = local, 0
        while moment < end:
            if self.office_minute(moment) and any(a <= moment < b for a, b in paused):
                owed += 1
            moment += MINUTE
        while owed > 0:
            if self.office_minute(moment) and not any(a <= moment < b for a, b in paused):
                owed -= 1
            moment += MINUTE
        return moment.replace(tzinfo=self.tz)
