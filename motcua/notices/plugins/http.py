"""POST a JSON body over HTTP(S) with the standard library: the answer means delivered, retry or refused."""

import http.client
import json
import socket
import ssl
from urllib.parse import urlsplit

from django.conf import settings

from . import Check, DeliveryError, Rejected

IDEMPOTENCY_HEADER = "Idempotency-Key"
# Answers that say "try again later"; every other 4xx says the request itself is wrong.
RETRY_STATUSES = frozenset({408, 409, 425, 429})


def encode(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def _connection(url: str, timeout: float) -> tuple[http.client.HTTPConnection, str]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Rejected(f"not an http(s) address: {parts.scheme}://{parts.hostname or ''}")
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    kwargs = {"context": ssl.create_default_context()} if parts.scheme == "https" else {}
    connection = cls(parts.hostname, parts.port, timeout=timeout, **kwargs)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return connection, path


def post_json(url: str, body: bytes, headers: dict[str, str]) -> bytes:
    """POST `body`; return the answer's body on 2xx, raise DeliveryError (retry) or Rejected otherwise."""
    connection, path = _connection(url, settings.MOTCUA_OUTBOX_TIMEOUT)
    try:
        connection.request(
            "POST", path, body=body, headers={"Content-Type": "application/json; charset=utf-8", **headers}
        )
        response = connection.getresponse()
        answer = response.read(64 * 1024)
    except (TimeoutError, OSError, http.client.HTTPException) as error:
        raise DeliveryError(f"{type(error).__name__}: {error}") from error
    finally:
        connection.close()
    if 200 <= response.status < 300:
        return answer
    text = f"HTTP {response.status} {response.reason}: {answer[:300].decode(errors='replace')}"
    if 400 <= response.status < 500 and response.status not in RETRY_STATUSES:
        raise Rejected(text)
    raise DeliveryError(text)


def reachable(url: str, ok_text: str, failed_text: str) -> Check:
    """A TCP connection to the address's host and port, within a few seconds (no request is sent)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        socket.create_connection(
            (parts.hostname, port), timeout=min(settings.MOTCUA_OUTBOX_TIMEOUT, 3)
        ).close()
    except OSError as error:
        return Check(
            False, failed_text % {"where": f"{parts.hostname}:{port}", "error": type(error).__name__}
        )
    return Check(True, ok_text % {"where": f"{parts.hostname}:{port}"})
