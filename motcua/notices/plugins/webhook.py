"""Webhooks: dossier events POSTed as JSON to subscribed systems, signed with HMAC-SHA256.

Headers of every request:
    Idempotency-Key:     the message's key (the same on every try)
    X-MotCua-Timestamp:  Unix time of this try
    X-MotCua-Signature:  sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the subscription's secret>
The receiver recomputes the signature over the raw body, compares in constant time, and refuses old
timestamps (a replayed request) — docs/notices.md shows how.
"""

import hashlib
import hmac
import time

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import Check, Plugin, Rejected, register
from .http import IDEMPOTENCY_HEADER, encode, post_json

SIGNATURE_HEADER = "X-MotCua-Signature"
TIMESTAMP_HEADER = "X-MotCua-Timestamp"


def signature(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(secret: str, timestamp: str, body: bytes, header: str) -> bool:
    """What a receiver does (also used by the tests)."""
    return hmac.compare_digest(signature(secret, timestamp, body), header)


class WebhookPlugin(Plugin):
    channel = "webhook"
    label = gettext_lazy("Webhooks to other systems")

    def deliver(self, message) -> None:
        subscription = message.subscription
        if subscription is None or not subscription.is_active:
            raise Rejected(_("The subscription was removed or switched off."))
        body = encode(message.payload)
        timestamp = str(int(time.time()))
        headers = {
            IDEMPOTENCY_HEADER: message.key,
            TIMESTAMP_HEADER: timestamp,
            SIGNATURE_HEADER: signature(subscription.secret, timestamp, body),
        }
        post_json(subscription.url, body, headers)

    def check_config(self) -> list[Check]:
        from motcua.notices.models import Subscription

        active = Subscription.objects.filter(is_active=True)
        count = active.count()
        checks = [
            Check(
                True,
                ngettext("%(count)d active subscription.", "%(count)d active subscriptions.", count)
                % {"count": count},
            )
        ]
        weak = active.filter(secret__regex=r"^.{0,23}$").count()
        if weak:
            text = ngettext(
                "%(count)d subscription has a secret shorter than 24 characters.",
                "%(count)d subscriptions have a secret shorter than 24 characters.",
                weak,
            )
            checks.append(Check(False, text % {"count": weak}))
        return checks


register(WebhookPlugin())
