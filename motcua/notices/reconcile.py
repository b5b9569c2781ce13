"""Reconciliation with the national portal: make sure it holds every dossier's current status.

For the dossiers changed since a date:
1. a dossier whose latest event has no portal message (events recorded while the sync was disabled, a
   message deleted by hand) gets one now;
2. portal messages given up (dead) get a new round of tries;
3. when the portal can say which messages it holds (our stand-in can; see plugins/portal.py), delivered
   messages it does not hold are sent again, with their own idempotency keys.
What is sent is enqueued: the worker delivers it, in each dossier's order.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from motcua.dossiers.models import Dossier

from . import events, outbox
from .models import Channel, Message, Status
from .plugins import plugin_for

CHUNK = 500


@dataclass
class Reconciliation:
    dossiers: int = 0
    missing: int = 0  # latest events without a portal message: written now
    dead: int = 0  # given-up messages tried again
    unacknowledged: int = 0  # delivered, but the portal does not hold them: sent again
    asked_portal: bool = False


def reconcile_portal(since: datetime, *, dry_run: bool = False) -> Reconciliation:
    plugin = plugin_for(Channel.PORTAL)
    if not plugin.is_enabled():
        raise ValueError("MOTCUA_NATIONAL_PORTAL_URL is empty: the national portal sync is disabled")
    report = Reconciliation()
    dossiers = Dossier.objects.filter(updated_at__gte=since).select_related(
        "procedure_version__procedure", "receiving_agency", "current_agency"
    )
    for dossier in dossiers.iterator(chunk_size=CHUNK):
        report.dossiers += 1
        latest = dossier.events.order_by("-number").first()
        if latest is None or Message.objects.filter(channel=Channel.PORTAL, event=latest).exists():
            continue
        report.missing += 1
        if not dry_run:
            with transaction.atomic():
                events.sync_portal(dossier, latest)
    portal = Message.objects.filter(channel=Channel.PORTAL, dossier__updated_at__gte=since)
    dead = portal.filter(status=Status.DEAD)
    report.dead = dead.count()
    if not dry_run:
        outbox.retry_now(dead)
    delivered = list(portal.filter(status=Status.DELIVERED).order_by("pk").values_list("pk", "key"))
    for start in range(0, len(delivered), CHUNK):
        chunk = delivered[start : start + CHUNK]
        held = plugin.acknowledged([key for _pk, key in chunk])
        if held is None:
            break
        report.asked_portal = True
        missing = [pk for pk, key in chunk if key not in held]
        report.unacknowledged += len(missing)
        if missing and not dry_run:
            outbox.retry_now(Message.objects.filter(pk__in=missing), include_delivered=True)
    return report
