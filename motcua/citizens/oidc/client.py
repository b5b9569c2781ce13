"""The OpenID Connect relying party: configuration, discovery, the authorization request, the code exchange,
the ID token's validation and userinfo.

Configuration (docs/citizens.md): MOTCUA_OIDC_ISSUER (empty: disabled), MOTCUA_OIDC_CLIENT_ID,
MOTCUA_OIDC_CLIENT_SECRET, MOTCUA_OIDC_SCOPES, MOTCUA_OIDC_LABEL. The discovery document is read from
`<issuer>/.well-known/openid-configuration` and kept for an hour; the JWKS too, read again at once when a
token names a key it does not hold (key rotation). The issuer must use HTTPS, except on the loopback address
(a local test provider).
"""

import base64
import hashlib
import json
import logging
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from ipaddress import ip_address

from django.conf import settings
from django.utils import timezone

from . import jwt

logger = logging.getLogger("motcua.citizens.oidc")

TIMEOUT = 10  # seconds a request to the provider may take
CACHE_SECONDS = 3600
LEEWAY = timedelta(seconds=60)  # clock difference tolerated on exp and iat
MAX_BODY = 1024 * 1024


class OidcError(Exception):
    """The login cannot go on. `reason` is for the log (never personal data); the view shows its own text."""

    def __init__(self, reason: str, *, unreachable: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.unreachable = unreachable


@dataclass(frozen=True)
class Config:
    issuer: str
    client_id: str
    client_secret: str
    scopes: str
    label: str


def config() -> Config | None:
    """The provider's configuration from settings, or None when OIDC login is disabled (no issuer)."""
    issuer = getattr(settings, "MOTCUA_OIDC_ISSUER", "").strip().rstrip("/")
    if not issuer:
        return None
    return Config(
        issuer=issuer,
        client_id=getattr(settings, "MOTCUA_OIDC_CLIENT_ID", "").strip(),
        client_secret=getattr(settings, "MOTCUA_OIDC_CLIENT_SECRET", ""),
        scopes=getattr(settings, "MOTCUA_OIDC_SCOPES", "").strip() or "openid profile",
        label=getattr(settings, "MOTCUA_OIDC_LABEL", "").strip() or "VNeID",
    )


def enabled() -> bool:
    found = config()
    return found is not None and bool(found.client_id)


def _allowed_url(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https":
        return True
    if parts.scheme != "http" or not parts.hostname:
        return False
    if parts.hostname == "localhost":
        return True
    try:
        return ip_address(parts.hostname).is_loopback
    except ValueError:
        return False


def _request(url: str, *, data: dict | None = None, headers: dict | None = None) -> dict:
    if not _allowed_url(url):
        raise OidcError(f"refused to call {url!r}: HTTPS is required")
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(
        url, data=body, headers={"Accept": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            raw = response.read(MAX_BODY + 1)
    except urllib.error.HTTPError as error:
        detail = error.read(2000).decode("utf-8", "replace")
        raise OidcError(f"{url} answered HTTP {error.code}: {detail[:300]}") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise OidcError(f"{url} cannot be reached: {error}", unreachable=True) from error
    if len(raw) > MAX_BODY:
        raise OidcError(f"{url} answered more than {MAX_BODY} bytes")
    try:
        found = json.loads(raw)
    except ValueError as error:
        raise OidcError(f"{url} did not answer JSON") from error
    if not isinstance(found, dict):
        raise OidcError(f"{url} did not answer a JSON object")
    return found


_cache: dict[str, tuple[float, dict]] = {}
_lock = threading.Lock()


def forget_cache() -> None:
    with _lock:
        _cache.clear()


def _cached(url: str, *, refresh: bool = False) -> dict:
    with _lock:
        hit = _cache.get(url)
    if hit is not None and not refresh and hit[0] > time.monotonic():
        return hit[1]
    found = _request(url)
    with _lock:
        _cache[url] = (time.monotonic() + CACHE_SECONDS, found)
    return found


def discovery(cfg: Config, *, refresh: bool = False) -> dict:
    document = _cached(f"{cfg.issuer}/.well-known/openid-configuration", refresh=refresh)
    if document.get("issuer", "").rstrip("/") != cfg.issuer:
        raise OidcError("the discovery document names another issuer")
    for name in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        if not isinstance(document.get(name), str) or not _allowed_url(document[name]):
            raise OidcError(f"the discovery document has no usable {name}")
    return document


def jwks_keys(document: dict, *, refresh: bool = False) -> list[dict]:
    return jwt.signing_keys(_cached(document["jwks_uri"], refresh=refresh))


def pkce_challenge(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=").decode()


@dataclass(frozen=True)
class Flow:
    """What the session keeps between the redirect to the provider and its answer."""

    state: str
    nonce: str
    verifier: str


def new_flow() -> Flow:
    return Flow(
        state=secrets.token_urlsafe(32), nonce=secrets.token_urlsafe(32), verifier=secrets.token_urlsafe(64)
    )


def authorization_url(cfg: Config, flow: Flow, redirect_uri: str) -> str:
    document = discovery(cfg)
    query = {
        "response_type": "code",
        "client_id": cfg.client_id,
        "redirect_uri": redirect_uri,
        "scope": cfg.scopes if "openid" in cfg.scopes.split() else f"openid {cfg.scopes}",
        "state": flow.state,
        "nonce": flow.nonce,
        "code_challenge": pkce_challenge(flow.verifier),
        "code_challenge_method": "S256",
    }
    endpoint = document["authorization_endpoint"]
    separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{separator}{urllib.parse.urlencode(query)}"


def exchange_code(cfg: Config, code: str, verifier: str | None, redirect_uri: str) -> dict:
    """The token response for `code`, authenticated as the configuration says (client_secret_basic unless the
    provider supports only client_secret_post; no secret: a public client with PKCE only)."""
    document = discovery(cfg)
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri}
    if verifier:
        data["code_verifier"] = verifier
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    methods = document.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    if not cfg.client_secret:
        data["client_id"] = cfg.client_id
    elif "client_secret_basic" in methods:
        pair = (
            f"{urllib.parse.quote(cfg.client_id, safe='')}:{urllib.parse.quote(cfg.client_secret, safe='')}"
        )
        headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode("ascii")
    else:
        data.update(client_id=cfg.client_id, client_secret=cfg.client_secret)
    answer = _request(document["token_endpoint"], data=data, headers=headers)
    if not isinstance(answer.get("id_token"), str):
        raise OidcError("the token response has no id_token")
    return answer


def _instant(claims: dict, name: str) -> datetime | None:
    value = claims.get(name)
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise OidcError(f"the ID token's {name} is not a number")
    return datetime.fromtimestamp(value, tz=UTC)


def validate_id_token(cfg: Config, token: str, nonce: str) -> dict:
    """The ID token's claims after OpenID Connect Core 3.1.3.7: signature (RS256, the provider's JWKS),
    issuer, audience (and azp), expiry, issue time and nonce."""
    document = discovery(cfg)
    try:
        kid = jwt.header_of(token).get("kid")
        keys = jwks_keys(document)
        if kid and not any(key.get("kid") == kid for key in keys):
            keys = jwks_keys(document, refresh=True)  # the provider rotated its keys
        claims = jwt.verify(token, keys)
    except jwt.InvalidToken as error:
        raise OidcError(f"ID token refused: {error}") from error
    if claims.get("iss") != document["issuer"]:
        raise OidcError("ID token refused: wrong issuer")
    audience = claims.get("aud")
    audiences = [audience] if isinstance(audience, str) else audience if isinstance(audience, list) else []
    if cfg.client_id not in audiences:
        raise OidcError("ID token refused: not issued for this client (aud)")
    if len(audiences) > 1 and claims.get("azp") != cfg.client_id:
        raise OidcError("ID token refused: several audiences and azp is not this client")
    now = timezone.now()
    expires = _instant(claims, "exp")
    if expires is None or expires + LEEWAY <= now:
        raise OidcError("ID token refused: expired")
    issued = _instant(claims, "iat")
    if issued is None or issued - LEEWAY > now:
        raise OidcError("ID token refused: issued in the future")
    if not isinstance(claims.get("nonce"), str) or not secrets.compare_digest(claims["nonce"], nonce):
        raise OidcError("ID token refused: wrong nonce")
    if not isinstance(claims.get("sub"), str) or not claims["sub"]:
        raise OidcError("ID token refused: no subject")
    return claims


def userinfo(cfg: Config, access_token: str | None, subject: str) -> dict:
    """The userinfo claims (empty when the provider has no userinfo endpoint or gave no access token); its
    `sub` must be the ID token's (OpenID Connect Core 5.3.2)."""
    endpoint = discovery(cfg).get("userinfo_endpoint")
    if not endpoint or not access_token:
        return {}
    claims = _request(endpoint, headers={"Authorization": f"Bearer {access_token}"})
    if claims.get("sub") != subject:
        raise OidcError("userinfo refused: another subject")
    return claims


@dataclass(frozen=True)
class Check:
    ok: bool
    text: str


def check_config() -> list[Check]:
    """Whether the provider is configured and its discovery document and JWKS answer (for the admin)."""
    from django.utils.translation import gettext as _

    cfg = config()
    if cfg is None:
        return [Check(True, _("Login with VNeID is off (MOTCUA_OIDC_ISSUER is empty)."))]
    checks = [Check(True, _("Issuer: %(issuer)s") % {"issuer": cfg.issuer})]
    if not cfg.client_id:
        checks.append(Check(False, _("MOTCUA_OIDC_CLIENT_ID is empty: the login button stays hidden.")))
    if not _allowed_url(cfg.issuer):
        checks.append(Check(False, _("The issuer must use HTTPS.")))
        return checks
    try:
        document = discovery(cfg, refresh=True)
    except OidcError as error:
        checks.append(Check(False, _("The discovery document cannot be read: %(error)s") % {"error": error}))
        return checks
    checks.append(Check(True, _("The discovery document answers.")))
    try:
        keys = jwks_keys(document, refresh=True)
    except OidcError as error:
        checks.append(Check(False, _("The JWKS cannot be read: %(error)s") % {"error": error}))
        return checks
    checks.append(Check(bool(keys), _("Signing keys (RS256) in the JWKS: %(count)d.") % {"count": len(keys)}))
    if "S256" not in (document.get("code_challenge_methods_supported") or ["S256"]):
        checks.append(Check(False, _("The provider does not announce PKCE with S256.")))
    return checks
