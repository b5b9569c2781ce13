"""Citizens' accounts: a `Citizen` profile beside a Django user (never staff), the one-time codes sent by SMS,
and the failed logins that the throttle counts.

A citizen signs in with an e-mail address or a mobile phone number and a password, or through VNeID (OpenID
Connect); `identity_source` says which proved who they are, and feeds the national portal's "account
authenticated with VNeID" flag (TaiKhoanDuocXacThucVoiVNeID).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class IdentitySource(models.TextChoices):
    PASSWORD = "password", pgettext_lazy("identity source", "e-mail or phone and password")
    VNEID = "vneid", pgettext_lazy("identity source", "VNeID")


class Citizen(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="citizen", verbose_name=_("user account")
    )
    full_name = models.CharField(_("full name"), max_length=255)
    id_number = models.CharField(
        _("citizen ID number"),
        max_length=20,
        blank=True,
        help_text=_("CCCD or personal ID number, optional."),
    )
    # NULL, not "", when absent: the unique constraints then allow any number of citizens without one.
    email = models.EmailField(_("e-mail"), null=True, blank=True, unique=True)
    phone = models.CharField(
        _("mobile phone"), max_length=10, null=True, blank=True, unique=True, help_text=_("0xxxxxxxxx")
    )
    email_verified_at = models.DateTimeField(_("e-mail verified at"), null=True, blank=True)
    phone_verified_at = models.DateTimeField(_("phone verified at"), null=True, blank=True)
    identity_source = models.CharField(
        _("identity proved by"),
        max_length=10,
        choices=IdentitySource.choices,
        default=IdentitySource.PASSWORD,
    )
    vneid_issuer = models.CharField(_("identity provider"), max_length=255, blank=True)
    vneid_subject = models.CharField(  # noqa: DJ001 (NULL: not linked; unique with the issuer when set)
        _("subject at the identity provider"), max_length=255, null=True, blank=True
    )
    level_of_assurance = models.CharField(
        _("level of assurance"), max_length=100, blank=True, help_text=_("The ID token's acr claim.")
    )
    vneid_linked_at = models.DateTimeField(_("linked to VNeID at"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("citizen account")
        verbose_name_plural = _("citizen accounts")
        constraints = [
            models.UniqueConstraint(
                fields=["vneid_issuer", "vneid_subject"],
                condition=Q(vneid_subject__isnull=False),
                name="citizens_one_account_per_subject",
            ),
            models.CheckConstraint(
                condition=Q(email__isnull=False) | Q(phone__isnull=False) | Q(vneid_subject__isnull=False),
                name="citizens_reachable_or_vneid",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def email_verified(self) -> bool:
        return bool(self.email and self.email_verified_at)

    @property
    def phone_verified(self) -> bool:
        return bool(self.phone and self.phone_verified_at)

    @property
    def vneid_linked(self) -> bool:
        return bool(self.vneid_subject)


class CodePurpose(models.TextChoices):
    VERIFY_PHONE = "verify_phone", _("phone verification")
    RESET_PASSWORD = "reset_password", _("password reset")


class OneTimeCode(models.Model):
    """A 6-digit code sent by SMS. Only its keyed hash is kept; 5 tries; it expires after 10 minutes."""

    citizen = models.ForeignKey(Citizen, models.CASCADE, related_name="codes", verbose_name=_("citizen"))
    purpose = models.CharField(_("purpose"), max_length=20, choices=CodePurpose.choices)
    phone = models.CharField(_("sent to"), max_length=10)
    code_hash = models.CharField(max_length=100)
    created_at = models.DateTimeField(_("sent at"))
    expires_at = models.DateTimeField(_("expires at"))
    tries = models.PositiveSmallIntegerField(_("wrong tries"), default=0)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("one-time code")
        verbose_name_plural = _("one-time codes")
        indexes = [models.Index(fields=["citizen", "purpose", "created_at"], name="citizens_code_recent")]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} · {self.created_at:%d/%m/%Y %H:%M}"


class LoginFailure(models.Model):
    """One failed login: the account typed (keyed hash, so no e-mail or phone is kept) and the address.

    The throttle counts these rows (throttle.py); a successful login clears its pair's rows (`cleared`), but
    not the address's count. Rows older than a day are deleted as new failures come in."""

    account = models.CharField(max_length=64)
    address = models.CharField(max_length=64)
    at = models.DateTimeField()
    cleared = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["account", "address", "at"], name="citizens_failure_pair"),
            models.Index(fields=["address", "at"], name="citizens_failure_address"),
        ]

    def __str__(self) -> str:
        return f"{self.address} · {self.at:%d/%m/%Y %H:%M:%S}"


