"""What each indicator of the index counts in MotCua's own data: for every computed indicator, its population
(the denominator's rows) and the condition a row must meet to count in the numerator, as SQL.

One definition serves both the figures (`counts`: one aggregate query, `COUNT(*)` and
`COUNT(*) FILTER (WHERE condition)`) and the list of what lost points (`lost`: the population without the
condition), so denominator − numerator is always the number of items listed.

Two indicators take their figures from the app that owns the statistic, so no statistic is defined twice:
- 2.1 from the settlement report (`reports.selectors.settlement`): early + on time + in progress within time,
  over the counted dossiers; its list is the late and overdue dossiers by the same rules (a test holds the
  list to the report's late + overdue);
- 5.2 and 5.3 from `feedback.selectors.statistics` (handled on time, satisfied, over feedback received).

Every definition covers the agency with its whole subtree and the period [first_day, last_day] of Vietnamese
dates (docs/service-index.md).
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Case, Count, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import OnlineLevel, ProcedureVersion, ProcessStep, RequiredDocument, Status
from motcua.dossiers.lifecycle import Channel, State
from motcua.dossiers.models import DossierDocument, DossierFee, DossierFile, Evaluation
from motcua.feedback import selectors as feedback_selectors
from motcua.feedback.models import Feedback
from motcua.org.models import Agency
from motcua.reports import selectors as reports
from motcua.worktime.engine import LATE

DOSSIER, PROCEDURE, FEEDBACK = "dossier", "procedure", "feedback"
RESULT_STATES = (State.RESULT_READY, State.RETURNED)


@dataclass(frozen=True)
class Period:
    """An agency (with its subtree) and a period of Vietnamese dates, as instants; `reference` is when open
    things are judged: the end of the period, or now for a period not over yet (as the settlement report)."""

    agency: Agency
    first_day: date
    last_day: date
    now: datetime

    @property
    def begin(self) -> datetime:
        return reports.bounds(self.first_day, self.last_day)[0]

    @property
    def stop(self) -> datetime:
        return reports.bounds(self.first_day, self.last_day)[1]

    @property
    def reference(self) -> datetime:
        return min(self.stop, self.now)


@dataclass(frozen=True)
class Definition:
    """How MotCua computes one indicator: `kind` of the rows, their `population(period)`, and `passing`, the
    condition (a Q, or a function of the period giving one) of the numerator's rows."""

    kind: str
    population: object
    passing: object
    description: str

    def condition(self, period: Period) -> Q:
        return self.passing(period) if callable(self.passing) else self.passing


# --- populations -----------------------------------------------------------------------------------------


def received(period: Period) -> QuerySet:
    """Dossiers received within the period (the settlement report's `received_in`)."""
    return reports.received_in(period.agency, period.first_day, period.last_day)


def counted(period: Period) -> QuerySet:
    """The dossiers the settlement report counts (received.total)."""
    return reports.counted(period.agency, period.first_day, period.last_day)


def procedures(period: Period) -> QuerySet:
    """Procedures under the authority of the subtree: the versions in force at the reference instant whose
    implementing agency kinds include the kind of an active agency of the subtree (one version per
    procedure)."""
    kinds = Agency.objects.filter(path__startswith=period.agency.path, is_active=True).values("kind_id")
    implemented = ProcedureVersion.agency_kinds.through.objects.filter(
        procedureversion_id=OuterRef("pk"), agencykind_id__in=kinds
    )
    reference = period.reference
    return (
        ProcedureVersion.objects.exclude(status=Status.DRAFT)
        .filter(effective_at__lte=reference)
        .filter(Q(ended_at__isnull=True) | Q(ended_at__gt=reference))
        .filter(Exists(implemented))
    )


def fee_bearing(period: Period) -> QuerySet:
    """Dossiers received within the period that owe at least one fee above 0 đồng."""
    owed = DossierFee.objects.filter(dossier=OuterRef("pk"), amount__gt=0)
    return received(period).filter(Exists(owed))


