"""`calendar_changed`: other apps are told when an override is added, changed or removed.

Sent after the transaction commits (never for a change that was rolled back), once per scope touched, with:
    dates:  sorted list of the dates whose status may have changed, or None when every date may have (an
            agency's office sessions changed)
    agency: the Agency the change applies to (with its subtree), or None for a global change
A receiver (e.g. the dossiers app) finds its open deadlines in that scope around those dates, asks
`worktime.selectors.calendar_for(agency)` for the new calendar and `worktime.services.reschedule(...)` for
what moves. Connect with `@receiver(calendar_changed)`.
"""

import uuid

from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import Signal, receiver

from .models import CalendarOverride, CalendarRevision

calendar_changed = Signal()


def bump_revision() -> None:
    """Give the calendar a new revision token, in the current transaction."""
    updated = CalendarRevision.objects.filter(pk=1).update(token=uuid.uuid4())
    if not updated:
        CalendarRevision.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4()})


def _send_after_commit(scopes: dict[int | None, set]) -> None:
    def send():
        from motcua.org.models import Agency

        agencies = Agency.objects.in_bulk([pk for pk in scopes if pk is not None])
        for agency_id, dates in scopes.items():
            agency = agencies.get(agency_id) if agency_id is not None else None
            if agency_id is not None and agency is None:
                continue  # the agency itself was deleted: nothing of it is left to reschedule
            calendar_changed.send(sender=CalendarOverride, dates=sorted(dates), agency=agency)

    transaction.on_commit(send)


@receiver(post_save, sender="org.Agency", dispatch_uid="worktime_office_hours_changed")
def office_hours_changed(sender, instance, created, **kwargs) -> None:
    """New office sessions change every deadline walked in that agency's office time."""
    previous = getattr(instance, "_loaded_office_hours", None)
    instance._loaded_office_hours = instance.office_hours
    if created or previous is None or previous == instance.office_hours:
        return
    transaction.on_commit(lambda: calendar_changed.send(sender=sender, dates=None, agency=instance))


@receiver(post_init, sender="org.Agency", dispatch_uid="worktime_remember_office_hours")
def remember_office_hours(sender, instance, **kwargs) -> None:
    instance._loaded_office_hours = instance.__dict__.get("office_hours")


@receiver(post_save, sender=CalendarOverride, dispatch_uid="worktime_override_saved")
def override_saved(sender, instance: CalendarOverride, **kwargs) -> None:
    bump_revision()
    scopes: dict[int | None, set] = {instance.agency_id: {instance.date}}
    old_date, old_agency = getattr(instance, "_loaded_scope", (None, None))
    if old_date is not None:
        scopes.setdefault(old_agency, set()).add(old_date)
    instance._loaded_scope = (instance.date, instance.agency_id)
    _send_after_commit(scopes)


@receiver(post_delete, sender=CalendarOverride, dispatch_uid="worktime_override_deleted")
def override_deleted(sender, instance: CalendarOverride, **kwargs) -> None:
    bump_revision()
    _send_after_commit({instance.agency_id: {instance.date}})
