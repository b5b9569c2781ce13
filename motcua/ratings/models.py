"""Satisfaction ratings of a dossier's settlement (Decree 61 art. 31; Circular 01/2018 art. 12-15).

The rules are data, seeded by migration 0002 with the defaults of the domain reference (several UNVERIFIED,
see docs/ratings.md) and editable in the admin:
- `Indicator`: the nine indicators, their legal text (Vietnamese), maximum points and how each is scored;
- `Level`: what earns how many points (a timeliness class, a number of contacts, a citizen's choice);
- `Band`: the classification of a total (Xuất sắc, Tốt, ...);
- `Policy`: how long rating stays open after the result is returned.

A `Rating` is one citizen's evaluation of one dossier through one channel (the kiosk at the desk, or online);
the database allows one per dossier and channel. Its `Answer`s hold the points of each indicator.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.models import Dossier
from motcua.org.models import Agency


class Rule(models.TextChoices):
    DOSSIER_TIMELINESS = "dossier_timeliness", _("automatic: the dossier's timeliness")
    STEP_TIMELINESS = "step_timeliness", _("automatic: the timeliness of each participating agency")
    COUNT = "count", _("a number answered by the citizen")
    CHOICE = "choice", _("a choice answered by the citizen")

    @classmethod
    def automatic(cls) -> frozenset[str]:
        return frozenset({cls.DOSSIER_TIMELINESS, cls.STEP_TIMELINESS})


class Timeliness(models.TextChoices):
    """The working-time engine's classes (motcua.worktime.engine EARLY, ON_TIME, LATE)."""

    EARLY = "early", pgettext_lazy("timeliness", "early")
    ON_TIME = "on_time", pgettext_lazy("timeliness", "on time")
    LATE = "late", pgettext_lazy("timeliness", "late")


class Channel(models.TextChoices):
    KIOSK = "kiosk", _("kiosk at the desk")
    ONLINE = "online", pgettext_lazy("rating channel", "online")


class Overall(models.TextChoices):
    VERY_SATISFIED = "very_satisfied", pgettext_lazy("satisfaction", "very satisfied")
    SATISFIED = "satisfied", pgettext_lazy("satisfaction", "satisfied")
    NOT_SATISFIED = "not_satisfied", pgettext_lazy("satisfaction", "not satisfied")

    @classmethod
    def satisfied_values(cls) -> tuple[str, str]:
        return (cls.VERY_SATISFIED, cls.SATISFIED)


def _in_language(vietnamese: str, english: str) -> str:
    """Legal text is Vietnamese data; the English column is a courtesy translation, shown in English."""
    return english if english and (get_language() or "vi").startswith("en") else vietnamese


