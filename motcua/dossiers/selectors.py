"""Reads of dossiers for other apps and surfaces (API, admin, office): who sees which dossier, the queue
filters people ask for (overdue, paused, search), the appointment explained, the actions open to a user.

Writes are in `services.py`; nothing here changes a row.
"""

from datetime import datetime, timedelta
from functools import reduce
from operator import or_

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.fields.json import KeyTextTransform
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.org.models import Agency, Role
from motcua.org.selectors import Action, agencies_where, memberships_of, reach
from motcua.text import fold, nfc
from motcua.worktime.explanations import describe, format_instant
from motcua.worktime.selectors import calendar_for
from motcua.worktime.units import Unit

from . import deadlines
from .lifecycle import ReturnMethod, State, SupplementStage, allowed
from .models import Dossier, DossierEvent, DossierStep
from .recording import ROLE_ACTION
from .routing import next_index, previous_index, return_index

# --- who sees what ---------------------------------------------------------------------------------------


def visible_to(user, dossiers: QuerySet | None = None) -> QuerySet:
    """Dossiers `user` may view: received by, held by, or passed through (a step at) an agency where the user
    may `Action.VIEW_DOSSIER`. A fixed number of queries whatever the number of dossiers.

    The three ways in are a UNION of index scans (receiving agency, current agency, step agency) rather than
    an OR, which PostgreSQL can only answer by reading the whole table; a user who may view every agency (a
    provincial monitor) gets no condition at all. Figures: docs/api.md, "Performance"."""
    dossiers = Dossier.objects.all() if dossiers is None else dossiers
    if user is None or not user.is_authenticated or not user.is_active:
        return dossiers.none()
    if user.is_superuser:
        return dossiers
    agencies = agencies_where(user, Action.VIEW_DOSSIER).values("pk")
    if not Agency.objects.exclude(pk__in=agencies).exists():
        return dossiers
    ways_in = (
        Dossier.objects.filter(receiving_agency__in=agencies)
        .order_by()
        .values("pk")
        .union(
            Dossier.objects.filter(current_agency__in=agencies).order_by().values("pk"),
            DossierStep.objects.filter(agency__in=agencies).order_by().values("dossier_id"),
        )
    )
    return dossiers.filter(pk__in=ways_in)


def may_view(user, dossier: Dossier) -> bool:
    """`visible_to` for one dossier, asked of that dossier alone: its receiving and current agencies, then
    the agencies of its passages. (Filtering `visible_to` by one code reads every dossier of the caller's
    agencies to find it: the cost would grow with the agency's history.) tests/dossiers hold the two
    together."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    may = reach(user)
    if may(Action.VIEW_DOSSIER, dossier.receiving_agency) or may(Action.VIEW_DOSSIER, dossier.current_agency):
        return True
    passed = Agency.objects.filter(dossier_steps__dossier=dossier).distinct()
    return any(may(Action.VIEW_DOSSIER, agency) for agency in passed)


def visible_one(user, dossiers: QuerySet) -> Dossier | None:
    """The dossier `dossiers` selects (by code or pk) if `user` may view it, else None."""
    dossier = dossiers.select_related("receiving_agency", "current_agency").first()
    return dossier if dossier is not None and may_view(user, dossier) else None


def for_list(dossiers: QuerySet) -> QuerySet:
    """What a list row shows, joined in the same query (no query per row)."""
    return dossiers.select_related(
        "procedure_version__procedure", "receiving_agency", "current_agency", "current_step"
    )


def for_detail(dossiers: QuerySet) -> QuerySet:
    """A dossier with everything its detail shows, in a fixed number of queries (`delivery_address` too)."""
    return (
        for_list(dossiers)
        .annotate(delivery_address=_submitted_delivery_address())
        .select_related("current_step__agency", "result_file")
        .prefetch_related(
            "documents__file",
            "documents__required_document",
            "fees",
            "steps__agency",
            "pauses",
            "apologies__issued_by",
        )
    )


def _submitted_delivery_address() -> Subquery:
    submit = DossierEvent.objects.filter(dossier=OuterRef("pk"), action="submit")
    return Subquery(
        submit.annotate(address=KeyTextTransform("delivery_address", "data")).values("address")[:1]
    )


def delivery_address(dossier: Dossier) -> str:
    """Where to post the result (the applicant chose delivery by post): the address given at submission, kept
    in the submit event's details (`services.submit`); "" when the result is not posted or none was given."""
    if dossier.delivery_choice != ReturnMethod.POST:
        return ""
    if hasattr(dossier, "delivery_address"):  # annotated by for_detail
        return dossier.delivery_address or ""
    submit = dossier.events.filter(action="submit").values_list("data", flat=True).first() or {}
    return submit.get("delivery_address", "")


