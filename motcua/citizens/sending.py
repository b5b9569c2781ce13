"""Messages to citizens through the outbox (motcua.notices), written in the caller's transaction: the
verification link, the SMS codes, the reset link. Texts are templates under citizens/messages/, rendered in
the site's language (Vietnamese) whoever's request renders them."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from motcua.notices.outbox import queue

from .models import Citizen

# Outbox kinds (notices.models.Message.kind) of the citizens' messages.
KIND_VERIFY_EMAIL = "citizen_verify_email"
KIND_PHONE_CODE = "citizen_phone_code"
KIND_RESET_EMAIL = "citizen_reset_email"
KIND_RESET_CODE = "citizen_reset_code"


def public_url(path: str) -> str:
    return f"{settings.MOTCUA_PUBLIC_URL.rstrip('/')}{path}"


def render(template: str, context: dict) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(f"citizens/messages/{template}", context).strip()


def _email(citizen: Citizen, kind: str, template: str, context: dict):
    context = {"citizen": citizen, **context}
    return queue(
        channel="email",
        kind=kind,
        recipient=citizen.email,
        subject=render(f"{template}_subject.txt", context),
        body=render(f"{template}_email.txt", context),
    )


def _sms(phone: str, kind: str, template: str, context: dict):
    return queue(channel="sms", kind=kind, recipient=phone, body=render(f"{template}_sms.txt", context))


def email_verification_link(citizen: Citizen, token: str):
    url = public_url(reverse("citizens:verify-email", args=[token]))
    return _email(citizen, KIND_VERIFY_EMAIL, "verify_email", {"url": url})


def phone_code(phone: str, code: str, minutes: int):
    return _sms(phone, KIND_PHONE_CODE, "phone_code", {"code": code, "minutes": minutes})


def reset_code(phone: str, code: str, minutes: int):
    return _sms(phone, KIND_RESET_CODE, "reset_code", {"code": code, "minutes": minutes})


def reset_link(citizen: Citizen, token: str):
    url = public_url(reverse("citizens:reset-link", args=[token]))
    return _email(citizen, KIND_RESET_EMAIL, "reset", {"url": url})
