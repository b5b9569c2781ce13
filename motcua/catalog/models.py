"""The procedure catalogue: fields, procedures and their versions, documents, fees, internal process, bundles.

A procedure (its national code) is an identity; its content lives in versions. A version in force is never
edited: a change makes a new version (services.py), so a dossier keeps the version it was received under.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.org.models import Agency, AgencyKind
from motcua.text import fold
from motcua.worktime.units import Unit

from . import rules
from .choices import STEP_ROLES, Channel, Level, OnlineLevel, Status, TimeUnit

PROCEDURE_CODE_PATTERN = r"^\d\.\d{6}$"
procedure_code_validator = RegexValidator(
    PROCEDURE_CODE_PATTERN, _("A procedure code has the form d.dddddd, e.g. 1.001193.")
)


LIMIT_DIGITS = {"max_digits": 8, "decimal_places": 2}


class Field(models.Model):
    """Lĩnh vực: a group of procedures (civil status, land, ...)."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)

    class Meta:
        ordering = ["name"]
        verbose_name = _("field")
        verbose_name_plural = _("fields")

    def __str__(self) -> str:
        return self.name


class Procedure(models.Model):
    """The identity of an administrative procedure: its national code (CSDLQG)."""

    code = models.CharField(_("code"), max_length=8, unique=True, validators=[procedure_code_validator])
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("administrative procedure")
        verbose_name_plural = _("administrative procedures")

    def __str__(self) -> str:
        return self.code


