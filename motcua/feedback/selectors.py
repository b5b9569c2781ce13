"""Reads of feedback for the screens, the API and the numbers team: who sees what, the work queues, the
actions open to a user, the public list, and the 766 statistics (indicators 5.1-5.3) computed in SQL.

Writes are in `services.py`; nothing here changes a row.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua import clock
from motcua.org.models import Agency
from motcua.org.selectors import Action, agencies_where, can
from motcua.text import fold, nfc

from . import codes, privacy
from .lifecycle import TIMELINESS_LABELS, Classification, Stage, State, actions_from
from .models import Feedback, FeedbackEvent
from .rights import RIGHTS, VIEW

# --- who sees what ---------------------------------------------------------------------------------------


def visible_to(user, feedback: QuerySet | None = None) -> QuerySet:
    """Feedback `user` may view: addressed to, held by, or passed through an agency where the user may view
    (a transfer keeps the history visible to the agency that transferred it). One query."""
    feedback = Feedback.objects.all() if feedback is None else feedback
    if user is None or not user.is_authenticated or not user.is_active:
        return feedback.none()
    if user.is_superuser:
        return feedback
    agencies = agencies_where(user, VIEW).values("pk")
    passed_through = FeedbackEvent.objects.filter(feedback=OuterRef("pk"), agency__in=agencies)
    return feedback.filter(Q(receiving_agency__in=agencies) | Q(agency__in=agencies) | Exists(passed_through))


def may_view(user, feedback: Feedback) -> bool:
    return visible_to(user, Feedback.objects.filter(pk=feedback.pk)).exists()


def visible_one(user, code: str) -> Feedback | None:
    """The feedback with `code`, for its detail page, if `user` may view it, else None: the row is found by
    its code first, then checked alone (as `dossiers.selectors.visible_one`), instead of filtering
    everything visible to the user by the code."""
    feedback = for_detail(Feedback.objects.filter(code=code)).first()
    return feedback if feedback is not None and may_view(user, feedback) else None


def for_list(feedback: QuerySet) -> QuerySet:
    return feedback.select_related("agency", "receiving_agency")


def for_detail(feedback: QuerySet) -> QuerySet:
    return for_list(feedback).select_related("dossier").prefetch_related("events", "files", "pauses")


def actions_for(user, feedback: Feedback) -> list[str]:
    """The business actions `user` may take on `feedback` now (state and role), in the lifecycle's order."""
    found = []
    for action in actions_from(feedback.state):
        if action not in RIGHTS:  # system actions (reschedule)
            continue
        if action == "publish" and not feedback.allows_publication:
            continue
        if can(user, RIGHTS[action], feedback.agency):
            found.append(action)
    return found


@dataclass(frozen=True)
class StageRow:
    stage: str
    label: str
    due: datetime | None
    timeliness: str
    timeliness_label: str


def stages(feedback: Feedback) -> list[StageRow]:
    """Each timed stage with its due instant and, once completed, early / on time / late."""
    rows = []
    for stage in Stage:
        timeliness = getattr(feedback, f"{stage.value}_timeliness")
        rows.append(
            StageRow(
                stage.value,
                stage.label,
                getattr(feedback, f"{stage.value}_due_at"),
                timeliness,
                TIMELINESS_LABELS.get(timeliness, ""),
            )
        )
    return rows


def for_sender(code: str, secret: str) -> Feedback | None:
    """The feedback a sender follows with the code and the lookup secret (None when either is wrong)."""
    feedback = for_list(Feedback.objects.filter(code=nfc(code).upper())).first()
    if feedback is None or not codes.secret_matches(secret, feedback.lookup_secret):
        return None
    return feedback


# --- work queues -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Queue:
    name: str
    label: str
    right: str  # the right the user needs in the feedback's agency to see it in this queue


