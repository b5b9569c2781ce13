"""How the portal writes numbers, money, time limits and instants for citizens, in the active language."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from motcua.catalog import rules
from motcua.catalog.choices import Channel, OnlineLevel
from motcua.catalog.models import ProcedureVersion, ProcessStep
from motcua.org.models import Agency, Role
from motcua.text import nfc
from motcua.worktime.explanations import format_number
from motcua.worktime.units import Unit


def vnd(amount: int) -> str:
    """Đồng the Vietnamese way, in both languages: 100.000 đ."""
    return f"{int(amount):,} đ".replace(",", ".")


def _count(amount: Decimal) -> int:
    return 1 if amount == 1 else 2


def amount_of_time(value, unit: str) -> str:
    """'2,5 ngày làm việc', '4 giờ làm việc', '15 ngày', '1 tháng'."""
    amount = Decimal(value)
    values = {"amount": format_number(amount)}
    if unit == Unit.HOURS:
        text = ngettext("%(amount)s office hour", "%(amount)s office hours", _count(amount))
    elif unit == Unit.WORKING_DAYS:
        text = ngettext("%(amount)s working day", "%(amount)s working days", _count(amount))
    elif unit == Unit.CALENDAR_DAYS:
        text = ngettext("%(amount)s calendar day", "%(amount)s calendar days", _count(amount))
    else:
        text = ngettext("%(amount)s month", "%(amount)s months", _count(amount))
    return text % values


def time_limit(value, unit: str, same_day_cutoff) -> str:
    if same_day_cutoff is not None:
        return _("The same working day when filed by %(cutoff)s; filed later, the next working day") % {
            "cutoff": f"{same_day_cutoff:%H:%M}"
        }
    return amount_of_time(value, unit)


@dataclass(frozen=True)
class TimeLimits:
    legal: str
    committed: str
    reduction: str  # "" when there is nothing to say


def time_limits(version: ProcedureVersion) -> TimeLimits:
    """The legal limit, the limit the agency commits to, and how much shorter that is (the reduction)."""
    cutoff = version.same_day_cutoff
    found = version.reduction
    reduction = ""
    if found is not None and found.days > 0:
        unit = (
            Unit.WORKING_DAYS
            if version.legal_limit.unit in rules.OFFICE_TIME_UNITS
            else version.legal_limit.unit
        )
        reduction = _("%(amount)s shorter (%(percent)s%%)") % {
            "amount": amount_of_time(found.days, unit),
            "percent": format_number(found.percent),
        }
    elif found is not None:
        reduction = _("none: the agency commits to the legal time limit")
    return TimeLimits(
        legal=time_limit(version.legal_limit_value, version.legal_limit_unit, cutoff),
        committed=time_limit(version.committed_limit_value, version.committed_limit_unit, cutoff),
        reduction=reduction,
    )


@dataclass(frozen=True)
class StepLine:
    name: str
    who: str
    where: str
    time: str


def process_steps(version: ProcedureVersion) -> list[StepLine]:
    """The steps of the internal process: what happens, who does it, where, and the office time allowed."""
    steps: list[ProcessStep] = list(version.steps.all())
    return [
        StepLine(
            name=step.name,
            who=Role(step.role).label,
            where=step.agency.name if step.agency_id else _("the agency that received the dossier"),
            time=amount_of_time(step.hours, Unit.HOURS),
        )
        for step in steps
    ]


@dataclass(frozen=True)
class Filing:
    channels: list[str]
    online: str  # the online service level, and what it means for the citizen


def filing(version: ProcedureVersion) -> Filing:
    meaning = {
        OnlineLevel.FULL: _("Everything can be done online; the result comes online or by post."),
        OnlineLevel.PARTIAL: _("You can file online; some steps need you in person."),
        OnlineLevel.NONE: _("Not available online: file in person or by post."),
    }[OnlineLevel(version.online_level)]
    return Filing(
        channels=[str(Channel(channel).label) for channel in version.channels],
        online=f"{OnlineLevel(version.online_level).label}. {meaning}",
    )


def legal_basis(version: ProcedureVersion) -> list[str]:
    return [line for line in (nfc(line) for line in version.legal_basis.splitlines()) if line]


def when(instant: datetime | None) -> str:
    """An instant in Vietnamese time as people read it: 17:00, Thứ 6, 09/01/2026."""
    if instant is None:
        return ""
    local = timezone.localtime(instant)
    return f"{local:%H:%M}, {WEEKDAYS[local.weekday()]}, {local:%d/%m/%Y}"


def office_hours(agency: Agency) -> str:
    sessions = ", ".join(f"{start:%H:%M}-{end:%H:%M}" for start, end in agency.sessions)
    if agency.receives_on_saturday:
        return _("%(sessions)s, Monday to Friday; Saturday mornings at the desk") % {"sessions": sessions}
    return _("%(sessions)s, Monday to Friday") % {"sessions": sessions}


def initials(name: str) -> str:
    """'Nguyễn Văn An' -> 'N.V.A.': all the portal shows of an applicant."""
    letters = [word[0].upper() for word in nfc(name).split() if word[0].isalnum()]
    return "".join(f"{letter}." for letter in letters)
