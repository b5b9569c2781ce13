"""The tracking rate limit: more than 20 wrong tries in a minute from one address are refused.

Wrong tries are counted in the database (`TrackingFailure`, one row per address and minute), so every process
of the site shares the count; each wrong try is one atomic upsert (`INSERT ... ON CONFLICT DO UPDATE`, the
same statement on SQLite and PostgreSQL). A refused address is refused whatever it tries, even the right
secret, until the next minute: otherwise the refusal itself would tell a guesser when a guess is right. The
minute is read from `motcua.clock` (server time).

The client's address is REMOTE_ADDR, unless the site says it runs behind a proxy: settings with a
SECURE_PROXY_SSL_HEADER (MOTCUA_BEHIND_HTTPS_PROXY) mean a proxy in front sets the headers, and then the last
address of X-Forwarded-For (the one the proxy itself saw; the ones before it are whatever the client wrote) is
the client. An IPv6 client is counted by its /64 network, which one subscriber usually holds whole.
"""

import ipaddress

from django.conf import settings
from django.db import connection

from motcua import clock

from .models import TrackingFailure

WRONG_TRIES_PER_MINUTE = 20


def client_address(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if forwarded:
            address = forwarded[-1]
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address[:64] or "unknown"
    if parsed.version == 6:
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def current_minute() -> int:
    return int(clock.now().timestamp() // 60)


def is_refused(address: str) -> bool:
    """Has `address` used up its wrong tries this minute?"""
    failures = (
        TrackingFailure.objects.filter(address=address, minute=current_minute())
        .values_list("failures", flat=True)
        .first()
    )
    return (failures or 0) >= WRONG_TRIES_PER_MINUTE


def seconds_to_next_minute() -> int:
    return 60 - int(clock.now().timestamp() % 60)


def record_failure(address: str) -> None:
    """Count one wrong try of `address` in this minute (atomic across processes); forget past minutes."""
    minute = current_minute()
    table = connection.ops.quote_name(TrackingFailure._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (address, minute, failures) VALUES (%s, %s, 1) "
            f"ON CONFLICT (address, minute) DO UPDATE SET failures = {table}.failures + 1",
            [address, minute],
        )
    TrackingFailure.objects.filter(minute__lt=minute).delete()