QUEUES = [
    Queue("new", _("New, to accept"), Action.RECEIVE),
    Queue("to_answer", _("To answer"), Action.PROCESS),
    Queue("to_approve", _("Answers to approve"), Action.APPROVE),
    Queue("to_publish", _("To publish or close"), Action.APPROVE),
    Queue("waiting", _("Waiting for the sender"), Action.VIEW_DOSSIER),
    Queue("due_today", _("Due today"), Action.VIEW_DOSSIER),
    Queue("overdue", _("Overdue"), Action.VIEW_DOSSIER),
    Queue("all", pgettext_lazy("feedback queue", "All"), Action.VIEW_DOSSIER),
]
QUEUE_NAMES = [queue.name for queue in QUEUES]


def overdue_q(now: datetime) -> Q:
    """Open and past the current stage's due. A feedback waiting for the sender is late only if it was
    already late when the wait began (the wait moves the answer's due later by its own length)."""
    running = Q(paused_since__isnull=True, due_at__lt=now)
    paused = Q(paused_since__isnull=False, due_at__lte=F("paused_since"))
    return Q(state__in=State.open_states(), due_at__isnull=False) & (running | paused)


def is_overdue(feedback: Feedback, now: datetime) -> bool:
    """`overdue_q` for one feedback already in memory."""
    if feedback.state not in State.open_states() or feedback.due_at is None:
        return False
    if feedback.paused_since is not None:
        return feedback.due_at <= feedback.paused_since
    return feedback.due_at < now


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    start = datetime.combine(day, time(0), tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)


def queue(user, name: str, now: datetime, agency: Agency | None = None) -> QuerySet:
    """The feedback of queue `name` for `user` (optionally in one agency), most urgent first."""
    spec = next((found for found in QUEUES if found.name == name), None)
    if spec is None:
        raise ValueError(f"unknown queue {name!r}")
    if spec.right == Action.VIEW_DOSSIER:
        feedback = visible_to(user)
    elif user.is_superuser:
        feedback = Feedback.objects.all()
    else:
        feedback = Feedback.objects.filter(agency__in=agencies_where(user, spec.right).values("pk"))
    if agency is not None:
        feedback = feedback.filter(agency=agency)
    start, end = _day_bounds(timezone.localtime(now).date())
    filters = {
        "new": Q(state=State.RECEIVED),
        "to_answer": Q(state__in=[State.ACCEPTED, State.SUPPLEMENTED]),
        "to_approve": Q(state=State.ANSWER_DRAFTED),
        "to_publish": Q(state=State.ANSWERED),
        "waiting": Q(state=State.INFORMATION_REQUESTED),
        "due_today": Q(
            state__in=State.open_states(),
            paused_since__isnull=True,
            due_at__gte=max(start, now),
            due_at__lt=end,
        ),
        "overdue": overdue_q(now),
        "all": Q(),
    }
    ordering = ["-submitted_at", "-pk"] if name == "all" else [F("due_at").asc(nulls_last=True), "pk"]
    return for_list(feedback.filter(filters[name])).order_by(*ordering)


def queue_counts(user, now: datetime, agency: Agency | None = None) -> dict[str, int]:
    return {spec.name: queue(user, spec.name, now, agency).count() for spec in QUEUES}


def search(feedback: QuerySet, text: str) -> QuerySet:
    """By code (exact), subject or sender's name (without diacritics, any part)."""
    text = nfc(text)
    if not text:
        return feedback
    folded = fold(text)
    return feedback.filter(
        Q(code__iexact=text) | Q(title_folded__contains=folded) | Q(sender_name_folded__contains=folded)
    )


# --- the public ------------------------------------------------------------------------------------------


def published() -> QuerySet:
    """Published feedback with their answers, newest first: only the fields that may be public are read."""
    return (
        Feedback.objects.filter(state=State.PUBLISHED)
        .select_related("agency")
        .only(
            "code",
            "classification",
            "published_title",
            "published_content",
            "answer",
            "answered_at",
            "published_at",
            "sender_name",
            "likes",
            "dislikes",
            "agency__name",
            "agency__code",
        )
        .order_by("-published_at", "-pk")
    )


def sender_initials(feedback: Feedback) -> str:
    return privacy.initials(feedback.sender_name)


# --- statistics (766 indicators 5.1-5.3) -----------------------------------------------------------------


