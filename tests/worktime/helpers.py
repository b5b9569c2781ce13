"""Shared by the worktime tests: Vietnam's official calendar and a short way to write instants."""

from datetime import datetime
from zoneinfo import ZoneInfo

from motcua.worktime.days import official_days
from motcua.worktime.engine import Calendar

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
VN = Calendar(days_off=official_days()[0], working_days=official_days()[1])


def at(text: str) -> datetime:
    """ "2026-03-02 09:00" (Vietnamese time) as an aware datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=VN_TZ)


def due(received: str, amount, unit: str = "working_days", calendar: Calendar = VN, **options) -> datetime:
    return calendar.due(at(received), amount, unit, **options)
