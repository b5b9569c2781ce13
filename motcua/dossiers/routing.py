"""Where a dossier goes: the steps of its procedure's internal process (quy trình nội bộ), as data.

A process is the version's ordered `ProcessStep`s. A step's agency is fixed, or (empty) the agency that
received the dossier. When the last step belongs to a desk officer it is the return step (trả kết quả): the
result is issued at the step before it and handed back there. A procedure without a process gets one step at
the receiving agency, a specialist's, with the whole committed limit.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from motcua.org.models import Agency, Role
from motcua.worktime.units import HOURS_PER_WORKING_DAY, Unit

from . import deadlines
from .models import Dossier, DossierStep


@dataclass(frozen=True)
class PlannedStep:
    name: str
    agency: Agency
    role: str
    hours: Decimal


def process_of(dossier: Dossier) -> list[PlannedStep]:
    """The dossier's process, read once per dossier object and version (one action asks up to three times;
    a version's steps never change once it is published)."""
    cached = getattr(dossier, "_process", None)
    if cached is not None and cached[0] == dossier.procedure_version_id:
        return cached[1]
    version = dossier.procedure_version
    steps = [
        PlannedStep(step.name, step.agency or dossier.receiving_agency, step.role, step.hours)
        for step in version.steps.select_related("agency").order_by("order", "pk")
    ] or [
        PlannedStep(
            _("Processing the dossier"), dossier.receiving_agency, Role.SPECIALIST, _whole_limit(dossier)
        )
    ]
    dossier._process = (dossier.procedure_version_id, steps)
    return steps


def _whole_limit(dossier: Dossier) -> Decimal:
    version = dossier.procedure_version
    value, unit = version.committed_limit_value, version.committed_limit_unit
    if unit == Unit.HOURS:
        return value
    if unit == Unit.WORKING_DAYS and value > 0:
        return value * HOURS_PER_WORKING_DAY
    return Decimal(HOURS_PER_WORKING_DAY)  # calendar units and same-day: one working day as the step's budget


def return_index(dossier: Dossier) -> int | None:
    steps = process_of(dossier)
    if len(steps) > 1 and steps[-1].role == Role.DESK_OFFICER:
        return len(steps) - 1
    return None


def first_step(dossier: Dossier) -> int:
    return 0


def next_index(dossier: Dossier, step: DossierStep) -> int | None:
    index = step.process_index + 1
    return index if index < len(process_of(dossier)) else None


def previous_index(step: DossierStep) -> int | None:
    if step.is_transfer:
        return step.process_index  # back to the step that transferred it
    return step.process_index - 1 if step.process_index > 0 else None


def start_step(
    dossier: Dossier, target, now: datetime, came_from: DossierStep | None = None, *, first: bool = False
) -> DossierStep:
    """Open the next passage: `target` is an index in the process, or ("transfer", agency, hours).
    `first`: the passage that reception opens, number 1 (a dossier has no passage before it is received)."""
    if first:
        number = 1
    else:
        number = (dossier.steps.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    if isinstance(target, tuple):
        _kind, agency, hours = target
        step = DossierStep(
            dossier=dossier,
            number=number,
            process_index=came_from.process_index,
            is_transfer=True,
            name=_("Transfer to %(agency)s") % {"agency": agency.name},
            agency=agency,
            role=Role.SPECIALIST,
            budget_hours=Decimal(str(hours)),
            started_at=now,
        )
    else:
        planned = process_of(dossier)[target]
        step = DossierStep(
            dossier=dossier,
            number=number,
            process_index=target,
            name=planned.name,
            agency=planned.agency,
            role=planned.role,
            budget_hours=planned.hours,
            started_at=now,
        )
    step.due_at = deadlines.step_due(step)
    step.save()
    return step