def _period(first_day: date, last_day: date) -> tuple[datetime, datetime]:
    return _day_bounds(first_day)[0], _day_bounds(last_day)[1]


def _counts(now: datetime) -> dict:
    """The aggregates of one statistics row; each is a COUNT(...) FILTER (WHERE ...) of one SELECT."""
    handled = Q(handled_at__isnull=False)
    answered = Q(answered_at__isnull=False)
    disliked = Q(dislikes__gt=F("likes"))
    return {
        "received": Count("pk"),
        "about_regulation": Count("pk", filter=Q(classification=Classification.REGULATION)),
        "about_behaviour": Count("pk", filter=Q(classification=Classification.BEHAVIOUR)),
        "refused": Count("pk", filter=Q(state=State.REFUSED)),
        "answered": Count("pk", filter=answered),
        "published": Count("pk", filter=Q(state=State.PUBLISHED)),
        "handled": Count("pk", filter=handled),
        "handled_on_time": Count("pk", filter=handled & Q(late=False)),
        "handled_late": Count("pk", filter=handled & Q(late=True)),
        "open": Count("pk", filter=Q(handled_at__isnull=True)),
        "open_overdue": Count("pk", filter=Q(handled_at__isnull=True) & overdue_q(now)),
        "disliked": Count("pk", filter=answered & disliked),
        "satisfied": Count("pk", filter=answered & Q(late=False) & ~disliked),
    }


def _in_period(agency: Agency, first_day: date, last_day: date) -> QuerySet:
    start, end = _period(first_day, last_day)
    return Feedback.objects.filter(
        agency__path__startswith=agency.path, submitted_at__gte=start, submitted_at__lt=end
    )


def statistics(
    agency: Agency, first_day: date, last_day: date, now: datetime | None = None
) -> dict[str, int]:
    """Counts for the feedback received (submitted) from `first_day` to `last_day` (Vietnamese dates,
    inclusive) by `agency` and the agencies below it (as held now: after routing and transfers). One query:

        SELECT COUNT(*), COUNT(*) FILTER (WHERE classification = 'regulation'), ...
        FROM feedback_feedback JOIN org_agency ON ... WHERE org_agency.path LIKE '/1/%'
         AND submitted_at >= :start AND submitted_at < :end

    - received: all of them (the denominator of 5.2 and 5.3); about_regulation / about_behaviour: 5.1;
    - handled: answered or refused; handled_on_time / handled_late: no stage / some stage completed after
      its due (accept or refuse 2, first request for information 5, answer 15, publication 2 working days);
    - open, open_overdue: not handled yet, and of those past the current stage's due at `now`;
    - satisfied: answered, not late, and not disliked more than liked (5.3; repeated feedback on the same
      matter is not detected); disliked: answered with more dislikes than likes.
    `now` defaults to the server clock (for open_overdue only)."""
    return _in_period(agency, first_day, last_day).aggregate(**_counts(now or clock.now()))


def statistics_by_agency(
    agency: Agency, first_day: date, last_day: date, now: datetime | None = None
) -> list[dict]:
    """The same counts per responsible agency of the subtree (one GROUP BY query), agencies with feedback
    only, in tree order: [{"agency_id", "agency__code", "agency__name", "received", ...}]."""
    return list(
        _in_period(agency, first_day, last_day)
        .values("agency_id", "agency__code", "agency__name", "agency__path")
        .annotate(**_counts(now or clock.now()))
        .order_by("agency__path")
    )


def _ratio(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def indicators(counts: dict[str, int]) -> dict[str, Decimal | None]:
    """The 766 ratios from `statistics()` counts, rounded to 2 decimals (None when nothing was received):
    5.2 handled on time ÷ received; 5.3 satisfied ÷ received; 5.1 shares by classification (tracking only)."""
    received = counts["received"]
    return {
        "5.1_regulation": _ratio(counts["about_regulation"], received),
        "5.1_behaviour": _ratio(counts["about_behaviour"], received),
        "5.2_handled_on_time": _ratio(counts["handled_on_time"], received),
        "5.3_satisfaction": _ratio(counts["satisfied"], received),
    }
