"""A report's period in Vietnamese calendar dates, and the Vietnamese date of a stored instant, in SQL.

The database stores instants in UTC. Asia/Ho_Chi_Minh has been UTC+7 without daylight saving time since
13 June 1975 (its last change in the time zone database), so for every instant MotCua handles the Vietnamese
calendar date is the UTC date of the instant plus seven hours (`worktime.sql.vietnamese_date`); the month of
an instant adds the fixed interval and truncates to a month in UTC. Both are portable SQL (PostgreSQL and
SQLite alike) and need no time zone database in the server; tests/reports compare the date with the
working-time engine over many instants on both databases.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import DateField, DateTimeField, ExpressionWrapper, F, Value
from django.db.models.functions import TruncMonth

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
VIETNAM_OFFSET = timedelta(hours=7)  # fixed since 1975: see the module's docstring


def bounds(first_day: date, last_day: date) -> tuple[datetime, datetime]:
    """[first_day 00:00, the day after last_day 00:00) in Vietnamese time: both days included."""
    return (
        datetime.combine(first_day, time.min, tzinfo=VIETNAM),
        datetime.combine(last_day + timedelta(days=1), time.min, tzinfo=VIETNAM),
    )


def _shifted(field: str) -> ExpressionWrapper:
    return ExpressionWrapper(F(field) + Value(VIETNAM_OFFSET), output_field=DateTimeField())


def vietnamese_month(field: str) -> TruncMonth:
    """SQL: the first day of the Vietnamese calendar month of the instant in `field`."""
    return TruncMonth(_shifted(field), output_field=DateField(), tzinfo=UTC)
