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