def draft_upload_to(document: "DraftDocument", filename: str) -> str:
    return filename  # the name is chosen by filing.py (drafts/<year>/<month>/<random>.<type>)


class Draft(models.Model):
    """An online submission being prepared (nộp hồ sơ trực tuyến), saved at each step so the citizen can
    come back to it. Once filed, `dossier` points to the dossier and the draft's own files are deleted."""

    class Step(models.IntegerChoices):
        APPLICANT = 1, _("applicant")
        DOCUMENTS = 2, _("documents")
        DELIVERY = 3, _("delivery of the result")
        REVIEW = 4, _("review and submit")

    citizen = models.ForeignKey(Citizen, models.CASCADE, related_name="drafts", verbose_name=_("citizen"))
    procedure_version = models.ForeignKey(
        "catalog.ProcedureVersion", models.CASCADE, related_name="+", verbose_name=_("procedure")
    )
    receiving_agency = models.ForeignKey(
        "org.Agency",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("receiving agency"),
    )
    applicant_name = models.CharField(_("applicant"), max_length=255, blank=True)
    applicant_id_number = models.CharField(_("ID number"), max_length=30, blank=True)
    applicant_birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    applicant_address = models.CharField(_("address"), max_length=500, blank=True)
    applicant_phone = models.CharField(_("phone"), max_length=20, blank=True)
    applicant_email = models.EmailField(_("e-mail"), blank=True)
    delivery_choice = models.CharField(_("result delivery chosen"), max_length=10, blank=True)
    delivery_address = models.CharField(_("address to post the result to"), max_length=500, blank=True)
    step_done = models.PositiveSmallIntegerField(_("last step completed"), default=0)
    created_at = models.DateTimeField(_("created at"))
    updated_at = models.DateTimeField(_("updated at"))
    dossier = models.OneToOneField(
        "dossiers.Dossier",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dossier filed"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("online submission draft")
        verbose_name_plural = _("online submission drafts")
        indexes = [models.Index(fields=["citizen", "submitted_at"], name="citizens_draft_open")]

    def __str__(self) -> str:
        return f"{self.procedure_version.name} · {self.created_at:%d/%m/%Y}"

    @property
    def is_submitted(self) -> bool:
        return self.dossier_id is not None or self.submitted_at is not None


class DraftDocument(models.Model):
    """The file a draft gives for one required component: a new upload (checked as at the desk, kept in
    `file`) or a file of the citizen's earlier dossiers reused from "my documents" (`reused`)."""

    draft = models.ForeignKey(Draft, models.CASCADE, related_name="documents", verbose_name=_("draft"))
    required_document = models.ForeignKey(
        "catalog.RequiredDocument", models.CASCADE, related_name="+", verbose_name=_("required document")
    )
    file = models.FileField(_("file"), upload_to=draft_upload_to, max_length=255, blank=True)
    reused = models.ForeignKey(
        "dossiers.DossierFile",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reused file"),
    )
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    added_at = models.DateTimeField(_("added at"))

    class Meta:
        ordering = ["required_document__order", "required_document__pk"]
        verbose_name = _("draft document")
        verbose_name_plural = _("draft documents")
        constraints = [
            models.UniqueConstraint(fields=["draft", "required_document"], name="citizens_draft_one_per_doc"),
        ]

    def __str__(self) -> str:
        return self.original_name
