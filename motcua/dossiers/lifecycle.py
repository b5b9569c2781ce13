"""The lifecycle of a dossier: its states, and which business action may move it from where to where.

The table is small on purpose; every transition carries the reason it exists (the law or a user need).
Processes (the steps inside "processing") are data in the catalogue; this lifecycle is code.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    SUBMITTED = "submitted", _("submitted, not yet received")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("supplement requested")
    RECEIVED = "received", _("received")
    PROCESSING = "processing", _("processing")
    AWAITING_PAYMENT = "awaiting_payment", _("awaiting payment")
    RESULT_READY = "result_ready", _("result ready")
    RETURNED = "returned", _("result returned")
    NOT_RECEIVED = "not_received", _("not received")
    STOPPED = "stopped", _("processing stopped")
    WITHDRAWN = "withdrawn", _("withdrawn")

    @classmethod
    def closed_states(cls) -> frozenset[str]:
        return frozenset({cls.RETURNED, cls.NOT_RECEIVED, cls.STOPPED, cls.WITHDRAWN})

    @classmethod
    def open_states(cls) -> frozenset[str]:
        return frozenset(cls.values) - cls.closed_states()

    @classmethod
    def clock_states(cls) -> frozenset[str]:
        """States in which the appointment clock of a received dossier runs (or is paused)."""
        return frozenset({cls.RECEIVED, cls.PROCESSING, cls.SUPPLEMENT_REQUESTED, cls.AWAITING_PAYMENT})


# Status codes of the National Public Service Portal (Cổng DVCQG), domain reference 3.1.
NATIONAL_STATUS = {
    State.SUBMITTED: 1,
    State.RECEIVED: 2,
    State.NOT_RECEIVED: 3,
    State.PROCESSING: 4,
    State.SUPPLEMENT_REQUESTED: 5,
    State.AWAITING_PAYMENT: 6,
    State.WITHDRAWN: 7,
    State.STOPPED: 8,
    State.RESULT_READY: 9,
    State.RETURNED: 10,
}


class Channel(models.TextChoices):
    DIRECT = "direct", _("at the desk")
    ONLINE = "online", _("online")
    POSTAL = "postal", _("by post")


class SupplementStage(models.TextChoices):
    DESK = "desk", _("the desk, before reception")
    PROCESSING = "processing", _("the processing agency")


class ReturnMethod(models.TextChoices):
    DESK = "desk", _("at the desk")
    POST = "post", _("by post")
    ONLINE = "online", _("online")


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str | None  # None: the state does not change (an apology, a step forward)
    reason: str


S = State
TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(
        frozenset(),
        S.SUBMITTED,
        "An online filing (or a walk-in being checked) waits for the desk to accept it.",
    ),
    "receive": Transition(
        frozenset({S.SUBMITTED}),
        S.RECEIVED,
        "Decree 61 art. 18-19: a complete dossier is received with a code and an appointment slip (Mẫu 01).",
    ),
    "request_supplement_at_desk": Transition(
        frozenset({S.SUBMITTED}),
        S.SUPPLEMENT_REQUESTED,
        "An incomplete dossier is guided once, in writing (Mẫu 02), before reception; no clock runs.",
    ),
    "request_supplement": Transition(
        frozenset({S.RECEIVED, S.PROCESSING}),
        S.SUPPLEMENT_REQUESTED,
        "Appraisal finds a gap: the agency asks once, in writing (Mẫu 02); the clock pauses meanwhile.",
    ),
    "supplement": Transition(
        frozenset({S.SUPPLEMENT_REQUESTED}),
        None,
        "The applicant brings what was asked: back to the desk check, or processing resumes with the clock.",
    ),
    "refuse": Transition(
        frozenset({S.SUBMITTED, S.SUPPLEMENT_REQUESTED}),
        S.NOT_RECEIVED,
        "A dossier that cannot be accepted is refused with specific reasons (Mẫu 03).",
    ),
    "forward": Transition(
        frozenset({S.RECEIVED, S.PROCESSING}),
        S.PROCESSING,
        "Each step hands the dossier on, or to another agency (một cửa liên thông), logged (Mẫu 05).",
    ),
    "send_back": Transition(
        frozenset({S.PROCESSING}),
        S.PROCESSING,
        "A step that cannot accept the work returns it to the previous step, with the reason.",
    ),
    "request_payment": Transition(
        frozenset({S.RECEIVED, S.PROCESSING}),
        S.AWAITING_PAYMENT,
        "Fees, charges or taxes must be paid before the result (national status 6); the clock pauses.",
    ),
    "record_payment": Transition(
        frozenset({S.AWAITING_PAYMENT}), S.PROCESSING, "Payment received: processing and the clock resume."
    ),
    "finish": Transition(
        frozenset({S.RECEIVED, S.PROCESSING}),  # received: a process of one step (or none) ends at once
        S.RESULT_READY,
        "The competent person approves and issues the result; processing time ends here (766 method).",
    ),
    "return_result": Transition(
        frozenset({S.RESULT_READY}),
        S.RETURNED,
        "The result is handed back at the desk, posted, or delivered online.",
    ),
    "stop": Transition(
        frozenset({S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.AWAITING_PAYMENT}),
        S.STOPPED,
        "After appraisal the dossier cannot be settled: processing stops with written reasons.",
    ),
    "withdraw": Transition(
        frozenset({S.SUBMITTED, S.SUPPLEMENT_REQUESTED, S.RECEIVED, S.PROCESSING, S.AWAITING_PAYMENT}),
        S.WITHDRAWN,
        "The applicant may withdraw a dossier that is not settled yet (national status 7).",
    ),
    "apologise": Transition(
        frozenset({S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.AWAITING_PAYMENT}),
        None,  # received only
        "A dossier that will be late gets a written apology and a new appointment (Mẫu 04) before its due.",
    ),
    "allow_another_apology": Transition(
        frozenset({S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.AWAITING_PAYMENT}),
        None,
        "An administrator may allow a further apology when the first new date cannot be kept.",
    ),
    "reschedule": Transition(
        frozenset({S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.AWAITING_PAYMENT}),
        None,
        "The official calendar changed (a day off or working day added): the appointment moves with it.",
    ),
}


def allowed(action: str, state: str | None) -> bool:
    transition = TRANSITIONS[action]
    return (state is None and not transition.sources) or state in transition.sources
