"""The sandbox gateway: a bank served by MotCua itself under /payments/sandbox/ (development and the demo).

No money moves. It speaks a protocol shaped like the real gateways' (docs/payments.md):

1. `start` sends the payer to the bank's page with the order in the query string, signed by the merchant.
2. On that page the payer clicks "Pay" or "Cancel". The bank writes the decision in its ledger
   (`SandboxTransaction`), enqueues the server-to-server callback (a task run by `motcua worker`), and sends
   the payer back to the return address.
3. The callback is a JSON POST of amount, currency, order_id, status, timestamp and transaction_id plus
   `signature`: the hex HMAC-SHA256, with MOTCUA_PAYMENT_SANDBOX_SECRET, of the canonical payload (those six
   fields as JSON, keys sorted, no spaces, UTF-8).
4. `query` reads the bank's ledger: what the reconciliation and the payer's return ask.

Both sides run in the same process here, so both read the secret from the settings.
"""

import hashlib
import hmac
import json
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua import clock
from motcua.payments.models import SandboxTransaction, Status

from . import CallbackResult, Check, Gateway, Redirect, register

CURRENCY = "VND"
CALLBACK_FIELDS = ("amount", "currency", "order_id", "status", "timestamp", "transaction_id")
REQUEST_FIELDS = ("amount", "callback_url", "currency", "description", "order_id", "return_url", "timestamp")
STATUSES = {"paid": Status.PAID, "cancelled": Status.CANCELLED, "failed": Status.FAILED}
MAX_BODY = 64 * 1024


def secret() -> str:
    """MOTCUA_PAYMENT_SANDBOX_SECRET, or one derived from the secret key when it is not set."""
    configured = settings.MOTCUA_PAYMENT_SANDBOX_SECRET
    return configured or salted_hmac("motcua.payments.sandbox", "signing secret").hexdigest()


def canonical(fields: dict) -> bytes:
    """The bytes that are signed: the fields as JSON, keys sorted, no spaces (unambiguous, unlike a=1&b=2)."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sign(fields: dict) -> str:
    return hmac.new(secret().encode(), canonical(fields), hashlib.sha256).hexdigest()


def signature_matches(fields: dict, given) -> bool:
    return isinstance(given, str) and hmac.compare_digest(sign(fields), given)


def unix_now() -> int:
    return int(clock.now().timestamp())


def callback_body(transaction: SandboxTransaction) -> bytes:
    """The bank's notification of `transaction`, signed now."""
    fields = {
        "amount": transaction.amount,
        "currency": CURRENCY,
        "order_id": transaction.order_id,
        "status": transaction.status,
        "timestamp": unix_now(),
        "transaction_id": transaction.transaction_id,
    }
    return json.dumps({**fields, "signature": sign(fields)}, ensure_ascii=False).encode()


def _callback_fields(data) -> tuple[dict, str]:
    """The six signed fields of a notification with their types checked, and what is wrong ("" if nothing)."""
    if not isinstance(data, dict):
        return {}, "not a JSON object"
    fields = {name: data.get(name) for name in CALLBACK_FIELDS}
    for name in ("amount", "timestamp"):
        if not isinstance(fields[name], int) or isinstance(fields[name], bool):
            return fields, f"{name} is not an integer"
    for name in ("currency", "order_id", "status", "transaction_id"):
        if not isinstance(fields[name], str):
            return fields, f"{name} is not a string"
    return fields, ""


def _text(value) -> str:
    return value[:100] if isinstance(value, str) else ""


class SandboxGateway(Gateway):
    name = "sandbox"
    label = gettext_lazy("Sandbox bank (development and demo: no money moves)")
    national_flag = 2

    def is_enabled(self) -> bool:
        return settings.MOTCUA_PAYMENT_SANDBOX

    def check_config(self) -> list[Check]:
        if not self.is_enabled():
            return [Check(False, _("MOTCUA_PAYMENT_SANDBOX is off: the sandbox bank is closed."))]
        checks = [Check(True, _("The sandbox bank is open under /payments/sandbox/; no money moves."))]
        configured = settings.MOTCUA_PAYMENT_SANDBOX_SECRET
        if not configured:
            checks.append(Check(True, _("Callbacks are signed with a secret derived from the secret key.")))
        elif len(configured) < 24:
            checks.append(Check(False, _("MOTCUA_PAYMENT_SANDBOX_SECRET is shorter than 24 characters.")))
        if not settings.DEBUG:
            checks.append(
                Check(
                    False,
                    _("The sandbox bank is open on a production site: turn MOTCUA_PAYMENT_SANDBOX off."),
                )
            )
        return checks

    def start(self, payment, *, return_url: str, callback_url: str) -> Redirect:
        fields = {
            "amount": str(payment.amount),
            "callback_url": callback_url,
            "currency": payment.currency,
            "description": payment.dossier.code,
            "order_id": payment.order_id,
            "return_url": return_url,
            "timestamp": str(unix_now()),
        }
        query = urlencode({**fields, "signature": sign(fields)})
        return Redirect(f"{reverse('payments:sandbox-pay')}?{query}")

    def verify_callback(self, request) -> CallbackResult:
        body = request.body[:MAX_BODY]
        raw = body.decode("utf-8", errors="replace")
        try:
            data = json.loads(body)
        except ValueError:
            return CallbackResult(False, raw=raw, error="not JSON")
        fields, problem = _callback_fields(data)
        seen = {
            "order_id": _text(fields.get("order_id")),
            "transaction_id": _text(fields.get("transaction_id")),
            "raw": raw,
        }
        if problem:
            return CallbackResult(False, **seen, error=problem)
        if not signature_matches(fields, data.get("signature")):
            return CallbackResult(False, **seen, error="wrong signature")
        if fields["status"] not in STATUSES:
            return CallbackResult(False, **seen, error=f"unknown status {fields['status'][:20]!r}")
        return CallbackResult(
            True,
            amount=fields["amount"],
            currency=fields["currency"],
            status=STATUSES[fields["status"]],
            sent_at=datetime.fromtimestamp(fields["timestamp"], UTC),
            **seen,
        )

    def query(self, payment) -> CallbackResult:
        transaction = SandboxTransaction.objects.filter(order_id=payment.order_id).first()
        if transaction is None:
            raw = json.dumps({"order_id": payment.order_id, "found": False})
            return CallbackResult(True, order_id=payment.order_id, status=Status.PENDING, raw=raw)
        answer = {
            "order_id": transaction.order_id,
            "transaction_id": transaction.transaction_id,
            "amount": transaction.amount,
            "currency": CURRENCY,
            "status": transaction.status,
        }
        return CallbackResult(
            True,
            order_id=transaction.order_id,
            transaction_id=transaction.transaction_id,
            amount=transaction.amount,
            currency=CURRENCY,
            status=transaction.status,
            raw=json.dumps(answer, ensure_ascii=False),
        )


register(SandboxGateway())