class Indicator(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    text_vi = models.TextField(_("legal text (Vietnamese)"))
    text_en = models.TextField(_("English translation"), blank=True)
    question_vi = models.TextField(
        _("question to the citizen (Vietnamese)"),
        blank=True,
        help_text=_("Plain words for the rating form; empty: the legal text is shown."),
    )
    question_en = models.TextField(_("question to the citizen (English)"), blank=True)
    max_points = models.PositiveSmallIntegerField(_("maximum points"), default=2)
    rule = models.CharField(_("scoring rule"), max_length=20, choices=Rule.choices)
    per_dossier = models.BooleanField(
        _("scored per dossier (Art. 15.2)"),
        default=False,
        help_text=_(
            "Circular 01/2018 art. 15.2 names indicators 1, 2, 3, 4 and 7 as averaged over dossiers. "
            "The others are averaged the same way over the citizens' answers."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    source = models.TextField(
        _("source of the rule"), blank=True, help_text=_("Where the default comes from; UNVERIFIED if so.")
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("evaluation indicator")
        verbose_name_plural = _("evaluation indicators")

    def __str__(self) -> str:
        return f"{self.number}. {self.text_vi}"

    @property
    def text(self) -> str:
        return _in_language(self.text_vi, self.text_en)

    @property
    def question(self) -> str:
        return _in_language(self.question_vi, self.question_en) or self.text

    @property
    def is_automatic(self) -> bool:
        return self.rule in Rule.automatic()


class Level(models.Model):
    """What earns `points` on an indicator: a timeliness class, a number up to `up_to`, or a choice."""

    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="levels", verbose_name=_("indicator")
    )
    order = models.PositiveSmallIntegerField(_("order"))
    points = models.PositiveSmallIntegerField(_("points"))
    timeliness = models.CharField(
        _("timeliness"),
        max_length=10,
        choices=Timeliness.choices,
        blank=True,
        help_text=_("Automatic rules."),
    )
    up_to = models.PositiveSmallIntegerField(
        _("up to (number)"),
        null=True,
        blank=True,
        help_text=_("Number rules: answers up to this number earn these points; empty: any larger number."),
    )
    text_vi = models.CharField(_("answer (Vietnamese)"), max_length=255)
    text_en = models.CharField(_("answer (English)"), max_length=255, blank=True)

    class Meta:
        ordering = ["indicator__number", "order"]
        verbose_name = _("scoring level")
        verbose_name_plural = _("scoring levels")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "order"], name="ratings_level_unique_order"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.number}: {self.text_vi} = {self.points}"

    @property
    def text(self) -> str:
        return _in_language(self.text_vi, self.text_en)


class Band(models.Model):
    """A classification of a total score (Circular 01/2018 art. 15.3): totals above (or at) `lower`."""

    order = models.PositiveSmallIntegerField(_("order"), unique=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=60)
    name_en = models.CharField(_("name (English)"), max_length=60, blank=True)
    lower = models.DecimalField(_("lower bound"), max_digits=4, decimal_places=1)
    inclusive = models.BooleanField(
        _("the lower bound belongs to the band"), default=True, help_text=_("Off: strictly above.")
    )

    class Meta:
        ordering = ["order"]
        verbose_name = _("classification band")
        verbose_name_plural = _("classification bands")

    def __str__(self) -> str:
        return f"{self.name_vi} ({'≥' if self.inclusive else '>'} {self.lower})"

    @property
    def name(self) -> str:
        return _in_language(self.name_vi, self.name_en)


class Policy(models.Model):
    """The one row of rating settings (pk 1)."""

    open_days_after_return = models.PositiveSmallIntegerField(
        _("days rating stays open after the result is returned"), default=30
    )
    kiosk_reset_seconds = models.PositiveSmallIntegerField(
        _("seconds before the kiosk returns to its welcome screen"), default=6
    )

    class Meta:
        verbose_name = _("rating policy")
        verbose_name_plural = _("rating policy")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class Rating(models.Model):
    dossier = models.ForeignKey(Dossier, models.PROTECT, related_name="ratings", verbose_name=_("dossier"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    agency = models.ForeignKey(
        Agency,
        models.PROTECT,
        related_name="ratings",
        verbose_name=_("agency"),
        help_text=_("The agency whose one-stop desk received the dossier."),
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="ratings_received",
        verbose_name=_("officer who served"),
    )
    overall = models.CharField(_("overall satisfaction"), max_length=20, choices=Overall.choices)
    submitted_at = models.DateTimeField(_("submitted at"), db_index=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("satisfaction rating")
        verbose_name_plural = _("satisfaction ratings")
        constraints = [
            models.UniqueConstraint(fields=["dossier", "channel"], name="rating_one_per_dossier_and_channel"),
        ]
        indexes = [
            models.Index(fields=["agency", "submitted_at"], name="rating_agency_period"),
            models.Index(fields=["officer", "submitted_at"], name="rating_officer_period"),
        ]

    def __str__(self) -> str:
        return f"{self.dossier.code} · {self.get_channel_display()}"


class Answer(models.Model):
    """The points of one indicator in one rating, with what earned them."""

    rating = models.ForeignKey(Rating, models.CASCADE, related_name="answers", verbose_name=_("rating"))
    indicator = models.ForeignKey(
        Indicator, models.PROTECT, related_name="answers", verbose_name=_("indicator")
    )
    points = models.PositiveSmallIntegerField(_("points"))
    count = models.PositiveSmallIntegerField(_("number answered"), null=True, blank=True)
    timeliness = models.CharField(_("timeliness"), max_length=10, choices=Timeliness.choices, blank=True)

    class Meta:
        ordering = ["rating", "indicator__number"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["rating", "indicator"], name="rating_answer_unique_indicator"),
        ]

    def __str__(self) -> str:
        return f"{self.rating_id} · {self.indicator.number} = {self.points}"
