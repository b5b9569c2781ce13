"""Signed links and one-time codes.

Links (e-mail verification, password reset) carry a signed payload (django.core.signing, the secret key)
with the instant they were made, checked against `motcua.clock`: e-mail verification links live 24 hours and
name the address they verify (a changed address makes them void); reset links live 1 hour and carry a digest
of the current password hash (the first use changes it, so a link works once).

SMS codes are 6 random digits; only an HMAC of the code (secret key, the code's row) is stored.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing

from motcua import clock

from .models import Citizen

EMAIL_LINK_LIFETIME = timedelta(hours=24)
RESET_LINK_LIFETIME = timedelta(hours=1)
CODE_LIFETIME = timedelta(minutes=10)
CODE_TRIES = 5

_EMAIL_SALT = "motcua.citizens.verify-email"
_RESET_SALT = "motcua.citizens.reset-password"


def _password_digest(citizen: Citizen) -> str:
    return hashlib.sha256(f"{citizen.user.password}|{citizen.user.pk}".encode()).hexdigest()[:16]


def email_token(citizen: Citizen) -> str:
    payload = {"c": citizen.pk, "e": citizen.email, "t": int(clock.now().timestamp())}
    return signing.dumps(payload, salt=_EMAIL_SALT, compress=True)


def reset_token(citizen: Citizen) -> str:
    payload = {"c": citizen.pk, "p": _password_digest(citizen), "t": int(clock.now().timestamp())}
    return signing.dumps(payload, salt=_RESET_SALT, compress=True)


def _load(token: str, salt: str, lifetime: timedelta) -> dict | None:
    try:
        payload = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("t"), int):
        return None
    age = clock.now().timestamp() - payload["t"]
    return payload if 0 <= age <= lifetime.total_seconds() else None


def citizen_for_email_token(token: str) -> Citizen | None:
    payload = _load(token, _EMAIL_SALT, EMAIL_LINK_LIFETIME)
    if payload is None:
        return None
    citizen = Citizen.objects.select_related("user").filter(pk=payload.get("c")).first()
    if citizen is None or not citizen.email or citizen.email != payload.get("e"):
        return None
    return citizen


def citizen_for_reset_token(token: str) -> Citizen | None:
    payload = _load(token, _RESET_SALT, RESET_LINK_LIFETIME)
    if payload is None:
        return None
    citizen = Citizen.objects.select_related("user").filter(pk=payload.get("c")).first()
    if citizen is None or not hmac.compare_digest(_password_digest(citizen), str(payload.get("p", ""))):
        return None
    return citizen


def new_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def code_hash(code: str, salt: str) -> str:
    return hmac.new(
        settings.SECRET_KEY.encode(), f"citizens-code:{salt}:{code}".encode(), hashlib.sha256
    ).hexdigest()