# --- queue filters ---------------------------------------------------------------------------------------


def overdue_q(now: datetime) -> Q:
    """Processing not finished and the appointment passed. A paused dossier is late only if it was paused
    after its appointment: otherwise the pause will move the appointment later by at least its own length."""
    running_late = Q(paused_since__isnull=True, due_at__lt=now)
    paused_late = Q(paused_since__isnull=False, due_at__lte=F("paused_since"))
    return Q(finished_at__isnull=True, due_at__isnull=False) & (running_late | paused_late)


def is_overdue(dossier: Dossier, now: datetime) -> bool:
    """`overdue_q` for one dossier already in memory."""
    if dossier.finished_at is not None or dossier.due_at is None:
        return False
    if dossier.paused_since is not None:
        return dossier.due_at <= dossier.paused_since
    return dossier.due_at < now


def search_dossiers(dossiers: QuerySet, text: str) -> QuerySet:
    """By the start of the code, the start of the applicant's name (diacritics optional), or the exact ID
    number: each an indexed column, so a search stays fast on a large table."""
    text = nfc(text)
    if not text:
        return dossiers
    condition = Q(code__startswith=text.upper()) | Q(applicant_id_number=text.replace(" ", ""))
    folded = fold(text)
    if folded:
        condition |= Q(applicant_name_folded__startswith=folded)
    return dossiers.filter(condition)


def received_between(dossiers: QuerySet, first=None, last=None) -> QuerySet:
    """Received on Vietnamese calendar days `first` to `last` (either may be None)."""
    tz = timezone.get_current_timezone()
    if first is not None:
        dossiers = dossiers.filter(received_at__gte=datetime.combine(first, datetime.min.time(), tzinfo=tz))
    if last is not None:
        end = datetime.combine(last, datetime.max.time(), tzinfo=tz)
        dossiers = dossiers.filter(received_at__lte=end)
    return dossiers


# --- the appointment, explained --------------------------------------------------------------------------


def due_explanation(dossier: Dossier) -> list[str]:
    """Why the appointment is where it is, as sentences in the active language ([] before reception)."""
    if dossier.received_at is None or dossier.due_at is None:
        return []
    calendar = calendar_for(dossier.receiving_agency)
    explanation = deadlines.explain_dossier_due(dossier)
    if explanation is not None:
        lines = describe(explanation, calendar)
    else:
        apology = max(dossier.apologies.all(), key=lambda apology: apology.issued_at)
        lines = [
            _("A new appointment was given with an apology on %(issued)s: %(new_due)s.")
            % {
                "issued": format_instant(apology.issued_at, calendar),
                "new_due": format_instant(apology.new_due_at, calendar),
            }
        ]
        if dossier.due_at != apology.new_due_at:
            lines.append(
                _("Pauses since then moved it to %(due)s.")
                % {"due": format_instant(dossier.due_at, calendar)}
            )
    if dossier.paused_since is not None:
        lines.append(
            _("Paused since %(since)s: the appointment will move later when the dossier resumes.")
            % {"since": format_instant(dossier.paused_since, calendar)}
        )
    return lines


