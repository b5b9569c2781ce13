"""The bank side of the sandbox gateway: read the merchant's signed order, record the payer's decision in the
bank's ledger, notify the merchant server to server, send the payer back.

The notification is a background task (`tasks.send_sandbox_callback`, run by `motcua worker`), enqueued in the
transaction that records the decision, as a real bank notifies after the fact. Tests post the same signed
body (`gateways.sandbox.callback_body`) through Django's test client instead. When no worker runs, the
payer's return and `motcua payments-reconcile` ask the bank's ledger (`query`), so nothing waits for it.
"""

import logging
import secrets
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.db import transaction

from motcua import clock

from .gateways import sandbox
from .models import SandboxTransaction, Status

logger = logging.getLogger("motcua.payments.sandbox")

# A payment page opened from a link older than this is refused, as banks expire their payment sessions.
ORDER_LINK_SECONDS = 60 * 60


@dataclass(frozen=True)
class Order:
    """A merchant's order as the bank's page received it (signature checked)."""

    order_id: str
    amount: int
    currency: str
    description: str
    return_url: str
    callback_url: str
    fields: dict  # the signed fields with the signature, to carry through the page's form


class BadOrder(ValueError):
    pass


def read_order(params) -> Order:
    """The order in `params` (a QueryDict), or BadOrder when a field is missing, changed or too old."""
    fields = {name: params.get(name, "") for name in sandbox.REQUEST_FIELDS}
    if not sandbox.signature_matches(fields, params.get("signature", "")):
        raise BadOrder("the order's signature does not match: it was changed or not made by the merchant")
    try:
        amount, timestamp = int(fields["amount"]), int(fields["timestamp"])
    except ValueError as error:
        raise BadOrder("amount and timestamp must be integers") from error
    if not 0 <= sandbox.unix_now() - timestamp <= ORDER_LINK_SECONDS:
        raise BadOrder("the payment link has expired")
    for name in ("return_url", "callback_url"):
        if urlsplit(fields[name]).scheme not in ("http", "https"):
            raise BadOrder(f"{name} is not an http(s) address")
    return Order(
        order_id=fields["order_id"],
        amount=amount,
        currency=fields["currency"],
        description=fields["description"],
        return_url=fields["return_url"],
        callback_url=fields["callback_url"],
        fields={**fields, "signature": params.get("signature", "")},
    )


def decide(order: Order, *, pay: bool) -> SandboxTransaction:
    """Record the payer's decision once per order (a second click finds the first decision) and enqueue the
    notification in the same transaction."""
    from .tasks import send_sandbox_callback

    with transaction.atomic():
        found = SandboxTransaction.objects.select_for_update().filter(order_id=order.order_id).first()
        if found is not None:
            return found
        decided = SandboxTransaction.objects.create(
            order_id=order.order_id,
            transaction_id=f"SBX{secrets.randbelow(10**12):012d}",
            amount=order.amount,
            status=Status.PAID if pay else Status.CANCELLED,
            callback_url=order.callback_url,
            created_at=clock.now(),
        )
        send_sandbox_callback.enqueue(decided.transaction_id)
    return decided


def return_address(order: Order, decided: SandboxTransaction) -> str:
    """Where the payer goes back to. The parameters are for display: the merchant trusts only the callback
    and its own query."""
    separator = "&" if "?" in order.return_url else "?"
    query = urlencode({"order_id": decided.order_id, "status": decided.status})
    return f"{order.return_url}{separator}{query}"


def deliver_callback(transaction_id: str, timeout: float = 10) -> int:
    """POST the signed notification of a ledger transaction to the merchant; the HTTP status it answered."""
    decided = SandboxTransaction.objects.get(transaction_id=transaction_id)
    if urlsplit(decided.callback_url).scheme not in ("http", "https"):
        raise ValueError("the callback address is not http(s)")
    request = urllib.request.Request(
        decided.callback_url,
        data=sandbox.callback_body(decided),
        headers={"Content-Type": "application/json; charset=utf-8"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # http(s) only: checked above
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    logger.info("sandbox bank: callback of %s answered %s", decided.order_id, status)
    return status
