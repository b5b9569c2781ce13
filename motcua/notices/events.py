"""What a dossier event writes to the outbox, in the event's own transaction (called by receivers.py).

- the applicant is told, by e-mail and SMS when the dossier has them, of: reception, a supplement request, a
  payment request, the result being ready, an apology with a new date;
- the national portal gets the dossier's status after every event (when MOTCUA_NATIONAL_PORTAL_URL is set);
- every active webhook subscription of the receiving agency (or an agency above it) that wants the action.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import outbox, portal_payload
from .models import Channel, Kind, Message, Subscription
from .plugins import plugin_for

CITIZEN_KINDS = {
    "receive": Kind.RECEIVED,
    "request_supplement_at_desk": Kind.SUPPLEMENT_REQUESTED,
    "request_supplement": Kind.SUPPLEMENT_REQUESTED,
    "request_payment": Kind.PAYMENT_REQUESTED,
    "finish": Kind.RESULT_READY,
    "apologise": Kind.APOLOGY,
}


def render(template: str, context: dict) -> str:
    """A message text in the site's language (Vietnamese), whoever's request or worker renders it."""
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(template, context).strip()


def tell_applicant(dossier, event) -> list[Message]:
    kind = CITIZEN_KINDS.get(event.action)
    if kind is None:
        return []
    context = {
        "dossier": dossier,
        "event": event,
        "procedure": dossier.procedure_version.name,
        "agency": dossier.receiving_agency.name,
        "data": event.data,
        "unpaid": dossier.fees.filter(paid_at__isnull=True).order_by("pk"),
        "apology": dossier.apologies.order_by("-issued_at").first,  # called by the template when needed
    }
    written = []
    if dossier.applicant_email:
        written.append(
            outbox.queue(
                channel=Channel.EMAIL,
                kind=kind,
                recipient=dossier.applicant_email,
                subject=render(f"notices/messages/{kind}_subject.txt", context),
                body=render(f"notices/messages/{kind}_email.txt", context),
                dossier=dossier,
                event=event,
            )
        )
    if dossier.applicant_phone:
        written.append(
            outbox.queue(
                channel=Channel.SMS,
                kind=kind,
                recipient=dossier.applicant_phone,
                body=render(f"notices/messages/{kind}_sms.txt", context),
                dossier=dossier,
                event=event,
            )
        )
    return written


def sync_portal(dossier, event) -> Message | None:
    if not plugin_for(Channel.PORTAL).is_enabled():
        return None
    return outbox.queue(
        channel=Channel.PORTAL,
        kind=Kind.PORTAL_SYNC,
        payload=portal_payload.payload(dossier, event),
        dossier=dossier,
        event=event,
        order_key=f"portal:{dossier.pk}",
    )


def _iso(instant) -> str | None:
    return timezone.localtime(instant).isoformat() if instant else None


def webhook_payload(dossier, event) -> dict:
    """What subscribed systems get: the dossier's state, no personal data (they ask the API for more)."""
    return {
        "type": f"dossier.{event.action}",
        "occurred_at": _iso(event.at),
        "dossier": {
            "code": dossier.code,
            "procedure": dossier.procedure_version.procedure.code,
            "receiving_agency": dossier.receiving_agency.code,
            "current_agency": dossier.current_agency.code,
            "state": dossier.state,
            "national_status": dossier.national_status,
            "received_at": _iso(dossier.received_at),
            "due_at": _iso(dossier.due_at),
            "finished_at": _iso(dossier.finished_at),
        },
        "event": {
            "number": event.number,
            "action": event.action,
            "from_state": event.from_state,
            "to_state": event.to_state,
            "agency": event.agency.code,
        },
    }


def subscriptions_for(dossier, action: str) -> list[Subscription]:
    path = dossier.receiving_agency.path
    above = [int(part) for part in path.strip("/").split("/") if part]
    candidates = Subscription.objects.filter(is_active=True, agency_id__in=above)
    return [subscription for subscription in candidates if subscription.wants(action)]


def call_webhooks(dossier, event) -> list[Message]:
    subscriptions = subscriptions_for(dossier, event.action)
    if not subscriptions:
        return []
    payload = webhook_payload(dossier, event)
    return [
        outbox.queue(
            channel=Channel.WEBHOOK,
            kind=Kind.WEBHOOK,
            recipient=subscription.url[:255],
            payload=payload,
            dossier=dossier,
            event=event,
            subscription=subscription,
            order_key=f"webhook:{subscription.pk}:{dossier.pk}",
        )
        for subscription in subscriptions
    ]


def on_event(dossier, event) -> list[Message]:
    """Every message the event causes, written in its transaction."""
    portal = sync_portal(dossier, event)
    return [*tell_applicant(dossier, event), *([portal] if portal else []), *call_webhooks(dossier, event)]
