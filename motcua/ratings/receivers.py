"""When a rated dossier's processing ends, its ratings get indicators 1-2 (scored from its timeliness)."""

from django.dispatch import receiver

from motcua.dossiers.services import event_recorded

from .models import Rating


@receiver(event_recorded, dispatch_uid="ratings.score_automatic")
def score_when_processing_ends(sender, dossier, event, **kwargs):
    if dossier.finished_at is None or not Rating.objects.filter(dossier=dossier).exists():
        return
    from .services import score_automatic

    score_automatic(dossier)
