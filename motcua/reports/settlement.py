"""The settlement report (tình hình, kết quả giải quyết TTHC; Biểu II.06a): one aggregate query per report.

Definitions (docs/reports.md), for an agency with its whole subtree and a period [first_day, last_day] of
Vietnamese calendar dates, where `begin` is the start of first_day and `stop` the start of the day after
last_day:

- counted: received (received_at set) before `stop`, and not closed (finished_at: result ready, refused,
  stopped, withdrawn) before `begin`;
- received: online / direct_postal when received within the period, by channel; carried_over when received
  before `begin`;
- resolved: finished within the period (result ready, stopped or withdrawn alike), classified by
  `finished_at` against `due_at` exactly as `worktime.engine.Calendar.classify`: late after the due instant,
  early on a Vietnamese date before the due date, on time otherwise;
- in_progress: not finished before `stop`; within_time when the due instant is not before the end of the
  period (or now, for a period not over yet) or when the clock was paused then, else overdue;
- evaluations: of the dossiers received within the period, rated (ratings) or evaluated in the old system
  (legacy import), with `evaluations.evaluation_conditions` on the dossier's `evaluation` column, in the same
  aggregate.

One SELECT over the counted dossiers makes the figures: it groups them into *cells* by channel, finish
timeliness and evaluation (at most 3 x 4 x 3, times the breakdown's keys when there is one), and counts in
each cell four numbers: the dossiers, those received within the period, those resolved, and those overdue at
the end. Every figure is a sum of cells (`_figures`), with the constants `conditions()` uses too: four counts
and a hash of three short columns cost PostgreSQL less than one `COUNT(*) FILTER (WHERE ...)` per figure
(docs/performance.md). Python builds the query, adds up at most a few dozen cells per row, orders the rows,
and formats rates; it never sees a dossier.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Case, CharField, Count, F, Max, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from motcua import clock
from motcua.catalog.models import Level
from motcua.dossiers.lifecycle import Channel
from motcua.dossiers.models import Dossier, Pause
from motcua.org.models import Agency
from motcua.worktime.engine import EARLY, LATE, ON_TIME

from .evaluations import EVALUATED, SATISFIED, evaluation_conditions
from .periods import bounds, vietnamese_month
from .rates import percent

BREAKDOWNS = ("agency", "field", "procedure", "level", "channel", "month")

# --- the figures -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Evaluations:
    dossiers: int = 0
    evaluated: int = 0
    satisfied: int = 0

    def as_dict(self) -> dict:
        return {
            "dossiers": self.dossiers,
            "evaluated": self.evaluated,
            "satisfied": self.satisfied,
            "rates": {
                "evaluated": percent(self.evaluated, self.dossiers),
                "satisfied": percent(self.satisfied, self.evaluated),
            },
        }


@dataclass(frozen=True)
class Figures:
    """The II.06a columns 3-13 of one row (or the total), with the evaluations."""

    online: int = 0  # column 4
    direct_postal: int = 0  # column 5
    carried_over: int = 0  # column 6
    early: int = 0  # column 8
    on_time: int = 0  # column 9
    late: int = 0  # column 10
    within_time: int = 0  # column 12
    overdue: int = 0  # column 13
    evaluations: Evaluations = field(default_factory=Evaluations)

    @property
    def received(self) -> int:  # column 3
        return self.online + self.direct_postal + self.carried_over

    @property
    def resolved(self) -> int:  # column 7
        return self.early + self.on_time + self.late

    @property
    def in_progress(self) -> int:  # column 11
        return self.within_time + self.overdue

    def columns(self) -> list[int]:
        """Columns 3 to 13 of Biểu II.06a, in order."""
        return [
            self.received,
            self.online,
            self.direct_postal,
            self.carried_over,
            self.resolved,
            self.early,
            self.on_time,
            self.late,
            self.in_progress,
            self.within_time,
            self.overdue,
        ]

    def rates(self) -> dict[str, str]:
        return {
            "resolved": percent(self.resolved, self.received),
            "early": percent(self.early, self.resolved),
            "on_time": percent(self.on_time, self.resolved),
            "late": percent(self.late, self.resolved),
        }

    def in_time_rate(self) -> str:
        """Early and on time together as a percentage of resolved: the "on-time rate" of the dashboards, the
        ranking and the public page."""
        return percent(self.early + self.on_time, self.resolved)

    def online_share(self) -> str:
        """Online as a percentage of the dossiers received within the period (carried-over ones left out)."""
        return percent(self.online, self.online + self.direct_postal)

    def value(self, figure: str) -> int:
        """One number by its name in FIGURES, e.g. "resolved.late" or "evaluations.satisfied"."""
        group, part = figure.split(".")
        return self.as_dict()[group][part]

    def as_dict(self) -> dict:
        return {
            "received": {
                "total": self.received,
                "online": self.online,
                "direct_postal": self.direct_postal,
                "carried_over": self.carried_over,
            },
            "resolved": {
                "total": self.resolved,
                "early": self.early,
                "on_time": self.on_time,
                "late": self.late,
            },
            "in_progress": {
                "total": self.in_progress,
                "within_time": self.within_time,
                "overdue": self.overdue,
            },
            "rates": self.rates(),
            "evaluations": self.evaluations.as_dict(),
        }


COUNTED_FIGURES = (
    "online",
    "direct_postal",
    "carried_over",
    "early",
    "on_time",
    "late",
    "within_time",
    "overdue",
)


@dataclass(frozen=True)
class Row:
    key: str  # the breakdown's value: agency code, field code, procedure code, level, channel, "YYYY-MM"
    label: str  # column 2 of Biểu II.06a
    figures: Figures


@dataclass(frozen=True)
class Settlement:
    agency: Agency
    first_day: date
    last_day: date
    by: str | None
    total: Figures
    rows: list[Row]

    def as_dict(self) -> dict:
        """The JSON of `motcua report settlement` and GET /api/v1/reports/settlement."""
        return {
            "agency": self.agency.code,
            "from": self.first_day.isoformat(),
            "to": self.last_day.isoformat(),
            "by": self.by,
            **self.total.as_dict(),
            "rows": [{"key": row.key, **row.figures.as_dict()} for row in self.rows],
        }


# --- the query -------------------------------------------------------------------------------------------


def subtree_dossiers(agency: Agency) -> QuerySet:
    """Dossiers received by `agency` or an agency below it. The subtree's ids are read first (one indexed
    prefix query on the agency path) and written into the query as a list: PostgreSQL then checks each
    dossier against a hashed list inside the scan, instead of joining the agencies (about 130 ms of the
    province's report at 3,500,000 dossiers), and still uses the (receiving_agency, ...) indexes for a small
    subtree."""
    return Dossier.objects.filter(receiving_agency__in=list(agency.subtree().values_list("pk", flat=True)))


def counted(agency: Agency, first_day: date, last_day: date) -> QuerySet:
    """The dossiers the report counts: received before the end of the period and not closed before its start.

    Written as three disjoint cases, each led by an indexed range, so that PostgreSQL combines the indexes on
    (receiving_agency, received_at) and (receiving_agency, finished_at) (a BitmapOr) instead of reading every
    dossier an agency ever received: received within the period; received before it and finished since its
    start; received before it and not finished. (A dossier received within the period cannot have finished
    before it.)"""
    begin, stop = bounds(first_day, last_day)
    return subtree_dossiers(agency).filter(
        Q(received_at__gte=begin, received_at__lt=stop)
        | Q(received_at__lt=begin, finished_at__gte=begin)
        | Q(received_at__lt=begin, finished_at__isnull=True)
    )


def received_in(agency: Agency, first_day: date, last_day: date) -> QuerySet:
    """The dossiers received within the period (the evaluations' population)."""
    begin, stop = bounds(first_day, last_day)
    return subtree_dossiers(agency).filter(received_at__gte=begin, received_at__lt=stop)


def _measured_at(stop: datetime, now: datetime | None) -> datetime:
    """Open dossiers are judged at the end of the period, or now when the period is not over yet."""
    now = clock.now() if now is None else now
    return min(stop, now)


# The figures' conditions, each written once: `settlement()` counts them (as sums of cells, `_figures`) and
# `dossiers_behind()` lists them. Each applies to `classified(counted(...))`, whose aliases `timeliness` and
# `standing` it may use.
FIGURES = (
    "received.total",
    "received.online",
    "received.direct_postal",
    "received.carried_over",
    "resolved.total",
    "resolved.early",
    "resolved.on_time",
    "resolved.late",
    "in_progress.total",
    "in_progress.within_time",
    "in_progress.overdue",
    "evaluations.dossiers",
    "evaluations.evaluated",
    "evaluations.satisfied",
)

ONLINE = (Channel.ONLINE,)
DIRECT_POSTAL = (Channel.DIRECT, Channel.POSTAL)


def conditions(begin: datetime, stop: datetime) -> dict[str, Q]:
    """The condition of every figure in FIGURES on a counted, classified dossier, for the period [begin,
    stop)."""
    in_period = Q(received_at__gte=begin)
    resolved = Q(finished_at__lt=stop)  # a counted dossier finished before `stop` finished within the period
    open_at_end = Q(finished_at__isnull=True) | Q(finished_at__gte=stop)
    evaluation = evaluation_conditions()
    return {
        "received.total": Q(),  # every counted dossier
        "received.online": in_period & Q(channel__in=ONLINE),
        "received.direct_postal": in_period & Q(channel__in=DIRECT_POSTAL),
        "received.carried_over": Q(received_at__lt=begin),
        "resolved.total": resolved,
        "resolved.early": resolved & Q(timeliness=EARLY),
        "resolved.on_time": resolved & Q(timeliness=ON_TIME),
        "resolved.late": resolved & Q(timeliness=LATE),
        "in_progress.total": open_at_end,
        "in_progress.within_time": open_at_end & Q(standing="within_time"),
        "in_progress.overdue": open_at_end & Q(standing="overdue"),
        "evaluations.dossiers": in_period,
        "evaluations.evaluated": in_period & evaluation["evaluated"],
        "evaluations.satisfied": in_period & evaluation["satisfied"],
    }


# A cell: the counted dossiers of one channel, finish timeliness and evaluation (and breakdown key), and
# the four numbers counted in each (`_cell_counts`).
CELL = ("channel", "finish_timeliness", "evaluation")
_CELL_COUNTS = ("counted", "in_period", "resolved", "overdue")


def _cell_counts(begin: datetime, stop: datetime) -> dict:
    """The four numbers counted in every cell; each figure is a sum of them (`_figures`)."""
    where = conditions(begin, stop)
    return {
        "counted": Count("pk"),
        "in_period": Count("pk", filter=where["evaluations.dossiers"]),  # received within the period
        "resolved": Count("pk", filter=where["resolved.total"]),
        "overdue": Count("pk", filter=where["in_progress.overdue"]),
    }


def classified(dossiers: QuerySet, reference: datetime) -> QuerySet:
    """`timeliness` of a finish and `standing` of an open dossier at `reference`, as SQL expressions. The
    timeliness is the dossier's stored `finish_timeliness`: the database computes it from `finished_at` and
    `due_at` with `worktime.sql.timeliness` (a generated column), once per write instead of in every report.
    The 766 index lists its dossiers with the same classes.

    "Paused at `reference`" is `id IN (the dossiers of the pauses running then)`, not a correlated EXISTS:
    the same dossiers, but a query without correlated subqueries may be run by several PostgreSQL workers at
    once (a parallel scan), and the pauses running at one instant are few."""
    paused = (
        Pause.objects.filter(started_at__lt=reference)
        .filter(Q(ended_at__isnull=True) | Q(ended_at__gte=reference))
        .values("dossier_id")
    )
    return dossiers.alias(
        timeliness=F("finish_timeliness"),
        standing=Case(
            When(Q(due_at__gte=reference) | Q(pk__in=paused), then=Value("within_time")),
            default=Value("overdue"),
            output_field=CharField(),
        ),
    )


def _figures(cells: Iterable[dict]) -> Figures:
    """The figures as sums of cells, each by the condition `conditions()` gives it:
    - received within the period, by channel: `in_period` of the cells of its channels (ONLINE,
      DIRECT_POSTAL); carried over (received before it): `counted - in_period`;
    - resolved early, on time, late: `resolved` of the cells of that finish timeliness;
    - in progress (not resolved: finished at the end of the period or later, or not yet): overdue is counted,
      within time is the rest, `counted - resolved - overdue` (an open dossier is one or the other);
    - evaluations, among the dossiers received within the period: all of them (`in_period`), and the
      `in_period` of the cells whose evaluation is in EVALUATED or SATISFIED.
    The evaluations' population, the dossiers received within the period, is among the counted ones."""
    sums: Counter = Counter()
    for cell in cells:
        channel, timeliness, evaluation = cell["channel"], cell["finish_timeliness"], cell["evaluation"]
        counted, in_period, resolved, overdue = (cell[name] or 0 for name in _CELL_COUNTS)
        sums["online"] += in_period if channel in ONLINE else 0
        sums["direct_postal"] += in_period if channel in DIRECT_POSTAL else 0
        sums["carried_over"] += counted - in_period
        if timeliness in (EARLY, ON_TIME, LATE):
            sums[timeliness] += resolved
        sums["within_time"] += counted - resolved - overdue
        sums["overdue"] += overdue
        sums["received_in_period"] += in_period
        sums["evaluated"] += in_period if evaluation in EVALUATED else 0
        sums["satisfied"] += in_period if evaluation in SATISFIED else 0
    evaluations = Evaluations(sums["received_in_period"], sums["evaluated"], sums["satisfied"])
    return Figures(**{name: sums[name] for name in COUNTED_FIGURES}, evaluations=evaluations)


# --- breakdowns ------------------------------------------------------------------------------------------


@dataclass
class _Breakdown:
    """How one breakdown groups (`key`: an expression or field, and `row_key`, which turns a grouped value
    into its row's key), labels and orders its rows, and selects a row's dossiers again (the drill-down)."""

    key: object
    label: Callable[[dict], str]
    order: Callable[[dict], object]
    selects: Callable[[str], Q]
    extra: dict = field(default_factory=dict)
    row_key: Callable[[object], str] = str


def _agency_breakdown(agency: Agency) -> _Breakdown:
    """The agency's own dossiers in one row; each agency directly below it, with its subtree, in another.
    The query groups by the receiving agency (a plain column: no join, no path test per dossier) and each
    agency of the subtree goes to the row of the child whose path its path starts with."""
    children = list(agency.children.order_by("name", "pk"))
    by_code = {child.code: child for child in children}
    row_of = {}
    for pk, path in agency.subtree().values_list("pk", "path"):
        under = [child.code for child in children if path.startswith(child.path)]
        row_of[pk] = under[0] if under else agency.code
    position = {child.code: index for index, child in enumerate(children, start=1)}

    def selects(code: str) -> Q:
        child = by_code.get(code)
        if child is None:
            return Q(receiving_agency=agency)
        return Q(receiving_agency__in=child.subtree().values("pk"))  # uses (receiving_agency, received_at)

    return _Breakdown(
        key=F("receiving_agency_id"),
        label=lambda row: by_code[row["key"]].name if row["key"] in by_code else agency.name,
        order=lambda row: position.get(row["key"], 0),
        selects=selects,
        row_key=lambda pk: row_of[pk],
    )


def _month_selects(first_day: date, last_day: date) -> Callable[[str], Q]:
    def selects(key: str) -> Q:
        try:
            year, month = (int(part) for part in key.split("-"))
        except ValueError:
            raise ValueError(f"not a month: {key!r}") from None
        if not 1 <= month <= 12:
            raise ValueError(f"not a month: {key!r}")
        start = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        begin, stop = bounds(start, following - timedelta(days=1))
        return Q(received_at__gte=begin, received_at__lt=stop)

    return selects


LEVEL_ORDER = {value: index for index, value in enumerate(Level.values)}
CHANNEL_ORDER = {value: index for index, value in enumerate(Channel.values)}


def _breakdown(by: str, agency: Agency, first_day: date, last_day: date) -> _Breakdown:
    if by == "agency":
        return _agency_breakdown(agency)
    if by == "field":
        return _Breakdown(
            key=F("procedure_version__field__code"),
            label=lambda row: row["label"],
            order=lambda row: row["key"],
            selects=lambda key: Q(procedure_version__field__code=key),
            extra={"label": Max("procedure_version__field__name")},
        )
    if by == "procedure":
        return _Breakdown(
            key=F("procedure_version__procedure__code"),
            label=lambda row: f"{row['key']} {row['label']}",
            order=lambda row: row["key"],
            selects=lambda key: Q(procedure_version__procedure__code=key),
            # Versions of a procedure may be named differently: one of their names labels the row.
            extra={"label": Max("procedure_version__name")},
        )
    if by == "level":
        return _Breakdown(
            key=F("procedure_version__level"),
            label=lambda row: str(Level(row["key"]).label) if row["key"] in Level.values else row["key"],
            order=lambda row: LEVEL_ORDER.get(row["key"], len(LEVEL_ORDER)),
            selects=lambda key: Q(procedure_version__level=key),
        )
    if by == "channel":
        return _Breakdown(
            key=F("channel"),
            label=lambda row: str(Channel(row["key"]).label) if row["key"] in Channel.values else row["key"],
            order=lambda row: CHANNEL_ORDER.get(row["key"], len(CHANNEL_ORDER)),
            selects=lambda key: Q(channel=key),
        )
    if by == "month":
        # The Vietnamese month of reception: rows partition the dossiers, so they add up to the total;
        # carried-over dossiers fall in months before the period.
        return _Breakdown(
            key=vietnamese_month("received_at"),
            label=lambda row: _("Month %(month)s") % {"month": row["key"][5:7] + "/" + row["key"][:4]},
            order=lambda row: row["key"],
            selects=_month_selects(first_day, last_day),
            row_key=_month_key,
        )
    raise ValueError(f"unknown breakdown {by!r}")


def _month_key(value) -> str:
    return value.strftime("%Y-%m") if hasattr(value, "strftime") else str(value)[:7]


# --- the report ------------------------------------------------------------------------------------------


def settlement(
    agency: Agency, first_day: date, last_day: date, by: str | None = None, *, now: datetime | None = None
) -> Settlement:
    """The settlement report of `agency` (with its subtree) for [first_day, last_day], optionally broken
    down `by` one of BREAKDOWNS. `now` (default: server time) only matters for a period not over yet."""
    if by is not None and by not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}")
    if last_day < first_day:
        raise ValueError("the period ends before it starts")
    begin, stop = bounds(first_day, last_day)
    reference = _measured_at(stop, now)
    dossiers = classified(counted(agency, first_day, last_day), reference).order_by()
    counts = _cell_counts(begin, stop)
    if by is None:
        total = _figures(dossiers.values(*CELL).annotate(**counts))
        return Settlement(agency=agency, first_day=first_day, last_day=last_day, by=by, total=total, rows=[])

    breakdown = _breakdown(by, agency, first_day, last_day)
    grouped = dossiers.annotate(key=breakdown.key).values("key", *CELL).annotate(**counts, **breakdown.extra)
    by_key: dict[str, list[dict]] = {}
    for cell in grouped:
        by_key.setdefault(breakdown.row_key(cell["key"]), []).append(cell)
    found = [{"key": key, **_extra(breakdown, its), "cells": its} for key, its in by_key.items()]
    rows = [
        Row(key=row["key"], label=breakdown.label(row), figures=_figures(row["cells"]))
        for row in sorted(found, key=breakdown.order)
    ]
    total = _figures(cell for row in found for cell in row["cells"])
    return Settlement(agency=agency, first_day=first_day, last_day=last_day, by=by, total=total, rows=rows)


def _extra(breakdown: _Breakdown, cells: list[dict]) -> dict:
    """A row's extra values from its cells (its label: the largest of the cells' labels; they differ only when
    versions of a procedure are named differently, and any of the names labels the row)."""
    extra = {}
    for name in breakdown.extra:
        values = [cell[name] for cell in cells if cell[name] is not None]
        extra[name] = max(values) if values else None
    return extra


# --- the drill-down --------------------------------------------------------------------------------------


def dossiers_behind(
    agency: Agency,
    first_day: date,
    last_day: date,
    figure: str,
    *,
    now: datetime | None = None,
    by: str | None = None,
    key: str | None = None,
) -> QuerySet:
    """The dossiers behind one number of `settlement(agency, first_day, last_day, by, now=now)`: `figure` is
    one of FIGURES ("resolved.late", "evaluations.satisfied"...), of the total or, with `by` and `key`, of
    one row. Same base query and same conditions as the report, so `.count()` is the report's number."""
    if figure not in FIGURES:
        raise ValueError(f"unknown figure {figure!r}")
    if by is not None and by not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}")
    if last_day < first_day:
        raise ValueError("the period ends before it starts")
    begin, stop = bounds(first_day, last_day)
    dossiers = classified(counted(agency, first_day, last_day), _measured_at(stop, now))
    if by is not None:
        dossiers = dossiers.filter(_breakdown(by, agency, first_day, last_day).selects(str(key or "")))
    return dossiers.filter(conditions(begin, stop)[figure])
