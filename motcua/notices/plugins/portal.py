"""The National Public Service Portal (Cổng DVCQG): each dossier event as a status payload, POSTed as JSON.

The payload is built when the event is recorded (`notices.portal_payload`, mapping in docs/national-portal.md)
and sent here to MOTCUA_NATIONAL_PORTAL_URL with the message's idempotency key in the `Idempotency-Key`
header and, when MOTCUA_NATIONAL_PORTAL_TOKEN is set, `Authorization: Bearer <token>`. An empty address
disables the sync (no message is written).
"""

import json

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import Check, DeliveryError, Plugin, Rejected, register
from .http import IDEMPOTENCY_HEADER, encode, post_json, reachable


def _headers(key: str | None = None) -> dict[str, str]:
    headers = {}
    if key:
        headers[IDEMPOTENCY_HEADER] = key
    if settings.MOTCUA_NATIONAL_PORTAL_TOKEN:
        headers["Authorization"] = f"Bearer {settings.MOTCUA_NATIONAL_PORTAL_TOKEN}"
    return headers


class PortalPlugin(Plugin):
    channel = "portal"
    label = gettext_lazy("National Public Service Portal (status sync)")

    def is_enabled(self) -> bool:
        return bool(settings.MOTCUA_NATIONAL_PORTAL_URL)

    def deliver(self, message) -> None:
        if not self.is_enabled():
            raise DeliveryError("MOTCUA_NATIONAL_PORTAL_URL is empty")
        post_json(settings.MOTCUA_NATIONAL_PORTAL_URL, encode(message.payload), _headers(message.key))

    def acknowledged(self, keys: list[str]) -> set[str] | None:
        """Which of `keys` the portal says it holds, or None when it offers no such query.

        Our stand-in answers POST <address>/acknowledged {"keys": [...]}; the real portal's lookup is not
        public, so against it reconciliation relies on our own delivery records."""
        url = settings.MOTCUA_NATIONAL_PORTAL_URL.rstrip("/") + "/acknowledged"
        try:
            answer = post_json(url, encode({"keys": keys}), _headers())
        except Rejected:
            return None
        return set(json.loads(answer).get("acknowledged", []))

    def check_config(self) -> list[Check]:
        url = settings.MOTCUA_NATIONAL_PORTAL_URL
        if not url:
            return [Check(True, _("Disabled: MOTCUA_NATIONAL_PORTAL_URL is empty, nothing is synced."))]
        checks = [Check(True, _("Address: %(url)s") % {"url": url})]
        if not settings.MOTCUA_NATIONAL_PORTAL_TOKEN:
            checks.append(Check(True, _("No access token is set (MOTCUA_NATIONAL_PORTAL_TOKEN).")))
        checks.append(
            reachable(
                url, _("The portal %(where)s answers."), _("The portal %(where)s does not answer: %(error)s")
            )
        )
        return checks


register(PortalPlugin())
