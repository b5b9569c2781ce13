"""What the legacy import adds beside the dossiers it writes: marks on the placeholders it had to create, and
the applicants' evaluations recorded by the old system.

- `ImportedAgency` marks an agency created because a file named an agency code the tree did not have (and the
  root "imported" agency that holds them); an administrator moves it to its place in the tree, or merges it.
- `ImportedProcedure` marks a procedure version created because a file named a procedure code the catalogue
  did not have: never in force, named as the file named it, without a time limit of its own.
- `ImportedEvaluation` is the applicant's overall evaluation as the old system recorded it. The ratings app's
  `Rating` has no channel for it (only the kiosk and the online page, and one citizen's nine answers), so the
  import keeps it here, one row per dossier, and writes what it says into the dossier's `evaluation`, which
  the statistics count.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.catalog.models import ProcedureVersion
from motcua.dossiers.models import Dossier
from motcua.org.models import Agency


class ImportedAgency(models.Model):
    agency = models.OneToOneField(
        Agency, models.CASCADE, primary_key=True, related_name="+", verbose_name=_("agency")
    )
    source_file = models.CharField(_("file"), max_length=255)
    line = models.PositiveIntegerField(_("first line"), null=True, blank=True)
    imported_at = models.DateTimeField(_("imported at"))

    class Meta:
        verbose_name = _("placeholder agency (imported)")
        verbose_name_plural = _("placeholder agencies (imported)")

    def __str__(self) -> str:
        return str(self.agency_id)


class ImportedProcedure(models.Model):
    version = models.OneToOneField(
        ProcedureVersion, models.CASCADE, primary_key=True, related_name="+", verbose_name=_("procedure")
    )
    source_file = models.CharField(_("file"), max_length=255)
    line = models.PositiveIntegerField(_("first line"))
    imported_at = models.DateTimeField(_("imported at"))

    class Meta:
        verbose_name = _("placeholder procedure (imported)")
        verbose_name_plural = _("placeholder procedures (imported)")

    def __str__(self) -> str:
        return str(self.version_id)


class Overall(models.TextChoices):
    """The same values as `ratings.models.Overall`, so that statistics can read both alike."""

    VERY_SATISFIED = "very_satisfied", pgettext_lazy("satisfaction", "very satisfied")
    SATISFIED = "satisfied", pgettext_lazy("satisfaction", "satisfied")
    NOT_SATISFIED = "not_satisfied", pgettext_lazy("satisfaction", "not satisfied")


class ImportedEvaluation(models.Model):
    dossier = models.OneToOneField(
        Dossier,
        models.CASCADE,
        primary_key=True,
        related_name="imported_evaluation",
        verbose_name=_("dossier"),
    )
    overall = models.CharField(_("overall satisfaction"), max_length=20, choices=Overall.choices)

    class Meta:
        verbose_name = _("imported evaluation")
        verbose_name_plural = _("imported evaluations")

    def __str__(self) -> str:
        return f"{self.dossier_id} · {self.overall}"
