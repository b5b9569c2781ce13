"""The fixed value lists of the catalogue (codes in files and the database, labels for people)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.org.models import Role
from motcua.worktime.units import Unit


class Level(models.TextChoices):
    """Cấp thực hiện. The district level disappeared with the two-level local government of July 2025."""

    MINISTRY = "ministry", _("ministry level")
    PROVINCE = "province", _("province level")
    DISTRICT = "district", _("district level")
    COMMUNE = "commune", _("commune level")


class OnlineLevel(models.TextChoices):
    """Decree 42/2022: full (toàn trình) or partial (một phần) online public service."""

    NONE = "none", _("not online")
    PARTIAL = "partial", _("partial online service")
    FULL = "full", _("full online service")


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    IN_FORCE = "in_force", _("in force")
    AMENDED = "amended", _("amended")
    ABOLISHED = "abolished", _("abolished")


class TimeUnit(models.TextChoices):
    """The units of motcua.worktime.units.Unit, with labels."""

    HOURS = Unit.HOURS.value, _("office hours")
    WORKING_DAYS = Unit.WORKING_DAYS.value, _("working days")
    CALENDAR_DAYS = Unit.CALENDAR_DAYS.value, _("calendar days")
    MONTHS = Unit.MONTHS.value, _("months")


class Channel(models.TextChoices):
    """How a dossier may be filed (cách thức thực hiện); stored as three booleans on a version."""

    DIRECT = "direct", _("in person")
    ONLINE = "online", _("online")
    POSTAL = "postal", _("by post")


# The roles that act in a procedure's internal process (monitors and administrators do not).
STEP_ROLES = [Role.DESK_OFFICER, Role.SPECIALIST, Role.LEADER, Role.CLERK]
