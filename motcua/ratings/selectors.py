"""Reads of ratings for pages, the API and other apps (statistics): the rules in force, which dossier may be
rated, the link printed on slips, and the Circular 01/2018 art. 15 aggregation, done in SQL.

    rating_url(dossier) -> str                       the public rating page with the lookup secret (slips)
    scores(ratings, by=None | "agency" | "officer") -> list[GroupScore]
    summary(agency, start, end) -> Summary           per agency (subtree) and per officer over a period

Aggregation rule (docs/ratings.md): an indicator's score over a group of ratings is the average over the
dossiers rated of the dossier's points, rounded half up to one decimal. A dossier counts once: when it was
rated through two channels, each rating weighs 1/2. The weights come from a correlated subquery, the sums
from one GROUP BY; Python only divides and rounds per group.
"""

import hmac
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import (
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from motcua import clock
from motcua.dossiers.lifecycle import State
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.org.models import Agency

from . import rules
from .models import Answer, Band, Channel, Indicator, Level, Overall, Policy, Rating, Rule

# The business actions at which a desk officer serves the applicant face to face.
SERVING_ACTIONS = ("return_result", "receive")

# --- the rules in force ----------------------------------------------------------------------------------


def policy() -> Policy:
    """The settings row (pk 1), or the defaults when nobody saved one."""
    return Policy.objects.filter(pk=1).first() or Policy(pk=1)


def indicators() -> QuerySet:
    """The active indicators with their levels, in legal order."""
    levels = Prefetch("levels", queryset=Level.objects.order_by("order"))
    return Indicator.objects.filter(is_active=True).prefetch_related(levels).order_by("number")


def citizen_indicators() -> QuerySet:
    """The indicators a citizen answers (numbers and choices); the others are scored from the dossier."""
    return indicators().filter(rule__in=[Rule.COUNT, Rule.CHOICE])


def bands() -> list[Band]:
    """Best first."""
    return list(Band.objects.order_by("order"))


# --- which dossier, who served, is it open ---------------------------------------------------------------


def find_for_rating(code: str, secret: str) -> Dossier | None:
    """The dossier with this code and lookup secret, or None: a wrong code looks like a wrong secret."""
    code, secret = (code or "").strip(), (secret or "").strip().upper()
    dossier = (
        Dossier.objects.select_related("procedure_version", "receiving_agency").filter(code=code).first()
        if code
        else None
    )
    expected = dossier.lookup_secret if dossier is not None else "-" * 6
    matches = hmac.compare_digest(expected.encode(), secret.encode())  # the same work either way
    return dossier if dossier is not None and secret and matches else None


def closed_at(dossier: Dossier) -> datetime | None:
    """When the applicant's business with the desk ended: the return, or the end of a stopped or withdrawn
    dossier."""
    if dossier.returned_at is not None:
        return dossier.returned_at
    if dossier.state in (State.STOPPED, State.WITHDRAWN):
        return dossier.finished_at
    return None


def is_open(dossier: Dossier, now: datetime | None = None, days: int | None = None) -> bool:
    """Rating opens when the dossier is received and closes `Policy.open_days_after_return` days after the
    result is returned (or the dossier is stopped or withdrawn)."""
    if dossier.received_at is None:
        return False
    now = now or clock.now()
    ended = closed_at(dossier)
    if ended is None:
        return True
    days = policy().open_days_after_return if days is None else days
    return now <= ended + timedelta(days=days)


def officer_who_served(dossier: Dossier):
    """The desk officer who returned the result, or else who received the dossier (None: not known)."""
    event = (
        DossierEvent.objects.filter(dossier=dossier, action__in=SERVING_ACTIONS, actor__isnull=False)
        .select_related("actor")
        .order_by("-number")
        .first()
    )
    return event.actor if event is not None else None


def rated_through(dossier: Dossier, channel: str) -> bool:
    return Rating.objects.filter(dossier=dossier, channel=channel).exists()


def served_by(user, since: datetime, limit: int = 12) -> list[Dossier]:
    """Dossiers `user` received or returned since `since`, not yet rated at the kiosk: the kiosk's picker."""
    served = DossierEvent.objects.filter(
        dossier=OuterRef("pk"), actor=user, action__in=SERVING_ACTIONS, at__gte=since
    )
    last = served.order_by("-at").values("at")[:1]
    kiosk = Rating.objects.filter(dossier=OuterRef("pk"), channel=Channel.KIOSK)
    dossiers = (
        Dossier.objects.filter(Exists(served), received_at__isnull=False)
        .exclude(Exists(kiosk))
        .select_related("procedure_version")
        .annotate(served_at=Subquery(last))
        .order_by("-served_at")[:limit]
    )
    return [dossier for dossier in dossiers if is_open(dossier)]


def rating_url(dossier: Dossier) -> str:
    """The public rating page of `dossier` (link and QR code on slips): MOTCUA_PUBLIC_URL + /rate/<code>/
    ?secret=<lookup secret>. Without MOTCUA_PUBLIC_URL the path alone."""
    base = getattr(settings, "MOTCUA_PUBLIC_URL", "").rstrip("/")
    path = reverse("ratings:rate", args=[dossier.code])
    return f"{base}{quote(path, safe='/.-')}?secret={quote(dossier.lookup_secret, safe='')}"


# --- counts for statistics ------------------------------------------------------------------------------


# --- Art. 15 aggregation ---------------------------------------------------------------------------------


@dataclass
class GroupScore:
    """The scores of one group of ratings (an agency, an officer, or everything selected)."""

    key: object  # an Agency, a user, or None for the whole selection
    scores: dict[int, Decimal | None]  # indicator number -> score, rounded to one decimal; None: no data
    total: Decimal
    complete: bool  # every active indicator has a score
    band: Band | None  # only for a complete total
    ratings: int = 0
    dossiers: int = 0
    overall: dict[str, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        if self.key is None:
            return ""
        if isinstance(self.key, Agency):
            return self.key.name
        return self.key.get_full_name() or self.key.get_username()

    @property
    def satisfied(self) -> int:
        return sum(self.overall.get(value, 0) for value in Overall.satisfied_values())

    @property
    def satisfied_percent(self) -> Decimal | None:
        if not self.ratings:
            return None
        return rules.round_score(Fraction(self.satisfied * 100, self.ratings))

    def score_list(self, numbers) -> list[Decimal | None]:
        return [self.scores.get(number) for number in numbers]


GROUPS = {None: None, "agency": "agency_id", "officer": "officer_id"}


def _weighted_sums(ratings: QuerySet, by: str | None) -> QuerySet:
    """Σ points x weight and Σ weight per (group, indicator); a rating weighs 1/(ratings of its dossier
    that answered the same indicator in the selection), so each dossier counts once."""
    selected = ratings.order_by().values("pk")
    siblings = (
        Answer.objects.filter(
            rating__in=selected,
            rating__dossier_id=OuterRef("rating__dossier_id"),
            indicator_id=OuterRef("indicator_id"),
        )
        .order_by()
        .values("indicator_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    weight = ExpressionWrapper(Value(1.0) / Cast(Subquery(siblings), FloatField()), output_field=FloatField())
    group = [f"rating__{GROUPS[by]}"] if by else []
    return (
        Answer.objects.filter(rating__in=selected, indicator__is_active=True)
        .annotate(weight=weight)
        .order_by()
        .values(*group, "indicator__number")
        .annotate(
            weighted=Sum(ExpressionWrapper(F("points") * F("weight"), output_field=FloatField())),
            weights=Sum("weight"),
        )
    )


def _counts(ratings: QuerySet, by: str | None) -> list[dict]:
    counts = {
        "n_ratings": Count("pk"),
        "n_dossiers": Count("dossier", distinct=True),
        **{value: Count("pk", filter=Q(overall=value)) for value in Overall.values},
    }
    if by is None:
        row = ratings.order_by().aggregate(**counts)
        return [row] if row["n_ratings"] else []
    return list(ratings.order_by().values(GROUPS[by]).annotate(**counts))


def scores(ratings: QuerySet, by: str | None = None, *, numbers=None, all_bands=None) -> list[GroupScore]:
    """Art. 15 scores of `ratings`, as one group (by=None) or per "agency" or "officer". `numbers` (of the
    active indicators) and `all_bands` may be passed when already read."""
    if by not in GROUPS:
        raise ValueError(f"unknown grouping {by!r}")
    key = f"rating__{GROUPS[by]}" if by else None
    if numbers is None:
        numbers = list(indicators().values_list("number", flat=True))
    all_bands = bands() if all_bands is None else all_bands
    sums: dict[object, dict[int, Decimal]] = {}
    for row in _weighted_sums(ratings, by):
        if row["weights"]:
            value = Fraction(row["weighted"]) / Fraction(row["weights"])
            sums.setdefault(row[key] if key else None, {})[row["indicator__number"]] = rules.round_score(
                value
            )
    keys = {}
    if by == "agency":
        keys = Agency.objects.in_bulk([k for k in sums if k is not None])
    elif by == "officer":
        keys = get_user_model().objects.in_bulk([k for k in sums if k is not None])
    count_key = GROUPS[by]
    groups = []
    for row in _counts(ratings, by):
        group_key = row[count_key] if count_key else None
        found = sums.get(group_key, {})
        group_scores = {number: found.get(number) for number in numbers}
        complete = all(score is not None for score in group_scores.values())
        total = sum((score for score in group_scores.values() if score is not None), Decimal("0.0"))
        groups.append(
            GroupScore(
                key=keys.get(group_key) if by else None,
                scores=group_scores,
                total=total,
                complete=complete,
                band=rules.band_for(all_bands, total) if complete else None,
                ratings=row["n_ratings"],
                dossiers=row["n_dossiers"],
                overall={value: row[value] for value in Overall.values},
            )
        )
    return sorted(groups, key=lambda group: (-group.total, group.label))


# --- a period at an agency -------------------------------------------------------------------------------


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00, the day after end 00:00) in Vietnamese time: `end` is included."""
    zone = timezone.get_default_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


def ratings_in(agency: Agency, start: date, end: date) -> QuerySet:
    """Ratings of dossiers received by `agency` or an agency below it, submitted from `start` to `end`."""
    begin, stop = period_bounds(start, end)
    return Rating.objects.filter(
        agency__path__startswith=agency.path, submitted_at__gte=begin, submitted_at__lt=stop
    )


@dataclass
class Summary:
    agency: Agency
    start: date
    end: date
    indicators: list[Indicator]
    total: GroupScore | None
    agencies: list[GroupScore]
    officers: list[GroupScore]


def summary(agency: Agency, start: date, end: date) -> Summary:
    """Everything the staff page and GET /api/v1/ratings/summary show for `agency` (with its subtree)."""
    ratings = ratings_in(agency, start, end)
    active = list(indicators())
    known = {"numbers": [indicator.number for indicator in active], "all_bands": bands()}
    total = scores(ratings, **known)
    return Summary(
        agency=agency,
        start=start,
        end=end,
        indicators=active,
        total=total[0] if total else None,
        agencies=scores(ratings, by="agency", **known),
        officers=[group for group in scores(ratings, by="officer", **known) if group.key is not None],
    )
