"""Calendar configuration: overrides of the official calendar, and the revision every process compares."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .days import DAY_OFF, WORKING_DAY


class OverrideKind(models.TextChoices):
    DAY_OFF = DAY_OFF, _("extra day off")
    WORKING_DAY = WORKING_DAY, _("extra working day")


class CalendarOverride(models.Model):
    """A day the government (or a province, for its agencies) declares off or worked, against the official
    calendar of the `holidays` package. An override wins over the package; an agency's override wins over a
    global one and over its parents' (the nearest agency wins)."""

    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=OverrideKind.choices)
    name = models.CharField(
        _("name"), max_length=200, help_text=_("Shown in explanations, e.g. “Nghỉ bù Quốc khánh”.")
    )
    decision = models.CharField(
        _("decision"),
        max_length=255,
        help_text=_("The document that ordered it, e.g. “Thông báo 6150/TB-BLĐTBXH ngày 08/11/2024”."),
    )
    agency = models.ForeignKey(
        "org.Agency",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_overrides",
        verbose_name=_("agency"),
        help_text=_("Applies to this agency and every agency below it; empty: everywhere."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-date", "agency__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["date", "agency"], name="worktime_override_one_per_agency_and_date"
            ),
            models.UniqueConstraint(
                fields=["date"],
                condition=Q(agency__isnull=True),
                name="worktime_override_one_global_per_date",
            ),
        ]
        verbose_name = _("calendar override")
        verbose_name_plural = _("calendar overrides")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} · {self.get_kind_display()} · {self.name}"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remember where the override was, so moving it reports both the old and the new date and agency.
        instance._loaded_scope = (instance.__dict__.get("date"), instance.__dict__.get("agency_id"))
        return instance


class CalendarRevision(models.Model):
    """One row whose token changes with every override saved or deleted, in the same transaction.

    Each process caches its calendars with the token they were built from and reuses them only while the token
    is unchanged: one primary-key read per lookup, correct across any number of processes. A random token (not
    a counter) cannot come back after a rolled-back change."""

    token = models.UUIDField(default=uuid.uuid4)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar revision")
        verbose_name_plural = _("calendar revisions")

    def __str__(self) -> str:
        return str(self.token)
