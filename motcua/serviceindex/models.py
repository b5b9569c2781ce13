"""The real-time service index of Decision 766/QĐ-TTg (chỉ số phục vụ người dân, doanh nghiệp) as data.

Groups and indicators (their maxima, targets and formulas) and the rating bands of the total are rows seeded
by migration 0002 from the domain reference section 9 (several values UNVERIFIED, see docs/service-index.md)
and edited in the admin. How each indicator is computed from MotCua's own data is code (`index.py`): a row
without a computation is shown as "not computed by MotCua" and left out of the achievable maximum.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

POINTS = {"max_digits": 6, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}


class Group(models.Model):
    """One of the five component groups (nhóm chỉ số), e.g. 2 Tiến độ, kết quả giải quyết (20 points)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name (Vietnamese)"), max_length=255)
    max_points = models.DecimalField(_("maximum points"), **POINTS)

    class Meta:
        ordering = ["number"]
        verbose_name = _("indicator group")
        verbose_name_plural = _("indicator groups")

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Indicator(models.Model):
    """One indicator (chỉ số thành phần), e.g. 2.1 Hồ sơ xử lý trước hạn, đúng hạn: 20 points, no target.

    Scoring (index.py): with a target T, full points when the ratio reaches T, else ratio × max ÷ T;
    without a target, ratio × max."""

    code = models.CharField(
        _("code"), max_length=10, unique=True, help_text=_("As in the Decision's method, e.g. 2.1.")
    )
    group = models.ForeignKey(Group, models.PROTECT, related_name="indicators", verbose_name=_("group"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name (Vietnamese)"), max_length=500)
    max_points = models.DecimalField(
        _("maximum points"), help_text=_("0: tracked for information only, not scored."), **POINTS
    )
    target = models.DecimalField(
        _("target (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal(100))],
        help_text=_(
            "The ratio that earns full points; empty: no target (points in proportion to the ratio)."
        ),
    )
    formula = models.TextField(_("formula"), help_text=_("Numerator ÷ denominator, as the method states it."))
    source = models.TextField(
        _("source of the values"), blank=True, help_text=_("Where the default comes from; UNVERIFIED if so.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["group__number", "order", "code"]
        verbose_name = _("service index indicator")
        verbose_name_plural = _("service index indicators")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Band(models.Model):
    """A rating of the total (xếp loại): totals brought to 100 points at or above `min_points`."""

    order = models.PositiveSmallIntegerField(_("order"), unique=True)
    label = models.CharField(_("label (Vietnamese)"), max_length=60)
    min_points = models.DecimalField(
        _("minimum points (of 100)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )

    class Meta:
        ordering = ["-min_points", "order"]
        verbose_name = _("rating band")
        verbose_name_plural = _("rating bands")

    def __str__(self) -> str:
        return f"{self.label} (≥ {self.min_points})"
