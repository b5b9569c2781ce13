"""The lifecycle of a feedback or petition (phản ánh, kiến nghị: PAKN), and who may move it where.

Decree 20/2008/NĐ-CP (as amended) governs how feedback on administrative regulations is received, handled and
published; the 766 method (domain reference 9.3) times each stage. The table is small on purpose and every
transition carries its reason. The time budgets are data (`models.DeadlineRule`); this lifecycle is code.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class State(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("feedback state", "waiting for acceptance")
    ACCEPTED = "accepted", pgettext_lazy("feedback state", "accepted, being handled")
    REFUSED = "refused", pgettext_lazy("feedback state", "refused")
    INFORMATION_REQUESTED = (
        "information_requested",
        pgettext_lazy("feedback state", "waiting for more information"),
    )
    SUPPLEMENTED = "supplemented", pgettext_lazy("feedback state", "information supplemented")
    ANSWER_DRAFTED = "answer_drafted", pgettext_lazy("feedback state", "answer waiting for approval")
    ANSWERED = "answered", pgettext_lazy("feedback state", "answered, waiting for publication")
    PUBLISHED = "published", pgettext_lazy("feedback state", "answered and published")
    CLOSED = "closed", pgettext_lazy("feedback state", "answered, not published")

    @classmethod
    def closed_states(cls) -> frozenset[str]:
        return frozenset({cls.REFUSED, cls.PUBLISHED, cls.CLOSED})

    @classmethod
    def open_states(cls) -> frozenset[str]:
        return frozenset(cls.values) - cls.closed_states()

    @classmethod
    def handling_states(cls) -> frozenset[str]:
        """Accepted, not answered yet: the answer clock runs (or is paused while information is awaited)."""
        return frozenset({cls.ACCEPTED, cls.INFORMATION_REQUESTED, cls.SUPPLEMENTED, cls.ANSWER_DRAFTED})

    @classmethod
    def answered_states(cls) -> frozenset[str]:
        return frozenset({cls.ANSWERED, cls.PUBLISHED, cls.CLOSED})


class Classification(models.TextChoices):
    """766 indicator 5.1 counts feedback by what it is about."""

    REGULATION = "regulation", _("an administrative regulation")
    BEHAVIOUR = "behaviour", _("the behaviour or attitude of officials")


class Stage(models.TextChoices):
    """The timed stages of the 766 method; each has a time budget in `DeadlineRule`."""

    ACCEPT = "accept", _("accept or refuse")
    INFORMATION = "information", _("ask for more information")
    ANSWER = "answer", _("answer")
    PUBLISH = "publish", _("publish the answer")


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str | None  # None: decided by the service (back to the state before, or unchanged)
    reason: str


S = State
TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(
        frozenset(),
        S.RECEIVED,
        "Decree 20/2008 art. 6-9: a citizen or organisation sends feedback; the agency must receive it and "
        "the sender gets a reference to follow it. The 2-working-day acceptance clock starts.",
    ),
    "accept": Transition(
        frozenset({S.RECEIVED}),
        S.ACCEPTED,
        "Art. 9 and 14: feedback within the scope of the decree is accepted and routed to the agency "
        "responsible for handling it (766: within 2 working days).",
    ),
    "refuse": Transition(
        frozenset({S.RECEIVED}),
        S.REFUSED,
        "Art. 7-9: feedback outside the scope of the decree (a complaint, a denunciation, anonymous, "
        "insulting) is not accepted; the sender is told why (766: within 2 working days).",
    ),
    "forward": Transition(
        frozenset({S.RECEIVED, S.ACCEPTED, S.SUPPLEMENTED}),
        S.RECEIVED,
        "Art. 9: feedback that belongs to another agency is transferred to it, history kept; the clocks "
        "start again from the transfer (766 counts from the transfer by another agency).",
    ),
    "request_information": Transition(
        frozenset({S.ACCEPTED, S.SUPPLEMENTED}),
        S.INFORMATION_REQUESTED,
        "Art. 14: the handler may ask the sender to clarify or supplement (766: the first request within "
        "5 working days); the answer clock pauses while the agency waits.",
    ),
    "supplement": Transition(
        frozenset({S.INFORMATION_REQUESTED}),
        S.SUPPLEMENTED,
        "Art. 12: the sender supplies what was asked (online with the lookup secret, or through the desk); "
        "the answer clock resumes.",
    ),
    "draft_answer": Transition(
        frozenset({S.ACCEPTED, S.SUPPLEMENTED, S.INFORMATION_REQUESTED, S.ANSWER_DRAFTED}),
        S.ANSWER_DRAFTED,
        "Art. 14-15: the specialist drafts the answer for the leader's approval (also when the sender did "
        "not reply to a request: the clock resumes and the agency answers on what it has).",
    ),
    "return_draft": Transition(
        frozenset({S.ANSWER_DRAFTED}),
        S.ACCEPTED,
        "The leader does not approve the draft and sends it back with the reason.",
    ),
    "answer": Transition(
        frozenset({S.ANSWER_DRAFTED}),
        S.ANSWERED,
        "Art. 15: the leader approves the answer, which is sent to the sender; handling ends here "
        "(766: within 15 working days of submission or transfer, pauses excluded).",
    ),
    "publish": Transition(
        frozenset({S.ANSWERED}),
        S.PUBLISHED,
        "Art. 13 and 19: the result is made public when the sender allowed it, without the sender's "
        "personal data (766: within 2 working days of the answer).",
    ),
    "reschedule": Transition(
        frozenset(
            {S.RECEIVED, S.ACCEPTED, S.INFORMATION_REQUESTED, S.SUPPLEMENTED, S.ANSWER_DRAFTED, S.ANSWERED}
        ),
        None,
        "The official calendar changed (a day off or a working day added): the dues of the open stages move "
        "with it, each move recorded with what the day became.",
    ),
    "close": Transition(
        frozenset({S.ANSWERED}),
        S.CLOSED,
        "The sender did not allow publication (or the leader records why the answer is not made public): "
        "the feedback is closed with its answer.",
    ),
}


ACTION_LABELS = {
    "submit": pgettext_lazy("feedback event", "sent"),
    "accept": pgettext_lazy("feedback event", "accepted and routed"),
    "refuse": pgettext_lazy("feedback event", "refused"),
    "forward": pgettext_lazy("feedback event", "transferred to another agency"),
    "request_information": pgettext_lazy("feedback event", "more information asked of the sender"),
    "supplement": pgettext_lazy("feedback event", "information supplied"),
    "draft_answer": pgettext_lazy("feedback event", "answer drafted"),
    "return_draft": pgettext_lazy("feedback event", "draft returned"),
    "answer": pgettext_lazy("feedback event", "answer approved and sent"),
    "publish": pgettext_lazy("feedback event", "published"),
    "close": pgettext_lazy("feedback event", "closed without publication"),
    "reschedule": pgettext_lazy("feedback event", "time limits moved by a calendar change"),
}
TIMELINESS_LABELS = {
    "early": pgettext_lazy("timeliness", "early"),
    "on_time": pgettext_lazy("timeliness", "on time"),
    "late": pgettext_lazy("timeliness", "late"),
}


def allowed(action: str, state: str | None) -> bool:
    transition = TRANSITIONS[action]
    return (state is None and not transition.sources) or state in transition.sources


def actions_from(state: str) -> list[str]:
    return [action for action, transition in TRANSITIONS.items() if state in transition.sources]