# --- what a user may do now ------------------------------------------------------------------------------


def available_actions(user, dossier: Dossier, now: datetime) -> list[str]:
    """The business actions (service names) `user` may take on `dossier` now, with their plain inputs.

    Mirrors the checks of `services.py` (state, role in the acting agency, the step's role, the process);
    tests/api/test_available_actions_agree_with_the_services.py holds the two together. Checks that depend
    on the input (a fee to add, a transfer to another agency) are not anticipated."""
    state, step = dossier.state, dossier.current_step
    receiving, current = dossier.receiving_agency, dossier.current_agency
    is_applicant = (
        dossier.submitted_by_id is not None and getattr(user, "pk", None) == dossier.submitted_by_id
    )
    desk_stage = state == State.SUPPLEMENT_REQUESTED and dossier.supplement_stage == SupplementStage.DESK
    may = reach(user)  # one read of the user's memberships for all the questions below

    def step_role() -> bool:
        return step is not None and may(ROLE_ACTION[step.role], step.agency)

    def next_step_of_process() -> bool:
        index = next_index(dossier, step)
        return index is not None and index != return_index(dossier)

    def last_step_of_process() -> bool:
        return step.role in (Role.LEADER, Role.CLERK, Role.SPECIALIST) and next_index(dossier, step) in (
            None,
            return_index(dossier),
        )

    checks = {
        "receive": lambda: may(Action.RECEIVE, receiving),
        "request_supplement": lambda: (
            may(Action.RECEIVE, receiving)
            if state == State.SUBMITTED
            else may(Action.PROCESS, current) or step_role()
        ),
        "supplement": lambda: is_applicant or may(Action.RECEIVE, receiving),
        "refuse": lambda: (
            (state != State.SUPPLEMENT_REQUESTED or desk_stage) and may(Action.RECEIVE, receiving)
        ),
        "forward": lambda: step_role() and next_step_of_process(),
        "send_back": lambda: step_role() and previous_index(step) is not None,
        "request_payment": lambda: step_role() and dossier.fees.filter(paid_at__isnull=True).exists(),
        "record_payment": lambda: may(Action.RECEIVE, receiving),
        "finish": lambda: step_role() and last_step_of_process(),
        "return_result": lambda: may(Action.RETURN_RESULT, receiving),
        "stop": lambda: not desk_stage and may(Action.APPROVE, current),
        "withdraw": lambda: is_applicant or may(Action.RECEIVE, receiving),
        "apologise": lambda: (
            dossier.received_at is not None
            and may(Action.APPROVE, current)
            and dossier.due_at > now
            and dossier.apology_count < dossier.apologies_allowed
        ),
        "allow_another_apology": lambda: may(Action.ADMINISTER, receiving),
    }
    found = []
    for action, check in checks.items():
        transition = action
        if action == "request_supplement" and state == State.SUBMITTED:
            transition = "request_supplement_at_desk"
        if allowed(transition, state) and check():
            found.append(action)
    return found


# --- work queues of the staff office ----------------------------------------------------------------------

TODO = "todo"  # the current step is mine to act on
DUE_TODAY = "due_today"  # ... and its appointment falls later today
DUE_SOON = "due_soon"  # ... and its appointment falls within one working day from now
OVERDUE = "overdue"  # ... and its appointment has passed
PAUSED = "paused"  # waiting for a supplement or a payment (the desk records both; the step holder follows)
TO_RETURN = "to_return"  # result ready, to hand back at my desk
SUBMITTED = "submitted"  # filed online (or handed back after a desk supplement), waiting for the desk
QUEUES = (TODO, DUE_TODAY, DUE_SOON, OVERDUE, PAUSED, TO_RETURN, SUBMITTED)

STEP_STATES = (State.RECEIVED, State.PROCESSING)
PAUSED_STATES = (State.SUPPLEMENT_REQUESTED, State.AWAITING_PAYMENT)

