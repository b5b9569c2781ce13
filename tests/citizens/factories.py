"""Citizens for tests: accounts made as registration makes them (or already verified), and a signed-in
client. Other apps' tests may import these."""

import re

from django.urls import reverse

from motcua import clock
from motcua.citizens.accounts import create_user
from motcua.citizens.models import Citizen
from motcua.notices.models import Message

PASSWORD = "Hoa-sen-2025!"


def make_citizen(*, email=None, phone=None, full_name="Trần Văn Bình", password=PASSWORD, verified=True):
    now = clock.now()
    return Citizen.objects.create(
        user=create_user(password, full_name),
        full_name=full_name,
        email=email,
        phone=phone,
        email_verified_at=now if verified and email else None,
        phone_verified_at=now if verified and phone else None,
        created_at=now,
    )


def log_in(client, identifier: str, password: str = PASSWORD, **extra):
    return client.post(reverse("citizens:login"), {"identifier": identifier, "password": password}, **extra)


def last_message(channel: str, recipient: str) -> Message:
    return Message.objects.filter(channel=channel, recipient=recipient).order_by("-pk").first()


def link_in(message: Message) -> str:
    """The path of the link in an e-mail (the site's address stripped)."""
    url = re.search(r"https?://\S+", message.body).group(0)
    return "/" + url.split("/", 3)[3]


def code_in(message: Message) -> str:
    return re.search(r"\b(\d{6})\b", message.body).group(1)
