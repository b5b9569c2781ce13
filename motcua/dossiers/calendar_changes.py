"""When the official calendar changes, open appointments move with it (each move is an event with its reason).

`worktime` sends `calendar_changed(dates, agency)` after an override is committed; every received, open
dossier of that agency's subtree (or everywhere) whose period touches one of those dates is rescheduled. When
an agency's office sessions change (dates None), every open dossier it received is.

A province-wide change touches many dossiers, so the request that saved it only enqueues a background task
(`reschedule_after_calendar_change_task`, run by `motcua worker`); the task calls
`reschedule_after_calendar_change`. The signal is sent after the change committed, so the task sees it.
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from motcua.worktime.engine import DAY_OFF, WORKING_DAY
from motcua.worktime.selectors import calendar_for
from motcua.worktime.signals import calendar_changed

from . import services
from .lifecycle import State
from .models import Dossier


def affected_dossiers(dates, agency=None):
    """Open received dossiers whose [reception day, appointment day] contains one of `dates` (None: any)."""
    dossiers = Dossier.objects.filter(state__in=State.clock_states(), received_at__isnull=False)
    if dates is None:
        return dossiers.filter(receiving_agency=agency)  # office sessions are the agency's own, not inherited
    tz = timezone.get_current_timezone()
    touches = Q()
    for day in dates:
        start = datetime.combine(day, time.min, tzinfo=tz)
        touches |= Q(received_at__lt=start + timedelta(days=1), due_at__gte=start)
    dossiers = dossiers.filter(touches)
    if agency is not None:
        dossiers = dossiers.filter(receiving_agency__path__startswith=agency.path)
    return dossiers


def describe_change(dates, agency=None) -> str:
    """Why appointments move, in words: what each changed day is now."""
    if dates is None:
        return _("The office sessions of %(agency)s changed.") % {"agency": agency.name}
    calendar = calendar_for(agency)
    parts = []
    for day in dates:
        kind, name = calendar.day_kind(day)
        if kind == DAY_OFF:
            parts.append(_("%(day)s is now a day off (%(name)s)") % {"day": f"{day:%d/%m/%Y}", "name": name})
        elif kind == WORKING_DAY:
            parts.append(
                _("%(day)s is now a working day (%(name)s)") % {"day": f"{day:%d/%m/%Y}", "name": name}
            )
        else:
            parts.append(_("%(day)s is now an ordinary day") % {"day": f"{day:%d/%m/%Y}"})
    return _("The working calendar changed: %(changes)s.") % {"changes": "; ".join(parts)}


def reschedule_after_calendar_change(dates, agency=None) -> int:
    """Recompute the appointment of every affected dossier; return how many moved."""
    reason = describe_change(dates, agency)
    moved = 0
    for dossier in affected_dossiers(dates, agency).only("pk").iterator():
        if services.reschedule(dossier, reason=reason) is not None:
            moved += 1
    return moved


@task()
def reschedule_after_calendar_change_task(dates: list[str] | None, agency_id: int | None) -> int:
    """The background task: `dates` as ISO dates (None: every date), the agency by its id (None: global)."""
    from motcua.org.models import Agency

    agency = Agency.objects.filter(pk=agency_id).first() if agency_id is not None else None
    if agency_id is not None and agency is None:
        return 0  # the agency was deleted meanwhile: nothing of it is left to reschedule
    days = None if dates is None else [date.fromisoformat(day) for day in dates]
    return reschedule_after_calendar_change(days, agency)


@receiver(calendar_changed, dispatch_uid="dossiers_reschedule_after_calendar_change")
def on_calendar_changed(sender, dates, agency, **kwargs) -> None:
    reschedule_after_calendar_change_task.enqueue(
        None if dates is None else [day.isoformat() for day in dates], agency.pk if agency else None
    )
