"""The login throttle: failed logins are rows in the database, so every process of the site counts them.

- 5 failures of one account from one address within 15 minutes lock that pair for 15 minutes from the 5th;
- 20 failures from one address (any accounts) within 15 minutes lock the address for 15 minutes.

The account is the identifier as typed and normalised, whether an account has it or not, kept as a keyed hash
(HMAC with the secret key): the lock and its message are the same for an account that does not exist, so they
tell nothing. A locked try is refused before the password is checked and is not counted. A successful login
clears its pair's failures (not the address's). The address is read as the tracking rate limit reads it
(REMOTE_ADDR, or the proxy's last X-Forwarded-For hop; an IPv6 /64 counts as one). Times: `motcua.clock`.
"""

import hashlib
import hmac
from datetime import datetime, timedelta

from django.conf import settings

from motcua import clock
from motcua.portal.ratelimit import client_address

from .models import LoginFailure

WINDOW = timedelta(minutes=15)
LOCK = timedelta(minutes=15)
PAIR_FAILURES = 5
ADDRESS_FAILURES = 20
KEEP = timedelta(days=1)

__all__ = ["clear", "client_address", "locked_until", "record_failure"]


def account_key(identifier: str) -> str:
    return hmac.new(
        settings.SECRET_KEY.encode(), b"citizens-login:" + identifier.encode(), hashlib.sha256
    ).hexdigest()


def _lock_end(instants: list[datetime], limit: int) -> datetime | None:
    """`instants`, newest first: when `limit` of them fall in the window, the lock runs from the newest."""
    if len(instants) < limit:
        return None
    newest, oldest = instants[0], instants[limit - 1]
    if newest - oldest > WINDOW:
        return None
    return newest + LOCK


def locked_until(identifier: str, address: str) -> datetime | None:
    """The instant until which logins of `identifier` from `address` are refused, or None."""
    now = clock.now()
    since = now - WINDOW - LOCK
    pair = list(
        LoginFailure.objects.filter(
            account=account_key(identifier), address=address, cleared=False, at__gte=since
        )
        .order_by("-at")
        .values_list("at", flat=True)[:PAIR_FAILURES]
    )
    by_address = list(
        LoginFailure.objects.filter(address=address, at__gte=since)
        .order_by("-at")
        .values_list("at", flat=True)[:ADDRESS_FAILURES]
    )
    ends = [end for end in (_lock_end(pair, PAIR_FAILURES), _lock_end(by_address, ADDRESS_FAILURES)) if end]
    end = max(ends, default=None)
    return end if end is not None and end > now else None


def record_failure(identifier: str, address: str) -> None:
    now = clock.now()
    LoginFailure.objects.create(account=account_key(identifier), address=address, at=now)
    LoginFailure.objects.filter(at__lt=now - KEEP).delete()


def clear(identifier: str, address: str) -> None:
    LoginFailure.objects.filter(account=account_key(identifier), address=address, cleared=False).update(
        cleared=True
    )
