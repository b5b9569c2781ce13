"""Who may start a payment or download a receipt: whoever the tracking page let in, by a signed token.

The portal's tracking page checked the dossier's code and lookup secret (or phone digits) and rate-limited the
tries; the payments panel it renders carries that on as a token signed with the secret key, so the payment
views do not ask for the secret again and nothing is guessable. A token names one dossier (and the tracking
page to come back to) or one paid order, and expires.
"""

from django.core import signing

PAY_SALT = "motcua.payments.pay"
RECEIPT_SALT = "motcua.payments.receipt"
PAY_SECONDS = 2 * 60 * 60
RECEIPT_SECONDS = 24 * 60 * 60


def pay_token(code: str, back: str) -> str:
    return signing.dumps({"code": code, "back": back}, salt=PAY_SALT, compress=True)


def read_pay_token(token: str) -> tuple[str, str] | None:
    """(dossier code, tracking path) of a valid token, else None."""
    try:
        data = signing.loads(token, salt=PAY_SALT, max_age=PAY_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("code"), str):
        return None
    back = data.get("back") if isinstance(data.get("back"), str) else ""
    return data["code"], back if back.startswith("/") and not back.startswith("//") else ""


def receipt_token(order_id: str) -> str:
    return signing.dumps(order_id, salt=RECEIPT_SALT)


def receipt_allowed(order_id: str, token: str) -> bool:
    try:
        return signing.loads(token, salt=RECEIPT_SALT, max_age=RECEIPT_SECONDS) == order_id
    except signing.BadSignature:
        return False