# Most urgent first where the clock runs, oldest first where it does not (yet); keyset pagination walks these.
QUEUE_ORDER = {
    TODO: ("due_at", "pk"),
    DUE_TODAY: ("due_at", "pk"),
    DUE_SOON: ("due_at", "pk"),
    OVERDUE: ("due_at", "pk"),
    PAUSED: ("submitted_at", "pk"),
    TO_RETURN: ("due_at", "pk"),
    SUBMITTED: ("submitted_at", "pk"),
}


def _at_my_step(user, agencies: dict) -> Q:
    """Dossiers whose current step has a role the user holds in the step's agency (`agencies_where` per role;
    the dossier's current agency is always its current step's)."""
    return reduce(
        or_,
        (
            Q(current_step__role=role, current_agency__in=agencies[action])
            for role, action in ROLE_ACTION.items()
        ),
    )


def _within_one_working_day(user, now: datetime) -> Q:
    """Appointments up to one working day after `now`, walked by the engine on the calendar of each agency
    where the user holds a role (agencies with the same sessions and days off share one calendar: usually
    one bound; otherwise each bound applies below its agency)."""
    groups: dict[int, tuple] = {}
    for membership in memberships_of(user):
        calendar = calendar_for(membership.agency)
        groups.setdefault(id(calendar), (calendar, []))[1].append(membership.agency)
    if len(groups) <= 1:
        calendar = next(iter(groups.values()))[0] if groups else calendar_for(None)
        return Q(due_at__lte=calendar.due(now, 1, Unit.WORKING_DAYS))
    return reduce(
        or_,
        (
            Q(due_at__lte=calendar.due(now, 1, Unit.WORKING_DAYS))
            & reduce(or_, (Q(current_agency__path__startswith=agency.path) for agency in below))
            for calendar, below in groups.values()
        ),
    )


def queue_conditions(user, now: datetime) -> dict[str, Q]:
    """The filter of each work queue of `user` at `now` (see QUEUES). Agencies are subqueries: the number of
    queries does not depend on how many agencies or dossiers there are."""
    actions = {*ROLE_ACTION.values(), Action.RECEIVE, Action.RETURN_RESULT}
    agencies = {action: agencies_where(user, action).values("pk") for action in actions}
    mine = Q(state__in=STEP_STATES) & _at_my_step(user, agencies)
    tz = timezone.get_current_timezone()
    tomorrow = datetime.combine(
        timezone.localtime(now, tz).date() + timedelta(days=1), datetime.min.time(), tz
    )
    desk = agencies[Action.RECEIVE]
    return {
        TODO: mine,
        DUE_TODAY: mine & Q(due_at__gte=now, due_at__lt=tomorrow),
        DUE_SOON: mine & Q(due_at__gte=now) & _within_one_working_day(user, now),
        OVERDUE: mine & Q(due_at__lt=now),
        PAUSED: Q(state__in=PAUSED_STATES) & (Q(receiving_agency__in=desk) | _at_my_step(user, agencies)),
        TO_RETURN: Q(state=State.RESULT_READY, receiving_agency__in=agencies[Action.RETURN_RESULT]),
        SUBMITTED: Q(state=State.SUBMITTED, receiving_agency__in=desk),
    }


def queue_counts(conditions: dict[str, Q]) -> dict[str, int]:
    """How many dossiers each queue holds: one query for all of them."""
    return Dossier.objects.filter(reduce(or_, conditions.values())).aggregate(
        **{name: Count("pk", filter=condition) for name, condition in conditions.items()}
    )


def queue(conditions: dict[str, Q], name: str) -> QuerySet:
    """The dossiers of queue `name` in its order (QUEUE_ORDER), with what a list row shows."""
    return for_list(Dossier.objects.filter(conditions[name])).order_by(*QUEUE_ORDER[name])
