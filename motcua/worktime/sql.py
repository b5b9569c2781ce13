"""The engine's classification of a finish, in SQL, for PostgreSQL and SQLite (reports, dossiers).

    vietnamese_date(field) -> expression       the Vietnamese calendar date of the instant in `field`
    timeliness(finished, due) -> expression    "early", "on_time" or "late", as `Calendar.classify`

The database stores instants in UTC. Asia/Ho_Chi_Minh has been UTC+7 without daylight saving time since
13 June 1975 (its last change in the time zone database), so for every instant MotCua handles the Vietnamese
calendar date is the UTC date of the instant plus seven hours. Both expressions are immutable SQL (the same
result for the same row whatever the session's time zone), so that the dossier table can store the timeliness
of a finish in a generated column (`Dossier.finish_timeliness`). tests/reports compare them with the engine
over many instants on both databases.
"""

from django.db.models import Case, CharField, DateField, F, Func, Value, When
from django.db.models.lookups import GreaterThan, LessThan

from .engine import EARLY, LATE, ON_TIME


class VietnameseDate(Func):
    """The UTC date of the instant plus seven hours, without the session's time zone."""

    arity = 1
    output_field = DateField()
    template = "((%(expressions)s AT TIME ZONE 'UTC') + interval '7 hours')::date"  # PostgreSQL

    def as_sqlite(self, compiler, connection, **extra_context):
        # Django keeps instants in SQLite as UTC text ("2026-03-04 17:00:00[.ffffff]").
        return self.as_sql(
            compiler, connection, template="date(%(expressions)s, '+7 hours')", **extra_context
        )


def vietnamese_date(field: str) -> VietnameseDate:
    """SQL: the Vietnamese calendar date of the instant in `field`."""
    return VietnameseDate(F(field))


def timeliness(finished: str, due: str) -> Case:
    """SQL: "early", "on_time" or "late" for the instants in fields `finished` and `due`, exactly as
    `worktime.engine.Calendar.classify`: late after the due instant; early on a Vietnamese date before the due
    date; otherwise on time (on the due date, at or before the due instant)."""
    return Case(
        When(GreaterThan(F(finished), F(due)), then=Value(LATE)),
        When(LessThan(vietnamese_date(finished), vietnamese_date(due)), then=Value(EARLY)),
        default=Value(ON_TIME),
        output_field=CharField(),
    )