def with_document_results(period: Period) -> QuerySet:
    """Dossiers whose result, a document, was issued within the period (finished with a result: result ready
    or returned; stopped and withdrawn dossiers have no result)."""
    return reports.subtree_dossiers(period.agency).filter(
        finished_at__gte=period.begin,
        finished_at__lt=period.stop,
        state__in=RESULT_STATES,
        procedure_version__result_is_document=True,
    )


def feedback_received(period: Period) -> QuerySet:
    """Feedback submitted within the period and held now by the subtree (`feedback.selectors.statistics`)."""
    return Feedback.objects.filter(
        agency__path__startswith=period.agency.path,
        submitted_at__gte=period.begin,
        submitted_at__lt=period.stop,
    )


# --- conditions ------------------------------------------------------------------------------------------


def complete_procedure() -> Q:
    """Decree 63/2010 art. 8.2 components MotCua's catalogue holds: name, sequence (the steps of the internal
    process), method (at least one channel), dossier components, subjects, implementing agency (a kind),
    result. The time limit is a required field of every version, so it is always there."""
    has_documents = RequiredDocument.objects.filter(version=OuterRef("pk"))
    has_steps = ProcessStep.objects.filter(version=OuterRef("pk"))
    return (
        ~Q(name="")
        & ~Q(subjects="")
        & ~Q(result="")
        & (Q(channel_direct=True) | Q(channel_online=True) | Q(channel_postal=True))
        & Q(Exists(has_documents))
        & Q(Exists(has_steps))
    )


def classified(dossiers: QuerySet, period: Period) -> QuerySet:
    """The settlement report's own classes as aliases (`reports.selectors.classified`): `timeliness` of a
    finish and `standing` of an open dossier at the period's reference instant."""
    return reports.classified(dossiers, period.reference)


def late_or_overdue(period: Period) -> Q:
    """Of the counted dossiers (aliased by `classified`): resolved late within the period, or in progress
    and overdue at the reference instant."""
    open_at_end = Q(finished_at__isnull=True) | Q(finished_at__gte=period.stop)
    return Q(finished_at__lt=period.stop, timeliness=LATE) | (open_at_end & Q(standing="overdue"))


def digitized() -> Q:
    """Every component handed in has its scan (and there is at least one), and a document result issued has
    its file."""
    documents = DossierDocument.objects.filter(dossier=OuterRef("pk"))
    result_issued = Q(state__in=RESULT_STATES) & Q(procedure_version__result_is_document=True)
    return (
        Q(Exists(documents))
        & ~Q(Exists(documents.filter(file__isnull=True)))
        & (Q(result_file__isnull=False) | ~result_issued)
    )


def reusing() -> Q:
    """At least one component's scan has the content (SHA-256) of a file stored earlier for another dossier of
    the same online account: a file taken from the citizen's "my documents" (the online submission copies it
    into the new dossier, keeping its content)."""
    earlier = DossierFile.objects.filter(
        sha256=OuterRef("file__sha256"),
        dossier__submitted_by=OuterRef("dossier__submitted_by"),
        uploaded_at__lt=OuterRef("file__uploaded_at"),
    ).exclude(dossier=OuterRef("dossier"))
    reused = DossierDocument.objects.filter(dossier=OuterRef("pk"), file__isnull=False).filter(
        Exists(earlier)
    )
    return Q(submitted_by__isnull=False) & Q(Exists(reused))


def paid_online() -> Q:
    return Q(Exists(DossierFee.objects.filter(dossier=OuterRef("pk"), amount__gt=0, paid_online=True)))


def satisfied_with_settlement(period: Period) -> Q:
    """5.4: neither late nor overdue, no feedback (PAKN) about the dossier, not evaluated "not satisfied" (in
    MotCua or in the old system before the import: the dossier's `evaluation`, as the reports count it)."""
    complained = Exists(Feedback.objects.filter(dossier=OuterRef("pk")))
    unhappy = Q(evaluation=Evaluation.NOT_SATISFIED)
    return ~(late_or_overdue(period) | Q(complained) | unhappy)


def feedback_handled_on_time() -> Q:
    return Q(handled_at__isnull=False, late=False)


def feedback_satisfied() -> Q:
    return Q(answered_at__isnull=False, late=False) & ~Q(dislikes__gt=F("likes"))


# --- the computed indicators -----------------------------------------------------------------------------

