"""SMS: one interface for the carriers' gateways, and a log gateway that really runs (for the demo and tests).

A gateway is a class with `send(phone, text, key)` (raise DeliveryError or Rejected) and `check_config()`;
MOTCUA_SMS_GATEWAY names the class to use (dotted path). A carrier's brand-name SMS gateway is added as one
such class, outside this file.
"""

import logging

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua import clock

from . import Check, Plugin, Rejected, register

logger = logging.getLogger("motcua.notices.sms")


def masked(phone: str) -> str:
    """A phone number as logs may show it: the last three digits only."""
    return "*" * max(len(phone) - 3, 0) + phone[-3:]


class SmsGateway:
    label = gettext_lazy("SMS gateway")

    def send(self, phone: str, text: str, key: str) -> None:
        raise NotImplementedError

    def check_config(self) -> list[Check]:
        return []


class LogGateway(SmsGateway):
    """Sends nothing: writes a line to the log (without the number or the text), the full SMS to a table."""

    label = gettext_lazy("Log gateway (demo: SMS are kept in a table, not sent)")

    def send(self, phone: str, text: str, key: str) -> None:
        from motcua.notices.models import LoggedSms

        if LoggedSms.objects.filter(key=key).exists():
            return  # the same message again: a gateway de-duplicates by its client reference
        LoggedSms.objects.create(key=key, phone=phone, text=text, sent_at=clock.now())
        logger.info("SMS %s to %s, %d characters (log gateway)", key, masked(phone), len(text))

    def check_config(self) -> list[Check]:
        return [Check(True, _("The log gateway keeps SMS in a table; no SMS reaches a phone."))]


class SmsPlugin(Plugin):
    channel = "sms"
    label = gettext_lazy("SMS")

    def gateway(self) -> SmsGateway:
        return import_string(settings.MOTCUA_SMS_GATEWAY)()

    def deliver(self, message) -> None:
        digits = message.recipient.lstrip("+")
        if not digits.isdigit():
            raise Rejected(_("This is not a phone number."))
        self.gateway().send(message.recipient, message.body, message.key)

    def check_config(self) -> list[Check]:
        try:
            gateway = self.gateway()
        except ImportError as error:
            return [Check(False, _("MOTCUA_SMS_GATEWAY cannot be loaded: %(error)s") % {"error": error})]
        return [Check(True, _("Gateway: %(label)s.") % {"label": gateway.label}), *gateway.check_config()]


register(SmsPlugin())