class ProcedureVersion(models.Model):
    procedure = models.ForeignKey(
        Procedure, models.PROTECT, related_name="versions", verbose_name=_("procedure")
    )
    # "version" alone is translated by django.contrib.auth, which comes first: a context keeps ours.
    number = models.PositiveIntegerField(pgettext_lazy("procedure", "version"), editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    name = models.CharField(_("name"), max_length=500)
    # The name without diacritics, lower case ("dang ky khai sinh"): search as people type, kept by save().
    name_folded = models.CharField(max_length=500, editable=False, default="")
    field = models.ForeignKey(Field, models.PROTECT, related_name="versions", verbose_name=_("field"))
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    agency_kinds = models.ManyToManyField(
        AgencyKind, related_name="procedure_versions", verbose_name=_("implementing agency kinds")
    )
    subjects = models.TextField(_("subjects"), blank=True)
    channel_direct = models.BooleanField(_("filed in person"), default=True)
    channel_online = models.BooleanField(_("filed online"), default=False)
    channel_postal = models.BooleanField(_("filed by post"), default=False)
    online_level = models.CharField(
        _("online service level"), max_length=20, choices=OnlineLevel.choices, default=OnlineLevel.NONE
    )
    legal_limit_value = models.DecimalField(
        _("legal time limit"), validators=[MinValueValidator(Decimal(0))], **LIMIT_DIGITS
    )
    legal_limit_unit = models.CharField(
        _("unit of the legal time limit"), max_length=20, choices=TimeUnit.choices
    )
    committed_limit_value = models.DecimalField(
        _("committed time limit"),
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("The reduced time limit the agency commits to."),
        **LIMIT_DIGITS,
    )
    committed_limit_unit = models.CharField(
        _("unit of the committed time limit"), max_length=20, choices=TimeUnit.choices
    )
    same_day_cutoff = models.TimeField(
        _("same-day cut-off"),
        null=True,
        blank=True,
        help_text=_(
            "For same-day procedures (e.g. 15:00 for certified copies): received before this hour, the "
            "result is due the same working day, after it the next one. The time limits are then 0 working "
            "days."
        ),
    )
    conditions = models.TextField(_("requirements and conditions"), blank=True)
    result = models.TextField(_("result"))
    result_is_document = models.BooleanField(_("the result is a document"), default=True)
    legal_basis = models.TextField(_("legal basis"), blank=True, help_text=_("One legal document per line."))
    publication_decision = models.CharField(_("publication decision"), max_length=255, blank=True)
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("created by"),
    )
    effective_at = models.DateTimeField(_("in force since"), null=True, blank=True, editable=False)
    ended_at = models.DateTimeField(_("in force until"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["procedure__code", "-number"]
        verbose_name = _("procedure version")
        verbose_name_plural = _("procedure versions")
        constraints = [
            models.UniqueConstraint(fields=["procedure", "number"], name="catalog_version_unique_number"),
            models.UniqueConstraint(
                fields=["procedure"],
                condition=Q(status="in_force"),
                name="catalog_one_version_in_force",
            ),
            models.UniqueConstraint(
                fields=["procedure"], condition=Q(status="draft"), name="catalog_one_draft"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.procedure.code} · {self.name} (v{self.number})"

    def save(self, *args, **kwargs) -> None:
        self.name_folded = fold(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_folded"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        drafts = ProcedureVersion.objects.filter(procedure_id=self.procedure_id, status=Status.DRAFT)
        if self.pk is None and self.procedure_id and self.status == Status.DRAFT and drafts.exists():
            raise ValidationError(_("This procedure already has a draft: change that one, or publish it."))

    @property
    def code(self) -> str:
        return self.procedure.code

    @property
    def legal_limit(self) -> rules.Limit:
        return rules.Limit(self.legal_limit_value, Unit(self.legal_limit_unit))

    @property
    def committed_limit(self) -> rules.Limit:
        return rules.Limit(self.committed_limit_value, Unit(self.committed_limit_unit))

    @property
    def reduction(self) -> rules.Reduction | None:
        return rules.reduction(self.legal_limit, self.committed_limit)

    @property
    def channels(self) -> list[str]:
        flags = [self.channel_direct, self.channel_online, self.channel_postal]
        return [channel for channel, flag in zip(Channel.values, flags, strict=True) if flag]

    @property
    def is_editable(self) -> bool:
        return self.status == Status.DRAFT


def form_upload_to(document: "RequiredDocument", filename: str) -> str:
    return f"catalog/forms/{document.version.procedure.code}/{filename}"


class RequiredDocument(models.Model):
    """Thành phần hồ sơ: a document the applicant files."""

    version = models.ForeignKey(
        ProcedureVersion, models.CASCADE, related_name="documents", verbose_name=_("procedure version")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.TextField(_("name"))
    originals = models.PositiveSmallIntegerField(_("originals"), default=1)
    copies = models.PositiveSmallIntegerField(_("copies"), default=0)
    required = models.BooleanField(_("required"), default=True)
    form = models.FileField(_("blank form"), upload_to=form_upload_to, max_length=255, blank=True)

    class Meta:
        ordering = ["version", "order", "pk"]
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")

    def __str__(self) -> str:
        return self.name


class Fee(models.Model):
    """Phí, lệ phí: a fee or charge in whole đồng."""

    version = models.ForeignKey(
        ProcedureVersion, models.CASCADE, related_name="fees", verbose_name=_("procedure version")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=500)
    amount = models.PositiveBigIntegerField(_("amount (VND)"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["version", "order", "pk"]
        verbose_name = _("fee or charge")
        verbose_name_plural = _("fees and charges")

    def __str__(self) -> str:
        return self.name


class ProcessStep(models.Model):
    """A step of the internal process (quy trình nội bộ): who acts, where, and the hours it may take."""

    version = models.ForeignKey(
        ProcedureVersion, models.CASCADE, related_name="steps", verbose_name=_("procedure version")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=500)
    agency = models.ForeignKey(
        Agency,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agency"),
        help_text=_("Empty: the agency that received the dossier."),
    )
    role = models.CharField(_("role"), max_length=20, choices=[(r.value, r.label) for r in STEP_ROLES])
    hours = models.DecimalField(
        _("office hours"), validators=[MinValueValidator(Decimal("0.01"))], **LIMIT_DIGITS
    )

    class Meta:
        ordering = ["version", "order", "pk"]
        verbose_name = _("process step")
        verbose_name_plural = _("internal process")

    def __str__(self) -> str:
        return self.name


class Bundle(models.Model):
    """Thủ tục liên thông: procedures filed together, led by one of them."""

    code = models.CharField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    lead = models.ForeignKey(
        Procedure, models.PROTECT, related_name="bundles_led", verbose_name=_("lead procedure")
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("linked procedures")
        verbose_name_plural = _("linked procedures")

    def __str__(self) -> str:
        return self.name


class BundleMember(models.Model):
    bundle = models.ForeignKey(Bundle, models.CASCADE, related_name="members", verbose_name=_("bundle"))
    procedure = models.ForeignKey(
        Procedure, models.PROTECT, related_name="bundle_memberships", verbose_name=_("procedure")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["bundle", "order", "pk"]
        verbose_name = _("member procedure")
        verbose_name_plural = _("member procedures")
        constraints = [
            models.UniqueConstraint(fields=["bundle", "procedure"], name="catalog_bundle_member_unique")
        ]

    def __str__(self) -> str:
        return self.procedure.code
