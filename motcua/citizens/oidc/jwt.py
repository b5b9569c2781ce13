"""Signed JSON Web Tokens (RFC 7515/7519) as OpenID Connect uses them: RS256 only, keys from a JWKS.

Nothing here trusts the token's header beyond picking the key by `kid`: the algorithm must be RS256 (a token
claiming "none" or an HMAC algorithm is refused), and the key must be an RSA signing key of the provider's
JWKS.
"""

import base64
import json

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

ALGORITHM = "RS256"


class InvalidToken(Exception):
    """The token cannot be trusted; the text says why (for logs, not for citizens)."""


def b64decode(text: str) -> bytes:
    text = text.strip()
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _int(text: str) -> int:
    return int.from_bytes(b64decode(text), "big")


def rsa_key(jwk: dict) -> rsa.RSAPublicKey:
    if jwk.get("kty") != "RSA" or "n" not in jwk or "e" not in jwk:
        raise InvalidToken("not an RSA public key")
    return rsa.RSAPublicNumbers(_int(jwk["e"]), _int(jwk["n"])).public_key()


def signing_keys(jwks: dict) -> list[dict]:
    """The keys of a JWKS that may verify RS256 signatures."""
    keys = jwks.get("keys") if isinstance(jwks, dict) else None
    if not isinstance(keys, list):
        return []
    return [
        key
        for key in keys
        if isinstance(key, dict)
        and key.get("kty") == "RSA"
        and key.get("use", "sig") == "sig"
        and key.get("alg", ALGORITHM) == ALGORITHM
    ]


def split(token: str) -> tuple[dict, dict, bytes, bytes]:
    """(header, claims, signing input, signature) of a compact JWS, without checking anything."""
    parts = token.split(".") if isinstance(token, str) else []
    if len(parts) != 3:
        raise InvalidToken("not a compact JWS")
    try:
        header = json.loads(b64decode(parts[0]))
        claims = json.loads(b64decode(parts[1]))
        signature = b64decode(parts[2])
    except (ValueError, TypeError) as error:
        raise InvalidToken("malformed token") from error
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise InvalidToken("malformed token")
    return header, claims, f"{parts[0]}.{parts[1]}".encode("ascii"), signature


def header_of(token: str) -> dict:
    return split(token)[0]


def verify(token: str, keys: list[dict]) -> dict:
    """The claims of `token` if an RS256 key of `keys` (matched by kid) signed it; InvalidToken otherwise."""
    header, claims, signing_input, signature = split(token)
    if header.get("alg") != ALGORITHM:
        raise InvalidToken(f"algorithm {header.get('alg')!r} is not accepted")
    kid = header.get("kid")
    candidates = [key for key in keys if key.get("kid") == kid] if kid else keys
    if not candidates:
        raise InvalidToken("no key of the provider has this kid")
    for jwk in candidates:
        try:
            rsa_key(jwk).verify(signature, signing_input, padding.PKCS1v15(), hashes.SHA256())
        except (InvalidSignature, ValueError):
            continue
        return claims
    raise InvalidToken("the signature does not verify")