DEFINITIONS: dict[str, Definition] = {
    "1.3": Definition(
        PROCEDURE,
        procedures,
        complete_procedure(),
        _(
            "Procedures under the subtree's authority (in force at the end of the period, implemented by "
            "the kind of one of its agencies) that have a name, steps, a channel, dossier components, "
            "subjects and a result ÷ those procedures."
        ),
    ),
    "2.1": Definition(
        DOSSIER,
        counted,
        lambda period: ~late_or_overdue(period),
        _(
            "Dossiers resolved early or on time, and dossiers in progress within time (settlement report) ÷ "
            "dossiers counted by the settlement report (received in the period or carried over)."
        ),
    ),
    "3.1": Definition(
        PROCEDURE,
        procedures,
        Q(online_level__in=[OnlineLevel.PARTIAL, OnlineLevel.FULL]),
        _(
            "Procedures under the subtree's authority offered as a partial or full online service ÷ "
            "those procedures."
        ),
    ),
    "3.3": Definition(
        DOSSIER,
        received,
        Q(channel=Channel.ONLINE),
        _("Dossiers received online in the period ÷ dossiers received in the period."),
    ),
    "3.6": Definition(
        DOSSIER,
        fee_bearing,
        paid_online(),
        _(
            "Dossiers received in the period with a fee paid online ÷ dossiers received in the period "
            "that owe a fee above 0 đồng."
        ),
    ),
    "4.1": Definition(
        DOSSIER,
        with_document_results,
        Q(result_file__isnull=False),
        _(
            "Dossiers whose document result, issued in the period, has an electronic file ÷ dossiers whose "
            "document result was issued in the period."
        ),
    ),
    "4.2": Definition(
        DOSSIER,
        received,
        digitized(),
        _(
            "Dossiers received in the period with a scan of every component (and the file of a document "
            "result once issued) ÷ dossiers received in the period."
        ),
    ),
    "4.3": Definition(
        DOSSIER,
        received,
        reusing(),
        _(
            "Dossiers received in the period with a component reused from the citizen's earlier dossiers "
            "(my documents) ÷ dossiers received in the period."
        ),
    ),
    "5.2": Definition(
        FEEDBACK,
        feedback_received,
        feedback_handled_on_time(),
        _("Feedback (PAKN) received in the period and handled on time ÷ feedback received in the period."),
    ),
    "5.3": Definition(
        FEEDBACK,
        feedback_received,
        feedback_satisfied(),
        _(
            "Feedback received in the period answered on time and not disliked more than liked ÷ feedback "
            "received in the period."
        ),
    ),
    "5.4": Definition(
        DOSSIER,
        counted,
        satisfied_with_settlement,
        _(
            "Dossiers counted by the settlement report that are neither late nor overdue, have no feedback "
            "(PAKN) and no “not satisfied” rating ÷ dossiers counted."
        ),
    ),
}


def _flagged(definition: Definition, period: Period) -> QuerySet:
    rows = definition.population(period)
    if definition.kind == DOSSIER:
        rows = classified(rows, period)
    return rows.alias(passes=Case(When(definition.condition(period), then=Value(1)), default=Value(0)))


def counts(code: str, period: Period) -> tuple[int, int]:
    """(numerator, denominator) of indicator `code`: one aggregate query, or the owning app's statistic."""
    if code == "2.1":
        figures = reports.settlement(period.agency, period.first_day, period.last_day, now=period.now).total
        return figures.early + figures.on_time + figures.within_time, figures.received
    if code in ("5.2", "5.3"):
        found = feedback_selectors.statistics(
            period.agency, period.first_day, period.last_day, now=period.now
        )
        return found["handled_on_time" if code == "5.2" else "satisfied"], found["received"]
    found = (
        _flagged(DEFINITIONS[code], period)
        .order_by()
        .aggregate(denominator=Count("pk"), numerator=Count("pk", filter=Q(passes=1)))
    )
    return found["numerator"] or 0, found["denominator"] or 0


def lost(code: str, period: Period) -> QuerySet:
    """The rows of indicator `code`'s denominator that are not in its numerator."""
    return _flagged(DEFINITIONS[code], period).filter(passes=0)
