"""Agencies (cơ quan, đơn vị) as a tree, and staff memberships: (agency, role)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext_lazy as _

from .office_hours import DEFAULT_OFFICE_HOURS, parse_office_hours, validate_office_hours

# Agency codes become the prefix of dossier codes (<agency code>-YYMMDD-NNNN), so no hyphen is allowed.
agency_code_validator = RegexValidator(
    r"^[A-Z0-9][A-Z0-9.]*$", _("Use capital letters, digits and dots only, e.g. 000.00.22.H34.")
)


class AgencyKind(models.Model):
    """Province, department, service centre, district, commune...: data, not code, since the 2025 reform."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    rank = models.PositiveSmallIntegerField(
        _("rank"), default=0, help_text=_("Sort order: higher levels first (province 10, commune 50).")
    )

    class Meta:
        ordering = ["rank", "name"]
        verbose_name = _("agency kind")
        verbose_name_plural = _("agency kinds")

    def __str__(self) -> str:
        return self.name


class Agency(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True, validators=[agency_code_validator])
    name = models.CharField(_("name"), max_length=255)
    kind = models.ForeignKey(AgencyKind, models.PROTECT, related_name="agencies", verbose_name=_("kind"))
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent agency"),
    )
    # Materialised path of primary keys, "/1/5/12/", kept by save(): a subtree is one indexed prefix query.
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    office_hours = models.CharField(
        _("office sessions"),
        max_length=100,
        default=DEFAULT_OFFICE_HOURS,
        validators=[validate_office_hours],
        help_text=_("Sessions on working days, e.g. 08:00-12:00, 13:00-17:00."),
    )
    receives_on_saturday = models.BooleanField(
        _("receives on Saturday"),
        default=False,
        help_text=_("The desk is open on Saturday mornings; those hours do not count toward time limits."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        with transaction.atomic():
            old_path = self.path
            if self.pk is None:
                super().save(*args, **kwargs)
                kwargs = {}
            new_path = (self.parent.path if self.parent_id else "/") + f"{self.pk}/"
            if self.parent_id and self.parent.path.startswith(old_path or "\0"):
                raise ValidationError(_("An agency cannot be placed under itself or its own unit."))
            self.path = new_path
            super().save(*args, **kwargs)
            if old_path and old_path != new_path:
                # Moving a branch: rewrite the prefix of every descendant in one statement.
                Agency.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                    path=Concat(Value(new_path), Substr("path", len(old_path) + 1))
                )

    def clean(self) -> None:
        super().clean()
        if self.pk and self.parent_id:
            parent = self.parent
            if parent.pk == self.pk or (self.path and parent.path.startswith(self.path)):
                raise ValidationError(
                    {"parent": _("An agency cannot be placed under itself or its own unit.")}
                )

    @property
    def sessions(self):
        return parse_office_hours(self.office_hours)

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2

    def subtree(self):
        """This agency and every agency below it."""
        return Agency.objects.filter(path__startswith=self.path)

    def ancestors(self):
        ids = [int(part) for part in self.path.strip("/").split("/")[:-1] if part]
        return Agency.objects.filter(pk__in=ids).order_by("path")


class Role(models.TextChoices):
    DESK_OFFICER = "desk_officer", _("desk officer (reception and results)")
    SPECIALIST = "specialist", _("specialist (processing)")
    LEADER = "leader", _("leader (approves and signs)")
    CLERK = "clerk", _("clerk (numbering and issuing)")
    MONITOR = "monitor", _("monitor (read-only statistics)")
    ADMINISTRATOR = "administrator", _("administrator")


class Membership(models.Model):
    """A staff member holds a role in an agency; every permission question is "which role in which agency"."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    agency = models.ForeignKey(Agency, models.CASCADE, related_name="memberships", verbose_name=_("agency"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["agency__path", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="org_membership_unique_role")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.agency}"
