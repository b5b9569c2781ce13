"""What a citizen sees of a dossier: its status and history in plain words, the appointment, what is missing,
and where to collect the result. The applicant appears only as initials; no staff name, no free text written
by staff except the list of missing documents (the reasons of a refusal or a stop are in the written notice
the applicant receives).

The web page and the public API both show a `PublicDossier`.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from motcua.dossiers.lifecycle import Channel, ReturnMethod, State
from motcua.dossiers.models import Dossier, DossierEvent

from . import ratelimit, selectors
from .presenting import initials, office_hours, vnd, when

# Each state in plain words: a short label, and what it means for the applicant.
STATUS = {
    State.SUBMITTED: (
        pgettext_lazy("tracking status", "Waiting to be received"),
        gettext_lazy("Your dossier has been handed in; the desk is checking that it is complete."),
    ),
    State.SUPPLEMENT_REQUESTED: (
        pgettext_lazy("tracking status", "Documents missing"),
        gettext_lazy("Your dossier needs more documents: bring or send what is listed below."),
    ),
    State.RECEIVED: (
        pgettext_lazy("tracking status", "Received"),
        gettext_lazy("Your dossier has been received and will be processed by the appointment."),
    ),
    State.PROCESSING: (
        pgettext_lazy("tracking status", "Being processed"),
        gettext_lazy("Your dossier is being processed."),
    ),
    State.AWAITING_PAYMENT: (
        pgettext_lazy("tracking status", "Waiting for payment"),
        gettext_lazy("Fees or charges must be paid before the result can be issued."),
    ),
    State.RESULT_READY: (
        pgettext_lazy("tracking status", "Result ready"),
        gettext_lazy("The result is ready: see below where and how to collect it."),
    ),
    State.RETURNED: (
        pgettext_lazy("tracking status", "Result handed over"),
        gettext_lazy("The result has been handed over. The dossier is closed."),
    ),
    State.NOT_RECEIVED: (
        pgettext_lazy("tracking status", "Not received"),
        gettext_lazy(
            "The dossier could not be received; the reasons are in the written notice you were given."
        ),
    ),
    State.STOPPED: (
        pgettext_lazy("tracking status", "Processing stopped"),
        gettext_lazy("Processing was stopped; the reasons are in the written notice sent to you."),
    ),
    State.WITHDRAWN: (
        pgettext_lazy("tracking status", "Withdrawn"),
        gettext_lazy("The dossier was withdrawn at the applicant's request."),
    ),
}


@dataclass(frozen=True)
class Entry:
    at: datetime
    action: str
    text: str

    @property
    def at_text(self) -> str:
        return when(self.at)


@dataclass(frozen=True)
class Collection:
    """Where and how the result is collected."""

    method: str
    method_label: str
    agency: str
    address: str
    phone: str
    office_hours: str


@dataclass(frozen=True)
class Fee:
    name: str
    amount: int

    @property
    def amount_text(self) -> str:
        return vnd(self.amount)


@dataclass(frozen=True)
class PublicDossier:
    code: str
    procedure_code: str
    procedure_name: str
    applicant_initials: str
    state: str
    national_status: int
    status: str
    status_text: str
    current_agency: str
    submitted_at: datetime
    received_at: datetime | None
    due_at: datetime | None
    original_due_at: datetime | None
    new_appointment_after_apology: bool
    paused: bool
    finished_at: datetime | None
    returned_at: datetime | None
    missing: list[str] = field(default_factory=list)
    fees_due: list[Fee] = field(default_factory=list)
    timeline: list[Entry] = field(default_factory=list)
    collection: Collection | None = None

    @property
    def is_open(self) -> bool:
        return self.state in State.open_states()

    @property
    def due_text(self) -> str:
        return when(self.due_at)

    @property
    def original_due_text(self) -> str:
        return when(self.original_due_at)

    @property
    def received_text(self) -> str:
        return when(self.received_at)


@dataclass(frozen=True)
class Lookup:
    """The answer to a tracking request: the dossier, or nothing (not found), or a refusal (rate limit)."""

    dossier: PublicDossier | None
    refused: bool = False
    retry_after: int = 0


def look_up(address: str, code: str, *, secret: str = "", phone_digits: str = "") -> Lookup:
    """Find a dossier for a citizen at `address`, counting a wrong try against the address's rate limit.

    An address that has used up its wrong tries this minute is refused before anything is looked up."""
    if ratelimit.is_refused(address):
        return Lookup(None, refused=True, retry_after=ratelimit.seconds_to_next_minute())
    dossier = selectors.tracked_dossier(code, secret=secret, phone_digits=phone_digits)
    if dossier is None:
        ratelimit.record_failure(address)
        return Lookup(None)
    return Lookup(public_view(dossier))


def public_view(dossier: Dossier) -> PublicDossier:
    events = list(dossier.events.select_related("agency", "step__agency").order_by("number"))
    label, text = STATUS[State(dossier.state)]
    state = dossier.state
    show_agency = state in (
        State.RECEIVED,
        State.PROCESSING,
        State.SUPPLEMENT_REQUESTED,
        State.AWAITING_PAYMENT,
    )
    fees_due = []
    if state == State.AWAITING_PAYMENT:
        fees_due = [Fee(fee.name, fee.amount) for fee in dossier.fees.filter(paid_at__isnull=True)]
    return PublicDossier(
        code=dossier.code,
        procedure_code=dossier.procedure_version.procedure.code,
        procedure_name=dossier.procedure_version.name,
        applicant_initials=initials(dossier.applicant_name),
        state=state,
        national_status=dossier.national_status,
        status=str(label),
        status_text=str(text),
        current_agency=dossier.current_agency.name if show_agency else "",
        submitted_at=dossier.submitted_at,
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        original_due_at=dossier.original_due_at,
        new_appointment_after_apology=dossier.apology_count > 0,
        paused=dossier.paused_since is not None,
        finished_at=dossier.finished_at,
        returned_at=dossier.returned_at,
        missing=_missing(dossier, events),
        fees_due=fees_due,
        timeline=[entry for entry in (_entry(dossier, event) for event in events) if entry is not None],
        collection=_collection(dossier),
    )


def _missing(dossier: Dossier, events: list[DossierEvent]) -> list[str]:
    if dossier.state != State.SUPPLEMENT_REQUESTED:
        return []
    for event in reversed(events):
        if event.action in ("request_supplement", "request_supplement_at_desk"):
            return [str(item) for item in event.data.get("missing", [])]
    return []


def _collection(dossier: Dossier) -> Collection:
    method = dossier.return_method or dossier.delivery_choice or ReturnMethod.DESK
    agency = dossier.receiving_agency
    return Collection(
        method=method,
        method_label=str(ReturnMethod(method).label) if method in ReturnMethod.values else method,
        agency=agency.name,
        address=agency.address,
        phone=agency.phone,
        office_hours=office_hours(agency),
    )


def _instant(value) -> datetime | None:
    return parse_datetime(value) if isinstance(value, str) else None


def _entry(dossier: Dossier, event: DossierEvent) -> Entry | None:
    """One event as a sentence, or None for what the applicant need not see (internal permissions)."""
    agency = event.agency.name
    step = event.step
    where = step.agency.name if step is not None else agency
    step_name = step.name if step is not None else ""
    data = event.data or {}
    action = event.action
    if action == "submit":
        if dossier.channel == Channel.ONLINE:
            text = _("Filed online with %(agency)s.") % {"agency": agency}
        else:
            text = _("Handed in at %(agency)s.") % {"agency": agency}
    elif action == "receive":
        text = _("Received by %(agency)s; result promised for %(due)s.") % {
            "agency": agency,
            "due": when(_instant(data.get("due_at"))),
        }
    elif action == "request_supplement_at_desk":
        text = _("%(agency)s asked for more documents before receiving the dossier: %(missing)s.") % {
            "agency": agency,
            "missing": "; ".join(data.get("missing", [])),
        }
    elif action == "request_supplement":
        text = _(
            "%(agency)s asked for more documents: %(missing)s. The time limit is paused until they arrive."
        ) % {"agency": agency, "missing": "; ".join(data.get("missing", []))}
    elif action == "supplement":
        text = _("The missing documents were handed in.")
    elif action == "refuse":
        text = _("%(agency)s could not receive the dossier (see the written notice).") % {"agency": agency}
    elif action == "forward":
        text = _("Passed on to “%(step)s” at %(agency)s.") % {"step": step_name, "agency": where}
    elif action == "send_back":
        text = _("Sent back to “%(step)s” at %(agency)s to be looked at again.") % {
            "step": step_name,
            "agency": where,
        }
    elif action == "request_payment":
        total = sum(int(fee.get("amount", 0)) for fee in data.get("fees", []))
        text = _("Fees and charges to pay: %(amount)s.") % {"amount": vnd(total)}
    elif action == "record_payment":
        text = _("Fees and charges paid; processing goes on.")
    elif action == "finish":
        text = _("The result is ready.")
    elif action == "return_result":
        method = data.get("method", "")
        label = ReturnMethod(method).label if method in ReturnMethod.values else method
        text = _("The result was handed over (%(method)s).") % {"method": label}
    elif action == "stop":
        text = _("%(agency)s stopped processing the dossier (see the written notice).") % {"agency": agency}
    elif action == "withdraw":
        text = _("The dossier was withdrawn at the applicant's request.")
    elif action == "apologise":
        text = _("%(agency)s apologised for the delay and gave a new appointment: %(due)s.") % {
            "agency": agency,
            "due": when(_instant(data.get("due_at"))),
        }
    elif action == "reschedule":
        text = _("The official calendar changed; the appointment is now %(due)s.") % {
            "due": when(_instant(data.get("due_at")))
        }
    else:
        return None
    return Entry(at=event.at, action=action, text=text)
