"""The real-time service index of an agency (with its subtree) over a period: plain functions.

index(agency, first_day, last_day, *, now=None) -> Index
    per indicator: numerator, denominator, ratio (a percentage, two decimals, half up as
    `reports.selectors.percent`), points; the total, the maximum achievable from MotCua's data, the total
    brought to 100 and its band.
lost_points(agency, first_day, last_day, indicator_code, *, now=None) -> Lost
    the dossiers, procedures or feedback that lost points on one indicator.

Scoring (domain reference 9.3): with a target T, full points when the ratio reaches T, else
ratio × max ÷ T; without a target, ratio × max ÷ 100. Points are rounded half up to two decimals, from the
ratio as shown. An indicator whose denominator is 0 has no ratio and no points ("N/A"): it is left out of the
total and of the achievable maximum, as are the indicators MotCua does not compute. The band is looked up
with the total brought to 100 (total × 100 ÷ achievable maximum), since MotCua computes only part of the 100
points.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet

from motcua import clock
from motcua.org.models import Agency
from motcua.reports.selectors import percent

from . import definitions
from .definitions import DEFINITIONS, Period
from .models import Band, Group, Indicator

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def _round(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def ratio_of(numerator: int, denominator: int) -> Decimal | None:
    """The ratio as a percentage with two decimals, half up ("66.67"); None when the denominator is 0."""
    if denominator <= 0:
        return None
    return Decimal(percent(numerator, denominator))


def points_for(ratio: Decimal | None, max_points: Decimal, target: Decimal | None) -> Decimal | None:
    """Full points at or above the target, else in proportion to it; without a target, in proportion to
    100 %. None (N/A) without a ratio."""
    if ratio is None:
        return None
    if target is not None and target > 0:
        if ratio >= target:
            return _round(max_points)
        return _round(ratio * max_points / target)
    return _round(ratio * max_points / HUNDRED)


def band_for(score: Decimal | None, bands: list[Band]) -> Band | None:
    """The band with the highest minimum at or below `score` (a total brought to 100)."""
    if score is None:
        return None
    for band in sorted(bands, key=lambda band: band.min_points, reverse=True):
        if score >= band.min_points:
            return band
    return None


def _text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


@dataclass(frozen=True)
class Score:
    indicator: Indicator
    computed: bool  # MotCua computes it from its own data
    numerator: int | None = None
    denominator: int | None = None
    ratio: Decimal | None = None
    points: Decimal | None = None
    description: str = ""

    @property
    def applicable(self) -> bool:
        """Counted in the total: computed, with a denominator."""
        return self.computed and self.ratio is not None

    @property
    def lost(self) -> int | None:
        if not self.computed or self.denominator is None:
            return None
        return self.denominator - self.numerator

    def as_dict(self) -> dict:
        indicator = self.indicator
        return {
            "code": indicator.code,
            "group": indicator.group.number,
            "name": indicator.name,
            "max_points": _text(indicator.max_points),
            "target": _text(indicator.target),
            "computed": self.computed,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "ratio": _text(self.ratio),
            "points": _text(self.points),
        }


@dataclass(frozen=True)
class GroupScore:
    group: Group
    points: Decimal
    achievable: Decimal

    def as_dict(self) -> dict:
        return {
            "number": self.group.number,
            "name": self.group.name,
            "max_points": _text(self.group.max_points),
            "points": _text(self.points),
            "achievable": _text(self.achievable),
        }


@dataclass(frozen=True)
class Index:
    agency: Agency
    first_day: date
    last_day: date
    scores: list[Score]
    groups: list[GroupScore] = field(default_factory=list)
    total: Decimal = Decimal(0)
    achievable: Decimal = Decimal(0)
    score_100: Decimal | None = None
    band: Band | None = None

    @property
    def maximum(self) -> Decimal:
        """The points of every active indicator (100 with the defaults)."""
        return sum((score.indicator.max_points for score in self.scores), Decimal(0))

    def score(self, code: str) -> Score:
        return next(score for score in self.scores if score.indicator.code == code)

    def as_dict(self) -> dict:
        """The JSON of `motcua service-index` and GET /api/v1/service-index/."""
        return {
            "agency": self.agency.code,
            "agency_name": self.agency.name,
            "from": self.first_day.isoformat(),
            "to": self.last_day.isoformat(),
            "total": _text(self.total),
            "achievable": _text(self.achievable),
            "maximum": _text(self.maximum),
            "score_100": _text(self.score_100),
            "band": self.band.label if self.band else None,
            "groups": [group.as_dict() for group in self.groups],
            "indicators": [score.as_dict() for score in self.scores],
        }


def _period(agency: Agency, first_day: date, last_day: date, now: datetime | None) -> Period:
    if last_day < first_day:
        raise ValueError("the period ends before it starts")
    return Period(agency, first_day, last_day, clock.now() if now is None else now)


def _score(indicator: Indicator, period: Period) -> Score:
    definition = DEFINITIONS.get(indicator.code)
    if definition is None:
        return Score(indicator, computed=False)
    numerator, denominator = definitions.counts(indicator.code, period)
    ratio = ratio_of(numerator, denominator)
    return Score(
        indicator,
        computed=True,
        numerator=numerator,
        denominator=denominator,
        ratio=ratio,
        points=points_for(ratio, indicator.max_points, indicator.target),
        description=str(definition.description),
    )


def index(agency: Agency, first_day: date, last_day: date, *, now: datetime | None = None) -> Index:
    """The index of `agency` and its subtree over [first_day, last_day] (Vietnamese dates, both included).
    `now` (default: server time) only matters for a period not over yet. One aggregate query per computed
    indicator (two for 2.1: the settlement report's figures and evaluations)."""
    period = _period(agency, first_day, last_day, now)
    indicators = list(Indicator.objects.filter(is_active=True).select_related("group"))
    scores = [_score(indicator, period) for indicator in indicators]
    applicable = [score for score in scores if score.applicable]
    total = sum((score.points for score in applicable), Decimal(0))
    achievable = sum((score.indicator.max_points for score in applicable), Decimal(0))
    groups = []
    for group in Group.objects.all():
        mine = [score for score in applicable if score.indicator.group_id == group.pk]
        groups.append(
            GroupScore(
                group,
                points=sum((score.points for score in mine), Decimal(0)),
                achievable=sum((score.indicator.max_points for score in mine), Decimal(0)),
            )
        )
    score_100 = _round(total * HUNDRED / achievable) if achievable > 0 else None
    return Index(
        agency=agency,
        first_day=first_day,
        last_day=last_day,
        scores=scores,
        groups=groups,
        total=_round(total),
        achievable=_round(achievable),
        score_100=score_100,
        band=band_for(score_100, list(Band.objects.all())),
    )


@dataclass(frozen=True)
class Lost:
    """What lost points on one indicator: `kind` is "dossier", "procedure" or "feedback"; `items` the
    queryset (Dossier, ProcedureVersion or Feedback rows)."""

    code: str
    kind: str
    items: QuerySet


def computed_codes() -> list[str]:
    return list(DEFINITIONS)


def lost_points(
    agency: Agency, first_day: date, last_day: date, indicator_code: str, *, now: datetime | None = None
) -> Lost:
    """The dossiers, procedures or feedback in indicator `indicator_code`'s denominator and not in its
    numerator. KeyError for an indicator MotCua does not compute."""
    definition = DEFINITIONS[indicator_code]
    period = _period(agency, first_day, last_day, now)
    return Lost(indicator_code, definition.kind, definitions.lost(indicator_code, period))
