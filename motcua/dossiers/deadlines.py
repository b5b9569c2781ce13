"""Due instants of a dossier and of its steps, all through the working-time engine (worktime.selectors).

The appointment (`Dossier.due_at`) is the procedure's committed limit walked from reception on the receiving
agency's calendar, moved later by every closed pause; after an apology it is the apology's new appointment,
moved later by the pauses that came after it. A step's due is its budget in office hours walked from its start
on its agency's calendar, moved by the pauses during the step. Nothing else computes a deadline.
"""

from datetime import datetime

from motcua.worktime.engine import Explanation
from motcua.worktime.selectors import calendar_for, due_for, explain_for
from motcua.worktime.units import Unit

from .models import Dossier, DossierStep


def closed_pauses(dossier: Dossier, since: datetime | None = None) -> list[tuple[datetime, datetime]]:
    pauses = dossier.pauses.filter(ended_at__isnull=False)
    if since is not None:
        pauses = pauses.filter(ended_at__gt=since)
    return [(pause.started_at, pause.ended_at) for pause in pauses]


def _procedure_limit(dossier: Dossier) -> tuple:
    version = dossier.procedure_version
    return version.committed_limit_value, version.committed_limit_unit, version.same_day_cutoff


def first_due(dossier: Dossier) -> datetime:
    """The appointment given at reception: no pause and no apology can exist before it."""
    amount, unit, cutoff = _procedure_limit(dossier)
    return due_for(dossier.receiving_agency, dossier.received_at, amount, unit, (), cutoff)


def dossier_due(dossier: Dossier) -> datetime:
    """The appointment now: from the procedure, or from the last apology, with the pauses since."""
    # apology_count counts the Apology rows (both written by `apologise`): no query when there is none.
    apology = dossier.apologies.order_by("-issued_at").first() if dossier.apology_count else None
    if apology is not None:
        pauses = closed_pauses(dossier, since=apology.issued_at)
        return extend(dossier, apology.new_due_at, pauses, since=apology.issued_at)
    amount, unit, cutoff = _procedure_limit(dossier)
    return due_for(
        dossier.receiving_agency, dossier.received_at, amount, unit, closed_pauses(dossier), cutoff
    )


def extend(dossier: Dossier, due: datetime, pauses, since: datetime) -> datetime:
    """`due` moved later by the office time of `pauses` (after `since`) that fall before it."""
    return calendar_for(dossier.receiving_agency).shift(due, pauses, since=since)


def explain_dossier_due(dossier: Dossier) -> Explanation | None:
    if dossier.received_at is None or dossier.apologies.exists():
        return None
    amount, unit, cutoff = _procedure_limit(dossier)
    return explain_for(
        dossier.receiving_agency, dossier.received_at, amount, unit, closed_pauses(dossier), cutoff
    )


def step_due(step: DossierStep, pauses=()) -> datetime:
    return due_for(step.agency, step.started_at, step.budget_hours, Unit.HOURS, pauses)


def pause_minutes(dossier: Dossier, start: datetime, end: datetime) -> int:
    """Office minutes between `start` and `end` on the receiving agency's calendar (rounded down)."""
    return int(calendar_for(dossier.receiving_agency).elapsed(start, end))


def close_of_day(dossier: Dossier, day) -> datetime:
    """The close of office of `day` at the receiving agency: the instant of an appointment given as a date."""
    calendar = calendar_for(dossier.receiving_agency)
    if not calendar.is_working_day(day):
        raise ValueError(f"{day} is not a working day")
    return datetime.combine(day, calendar.closing_time, tzinfo=calendar.tz)


def classify(dossier: Dossier, finished: datetime, due: datetime) -> str:
    return calendar_for(dossier.receiving_agency).classify(finished, due)
