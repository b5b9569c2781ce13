"""The password login of citizens, behind the throttle (throttle.py).

Every refusal says the same thing whether or not the account exists; a locked pair or address is told when
to try again, also without saying whether the account exists. Staff accounts never sign in here (they have no
`Citizen` row, and a user marked staff is refused anyway).
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import throttle
from .accounts import find
from .identifiers import parse_identifier
from .models import Citizen

# Hashed once: checking a password against it for an unknown account costs what a real check costs.
_DUMMY_PASSWORD = None


@dataclass
class LoginRefused(Exception):
    message: str
    locked_until: datetime | None = None


def locked_message(until: datetime) -> str:
    local = timezone.localtime(until)
    return _("Too many failed logins. Try again after %(time)s.") % {
        "time": f"{local:%H:%M} {date_format(local, 'SHORT_DATE_FORMAT')}"
    }


def wrong_message() -> str:
    return _("The e-mail address or phone number, or the password, is not right.")


def _burn_time(password: str) -> None:
    global _DUMMY_PASSWORD
    if _DUMMY_PASSWORD is None:
        _DUMMY_PASSWORD = make_password("motcua-no-such-account")
    from django.contrib.auth.hashers import check_password

    check_password(password, _DUMMY_PASSWORD)


def authenticate(identifier_text: str, password: str, address: str) -> Citizen:
    """The citizen whose e-mail or phone and password these are, or LoginRefused."""
    try:
        identifier = parse_identifier(identifier_text)
        key = f"{identifier.kind}:{identifier.value}"
    except ValidationError:
        identifier, key = None, f"text:{identifier_text.strip().lower()[:200]}"
    until = throttle.locked_until(key, address)
    if until is not None:
        raise LoginRefused(locked_message(until), until)
    citizen = find(identifier) if identifier is not None else None
    user = citizen.user if citizen is not None else None
    if user is None:
        _burn_time(password)
        ok = False
    else:
        ok = user.check_password(password) and user.is_active and not user.is_staff and not user.is_superuser
    if not ok:
        throttle.record_failure(key, address)
        until = throttle.locked_until(key, address)
        if until is not None:
            raise LoginRefused(locked_message(until), until)
        raise LoginRefused(wrong_message())
    throttle.clear(key, address)
    return citizen
