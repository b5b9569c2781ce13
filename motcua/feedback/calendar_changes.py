"""When the official calendar changes, the dues of open feedback move with it (each move is an event).

`worktime` sends `calendar_changed(dates, agency)` after an override is committed: every open feedback of
that agency's subtree (or everywhere) whose clock period touches one of those dates is rescheduled; when an
agency's office sessions change (dates None), every open feedback it holds is.
"""

from datetime import datetime, time, timedelta

from django.db.models import Q
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.worktime.signals import calendar_changed

from . import services
from .lifecycle import TRANSITIONS
from .models import Feedback


def affected(dates, agency=None):
    """Open feedback whose [clock start, latest due] contains one of `dates` (None: any)."""
    feedback = Feedback.objects.filter(state__in=TRANSITIONS["reschedule"].sources)
    if dates is None:
        return feedback.filter(agency=agency)  # office sessions are the agency's own, not inherited
    tz = timezone.get_current_timezone()
    touches = Q()
    for day in dates:
        start = datetime.combine(day, time.min, tzinfo=tz)
        dues = Q(accept_due_at__gte=start) | Q(answer_due_at__gte=start) | Q(publish_due_at__gte=start)
        touches |= Q(clock_started_at__lt=start + timedelta(days=1)) & dues
    feedback = feedback.filter(touches)
    if agency is not None:
        feedback = feedback.filter(agency__path__startswith=agency.path)
    return feedback


def reschedule_after_calendar_change(dates, agency=None) -> int:
    if dates is None:
        reason = _("The office sessions of %(agency)s changed.") % {"agency": agency.name}
    else:
        days = ", ".join(f"{day:%d/%m/%Y}" for day in dates)
        reason = _("The working calendar changed on %(days)s.") % {"days": days}
    moved = 0
    for feedback in affected(dates, agency).only("pk").iterator():
        if services.reschedule(feedback, reason=reason) is not None:
            moved += 1
    return moved


@receiver(calendar_changed, dispatch_uid="feedback_reschedule_after_calendar_change")
def on_calendar_changed(sender, dates, agency, **kwargs) -> None:
    reschedule_after_calendar_change(dates, agency)
