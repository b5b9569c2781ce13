"""Signal receivers: each only calls a service function."""

from django.dispatch import receiver

from motcua.dossiers.services import event_recorded

from . import services


@receiver(event_recorded, dispatch_uid="notices_outbox_for_dossier_events")
def write_outbox_rows(sender, dossier, event, **kwargs) -> None:
    """Inside the business transaction: the messages commit, or roll back, with the event."""
    services.on_dossier_event(dossier, event)
