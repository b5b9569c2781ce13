"""The payments app's public surface: what views, the portal, commands and other apps call.

    start_payment(dossier, site=...)      a new attempt for the unpaid fees, and where the payer goes
    handle_callback(gateway_name, request)  a gateway's server-to-server notification: verify, settle, log
    check_with_gateway(payment)           ask the gateway about a pending payment and settle what it says
    reconcile(older_than=, expire_after=) the same for every pending payment older than a while
    render_receipt(payment)               the electronic receipt (biên lai) of a paid payment, as PDF
    gateway_checks()                      each gateway with its configuration check (admin overview)

Dossiers change only through `dossiers.services`: a confirmed payment calls `record_payment` (settling.py).
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from motcua import clock
from motcua.dossiers.lifecycle import State
from motcua.dossiers.models import Dossier

from . import settling
from .gateways import (
    Check,
    Gateway,
    PostForm,
    Redirect,
    UnknownGateway,
    all_gateways,
    gateway_for,
    offered_gateway,
)
from .models import CallbackLog, Outcome, Payment, Source, Status
from .receipt import render_receipt

__all__ = [
    "PaymentError",
    "Reconciliation",
    "check_with_gateway",
    "gateway_checks",
    "handle_callback",
    "reconcile",
    "render_receipt",
    "start_payment",
    "unpaid_fees",
]

logger = logging.getLogger("motcua.payments")

ORDER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class PaymentError(Exception):
    """A payment cannot be started (or a receipt made); the message is translated, for the payer."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message, self.code = message, code


def unpaid_fees(dossier: Dossier) -> list[dict]:
    return [
        {"id": fee.pk, "name": fee.name, "amount": fee.amount}
        for fee in dossier.fees.filter(paid_at__isnull=True).order_by("pk")
    ]


def new_order_id() -> str:
    """MC + Vietnamese date and time + 6 random characters: unique, short, letters and digits only (every
    gateway accepts that as its merchant reference)."""
    local = timezone.localtime(clock.now())
    return f"MC{local:%y%m%d%H%M%S}{get_random_string(6, ORDER_ALPHABET)}"


def start_payment(
    dossier: Dossier, *, site: str, gateway: Gateway | None = None
) -> tuple[Payment, Redirect | PostForm]:
    """A new payment of the dossier's unpaid fees through `gateway` (default: the one offered to payers).

    `site` is the scheme and host the gateway must come back to (https://dichvucong.example.gov.vn). Only a
    dossier waiting for payment can be paid online: paying at submission needs a dossier service that does not
    exist yet (docs/payments.md)."""
    gateway = gateway or offered_gateway()
    if gateway is None or not gateway.is_enabled():
        raise PaymentError(_("Online payment is not available at the moment."), "no_gateway")
    dossier = Dossier.objects.get(pk=dossier.pk)
    if dossier.state != State.AWAITING_PAYMENT:
        raise PaymentError(_("This dossier is not waiting for a payment."), "not_awaiting_payment")
    fees = unpaid_fees(dossier)
    amount = sum(fee["amount"] for fee in fees)
    if amount <= 0:
        raise PaymentError(_("There is nothing to pay online for this dossier."), "nothing_to_pay")
    payment = Payment.objects.create(
        dossier=dossier,
        order_id=new_order_id(),
        gateway=gateway.name,
        amount=amount,
        currency="VND",
        fees=fees,
        created_at=clock.now(),
    )
    base = site.rstrip("/")
    try:
        action = gateway.start(
            payment,
            return_url=base + reverse("payments:return", args=[payment.order_id]),
            callback_url=base + reverse("payments:callback", args=[gateway.name]),
        )
    except Exception as error:
        logger.exception("gateway %s could not start payment %s", gateway.name, payment.order_id)
        settling.give_up(payment, gateway, detail=f"start failed: {type(error).__name__}: {error}")
        raise PaymentError(
            _("The payment gateway cannot be reached. Please try again later."), "gateway_unavailable"
        ) from error
    return payment, action


def handle_callback(gateway_name: str, request) -> tuple[Gateway, CallbackLog]:
    """A server-to-server notification for `gateway_name`; UnknownGateway when no such gateway is enabled."""
    gateway = gateway_for(gateway_name)
    if not gateway.is_enabled():
        raise UnknownGateway(gateway_name)
    result = gateway.verify_callback(request)
    log = settling.settle(
        gateway, result, source=Source.CALLBACK, remote_address=request.META.get("REMOTE_ADDR", "")
    )
    return gateway, log


def check_with_gateway(payment: Payment) -> CallbackLog | None:
    """Ask the gateway what became of `payment` and settle it; None when the gateway could not be asked."""
    try:
        gateway = gateway_for(payment.gateway)
        if not gateway.is_enabled():
            return None
        result = gateway.query(payment)
    except Exception:
        logger.exception("could not query gateway %s about %s", payment.gateway, payment.order_id)
        return None
    return settling.settle(gateway, result, source=Source.QUERY)


@dataclass
class Reconciliation:
    checked: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    unreachable: int = 0

    def count(self, outcome: str) -> int:
        return self.outcomes.get(outcome, 0)


def reconcile(
    *, older_than: timedelta | None = None, expire_after: timedelta | None = None
) -> Reconciliation:
    """Query the gateway about each payment pending for longer than `older_than` and settle it (idempotent:
    a payment settled meanwhile by its callback is a duplicate). One still unknown or pending at the gateway
    after `expire_after` becomes failed."""
    if older_than is None:
        older_than = timedelta(minutes=settings.MOTCUA_PAYMENT_RECONCILE_MINUTES)
    if expire_after is None:
        expire_after = timedelta(hours=settings.MOTCUA_PAYMENT_EXPIRE_HOURS)
    now = clock.now()
    report = Reconciliation()
    pending = Payment.objects.filter(status=Status.PENDING, created_at__lte=now - older_than)
    for payment in pending.order_by("created_at", "pk").iterator():
        report.checked += 1
        log = check_with_gateway(payment)
        if log is None:
            report.unreachable += 1
            continue
        outcome = log.outcome
        if outcome == Outcome.PENDING and payment.created_at <= now - expire_after:
            outcome = settling.give_up(
                payment, gateway_for(payment.gateway), detail="still unknown at the gateway", raw=log.raw
            ).outcome
        report.outcomes[outcome] = report.outcomes.get(outcome, 0) + 1
    return report


def gateway_checks() -> list[tuple[Gateway, list[Check]]]:
    return [(gateway, gateway.check_config()) for gateway in all_gateways()]
