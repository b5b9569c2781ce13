"""The one path every business action takes: lock, check, change, record, tell.

`services.py` is the only caller. Kept apart so that the actions there read as the rules they are.
"""

from contextlib import contextmanager
from datetime import date, datetime

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua import clock
from motcua.org.models import Agency
from motcua.org.selectors import STEP_ACTION, Action, can
from motcua.text import nfc

from .errors import InvalidRequest, NotAllowed, StaleVersion, WrongState
from .lifecycle import allowed
from .models import Dossier, DossierEvent, DossierStep, national_status_of

# Sent inside the transaction of every business action: receivers write what must commit with the event
# (outbox rows). Arguments: dossier, event.
event_recorded = Signal()

ROLE_ACTION = STEP_ACTION  # the org rule: which action a role's step work needs


def actor_name(actor) -> str:
    if actor is None:
        return _("MotCua system")
    return actor.get_full_name() or actor.get_username()


def require(actor, action: str, agency: Agency) -> None:
    if not can(actor, action, agency):
        raise NotAllowed(
            _("You may not %(action)s at %(agency)s.")
            % {"action": Action.LABELS[action], "agency": agency.name},
            agency=agency.code,
        )


def require_step_role(actor, dossier: Dossier) -> DossierStep:
    step = dossier.current_step
    if step is None:
        raise WrongState(_("The dossier is not at a processing step."))
    require(actor, ROLE_ACTION[step.role], step.agency)
    return step


@contextmanager
def locked(dossier: Dossier, action: str, expected_version: int | None):
    """Lock the dossier row for `action` in a transaction; yield the fresh row."""
    with transaction.atomic():
        locked = (
            Dossier.objects.select_for_update(of=("self",))
            .select_related(
                "procedure_version__procedure", "receiving_agency", "current_agency", "current_step__agency"
            )
            .get(pk=dossier.pk)
        )
        if expected_version is not None and locked.version != expected_version:
            raise StaleVersion(
                _("Somebody else changed this dossier meanwhile. Reload it and try again."),
                version=locked.version,
            )
        if not allowed(action, locked.state):
            raise WrongState(
                _("This action is not possible while the dossier is “%(state)s”.")
                % {"state": locked.state_label()},
                state=locked.state,
            )
        yield locked


def record(
    dossier: Dossier,
    action: str,
    actor,
    *,
    agency: Agency,
    to_state: str | None = None,
    note: str = "",
    data: dict | None = None,
    step: DossierStep | None = None,
    at: datetime | None = None,
) -> DossierEvent:
    """Apply the state change to the (locked) row, bump its version, append the event, tell listeners."""
    from_state = dossier.state
    if to_state is not None:
        dossier.state = to_state
        dossier.national_status = national_status_of(to_state)
    dossier.version += 1
    dossier.save()
    event = append_event(
        dossier, action, actor, agency=agency, from_state=from_state, note=note, data=data, step=step, at=at
    )
    tell(dossier, event)
    return event


def append_event(
    dossier: Dossier,
    action: str,
    actor,
    *,
    agency: Agency,
    from_state: str,
    note: str = "",
    data: dict | None = None,
    step: DossierStep | None = None,
    at: datetime | None = None,
) -> DossierEvent:
    """The event of the dossier's current version (the row is already written with that version)."""
    return DossierEvent.objects.create(
        dossier=dossier,
        number=dossier.version,
        action=action,
        at=at or clock.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=actor_name(actor),
        agency=agency,
        from_state=from_state,
        to_state=dossier.state,
        step=step if step is not None else dossier.current_step,
        note=nfc(note),
        data=data or {},
    )


def tell(dossier: Dossier, event: DossierEvent) -> None:
    """Listeners write what must commit with the event (outbox rows), inside the transaction."""
    event_recorded.send(sender=Dossier, dossier=dossier, event=event)


def iso(instant: datetime | None) -> str | None:
    """Instants in event details are written in Vietnamese time, as people read them."""
    return timezone.localtime(instant).isoformat() if instant else None


def required_text(value: str, what: str, field: str) -> str:
    """`value` NFC-normalised, or InvalidRequest naming the input `field` (for API clients) and `what` it is
    (for people)."""
    value = nfc(value)
    if not value:
        raise InvalidRequest(_("%(what)s is required.") % {"what": what}, field=field)
    return value


def require_applicant_or(actor, dossier: Dossier, action: str, agency: Agency) -> None:
    """The applicant's own online account, or staff with `action` at `agency`."""
    if dossier.submitted_by_id is not None and getattr(actor, "pk", None) == dossier.submitted_by_id:
        return
    require(actor, action, agency)


def clock_date(instant: datetime) -> date:
    """The Vietnamese calendar date of an instant (codes and registers are by Vietnamese date)."""
    return timezone.localtime(instant).date()
