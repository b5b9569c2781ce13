"""The one path every business action on a feedback takes: lock, check, change, record, tell.

`services.py` is the only caller; kept apart so that the actions there read as the rules they are.
"""

from contextlib import contextmanager
from datetime import datetime

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua import clock
from motcua.org.models import Agency
from motcua.org.selectors import Action, can
from motcua.text import nfc

from . import deadlines
from .errors import InvalidRequest, NotAllowed, StaleVersion, WrongState
from .lifecycle import allowed
from .models import Feedback, FeedbackEvent

# Sent inside the transaction of every business action: receivers write what must commit with the event
# (outbox rows). Arguments: feedback, event.
event_recorded = Signal()

# Sent inside the transaction when the sender must be told something (accepted, refused, information asked,
# answered). Arguments: feedback, event, what ("accepted", "refused", "information_requested", "answered").
# The outbox (motcua.notices) connects a receiver that queues the e-mail or SMS; until then nobody listens.
sender_notice_due = Signal()


def actor_name(actor, action: str = "") -> str:
    if actor is None or not getattr(actor, "pk", None):
        return _("MotCua system") if action == "reschedule" else _("the sender")
    return actor.get_full_name() or actor.get_username()


def require(actor, action: str, agency: Agency) -> None:
    if not can(actor, action, agency):
        raise NotAllowed(
            _("You may not %(action)s at %(agency)s.")
            % {"action": Action.LABELS[action], "agency": agency.name},
            agency=agency.code,
        )


@contextmanager
def locked(feedback: Feedback, action: str, expected_version: int | None):
    """Lock the feedback row for `action` in a transaction; yield the fresh row."""
    with transaction.atomic():
        fresh = (
            Feedback.objects.select_for_update(of=("self",))
            .select_related("agency", "receiving_agency")
            .get(pk=feedback.pk)
        )
        if expected_version is not None and fresh.version != expected_version:
            raise StaleVersion(
                _("Somebody else changed this feedback meanwhile. Reload it and try again."),
                version=fresh.version,
            )
        if not allowed(action, fresh.state):
            raise WrongState(
                _("This action is not possible while the feedback is “%(state)s”.")
                % {"state": fresh.state_label()},
                state=fresh.state,
            )
        yield fresh


def record(
    feedback: Feedback,
    action: str,
    actor,
    *,
    agency: Agency,
    to_state: str | None = None,
    note: str = "",
    data: dict | None = None,
    at: datetime | None = None,
) -> FeedbackEvent:
    """Apply the state change to the (locked) row, bump its version, append the event, tell listeners."""
    from_state = "" if action == "submit" else feedback.state
    if to_state is not None:
        feedback.state = to_state
    feedback.due_at = deadlines.current_due(feedback)
    feedback.version += 1
    feedback.save()
    event = FeedbackEvent.objects.create(
        feedback=feedback,
        number=feedback.version,
        action=action,
        at=at or clock.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=actor_name(actor, action),
        agency=agency,
        from_state=from_state,
        to_state=feedback.state,
        note=nfc(note),
        data=data or {},
    )
    event_recorded.send(sender=Feedback, feedback=feedback, event=event)
    return event


def tell_sender(feedback: Feedback, event: FeedbackEvent, what: str) -> None:
    """The hook for notifying the sender, inside the action's transaction (see `sender_notice_due`)."""
    sender_notice_due.send(sender=Feedback, feedback=feedback, event=event, what=what)


def iso(instant: datetime | None) -> str | None:
    """Instants in event details are written in Vietnamese time, as people read them."""
    return timezone.localtime(instant).isoformat() if instant else None


def required_text(value: str, what: str, field: str) -> str:
    value = nfc(value)
    if not value:
        raise InvalidRequest(_("%(what)s is required.") % {"what": what}, field=field)
    return value
