"""What a gateway's message does to a payment: the one place where a payment's status changes.

`settle(gateway, result, source=...)` takes what a plugin read (a callback, or the answer to a query), and in
one transaction: locks the payment row, refuses what must not be believed, moves the status once, and, when
the money arrived, calls `dossiers.services.record_payment` in the same transaction. Every message is logged
(`CallbackLog`) with the outcome, the refused ones too.

Refused, nothing changed: not verified (bad or missing signature, unreadable), a timestamp outside
MOTCUA_PAYMENT_CALLBACK_TOLERANCE (a replay), an order we do not know (for this gateway), an amount or a
currency other than the payment's, a transaction number already used by another order, another transaction
for an order already paid.

Idempotent: the status moves only from pending (or, when the gateway says the money moved after all, from
cancelled or failed) to paid, under `select_for_update`; a second message finds it paid and is a duplicate.
So `record_payment` runs at most once per payment. The unique constraint on (gateway, transaction number) is
the last guard.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from motcua import clock
from motcua.dossiers import services as dossier_services
from motcua.dossiers.errors import DossierError
from motcua.dossiers.lifecycle import State
from motcua.dossiers.models import Dossier

from .gateways import CallbackResult, Gateway
from .models import CallbackLog, Outcome, Payment, Problem, Source, Status

logger = logging.getLogger("motcua.payments")


@dataclass(frozen=True)
class Decision:
    outcome: str
    detail: str = ""
    payment: Payment | None = None


def settle(gateway: Gateway, result: CallbackResult, *, source: str, remote_address: str = "") -> CallbackLog:
    """Apply `result` (from `gateway`) to its payment, once; log it; return the log row."""
    with transaction.atomic():
        decision = _decide(gateway, result)
        log = CallbackLog.objects.create(
            gateway=gateway.name,
            payment=decision.payment,
            source=source,
            received_at=clock.now(),
            order_id=result.order_id[:100],
            transaction_id=result.transaction_id[:100],
            raw=result.raw,
            verified=result.verified,
            outcome=decision.outcome,
            detail=decision.detail[:300],
            remote_address=remote_address[:64],
        )
    if log.refused:
        logger.warning(
            "payment message refused: gateway %s, order %r, %s (%s)",
            gateway.name,
            log.order_id,
            log.outcome,
            log.detail,
        )
    return log


def give_up(payment: Payment, gateway: Gateway, *, detail: str, raw: str = "") -> CallbackLog:
    """A payment that cannot complete (the gateway could not start it, or it stayed unknown or pending at the
    gateway long after it started): failed, logged. A payment no longer pending is left as it is."""
    with transaction.atomic():
        locked = Payment.objects.select_for_update().get(pk=payment.pk)
        outcome = Outcome.DUPLICATE
        if locked.status == Status.PENDING:
            locked.status, locked.closed_at = Status.FAILED, clock.now()
            locked.save(update_fields=["status", "closed_at"])
            outcome = Outcome.EXPIRED
        return CallbackLog.objects.create(
            gateway=gateway.name,
            payment=locked,
            source=Source.QUERY,
            received_at=clock.now(),
            order_id=locked.order_id,
            raw=raw,
            verified=False,
            outcome=outcome,
            detail=detail[:300],
        )


def _decide(gateway: Gateway, result: CallbackResult) -> Decision:
    if not result.verified:
        return Decision(Outcome.BAD_SIGNATURE, result.error)
    if result.sent_at is not None:
        age = (clock.now() - result.sent_at).total_seconds()
        if abs(age) > settings.MOTCUA_PAYMENT_CALLBACK_TOLERANCE:
            return Decision(Outcome.STALE, f"signed {int(age)} s ago")
    payment = (
        Payment.objects.select_for_update(of=("self",))
        .select_related("dossier")
        .filter(gateway=gateway.name, order_id=result.order_id)
        .first()
    )
    if payment is None:
        return Decision(Outcome.UNKNOWN_ORDER)
    if result.status == Status.PENDING:
        return Decision(Outcome.PENDING, payment=payment)
    if result.amount != payment.amount or result.currency != payment.currency:
        detail = f"{result.amount} {result.currency} instead of {payment.amount} {payment.currency}"
        return Decision(Outcome.AMOUNT_MISMATCH, detail, payment)
    if result.status == Status.PAID:
        return _paid(gateway, result, payment)
    if payment.status == Status.PENDING:
        payment.status, payment.closed_at = result.status, clock.now()
        payment.save(update_fields=["status", "closed_at"])
        return Decision(
            Outcome.CANCELLED if result.status == Status.CANCELLED else Outcome.FAILED, "", payment
        )
    if payment.status == Status.PAID:
        return Decision(Outcome.CONFLICT, f"the gateway says {result.status}, the payment is paid", payment)
    return Decision(Outcome.DUPLICATE, "", payment)


def _paid(gateway: Gateway, result: CallbackResult, payment: Payment) -> Decision:
    if not result.transaction_id:
        return Decision(Outcome.BAD_SIGNATURE, "paid without a transaction number", payment)
    if payment.status == Status.PAID:
        if result.transaction_id == payment.transaction_id:
            return Decision(Outcome.DUPLICATE, "", payment)
        return Decision(Outcome.CONFLICT, f"already paid by transaction {payment.transaction_id}", payment)
    taken = Payment.objects.filter(gateway=gateway.name, transaction_id=result.transaction_id)
    if taken.exclude(pk=payment.pk).exists():
        return Decision(Outcome.CONFLICT, "the transaction number belongs to another order", payment)
    now = clock.now()
    payment.status, payment.transaction_id = Status.PAID, result.transaction_id
    payment.paid_at = payment.closed_at = now
    try:
        with transaction.atomic():
            payment.save(update_fields=["status", "transaction_id", "paid_at", "closed_at"])
    except IntegrityError:  # another order took the transaction number meanwhile
        payment.refresh_from_db()
        return Decision(Outcome.CONFLICT, "the transaction number belongs to another order", payment)
    _record_on_dossier(gateway, payment)
    return Decision(Outcome.PAID, "" if payment.recorded else payment.get_problem_display(), payment)


def _record_on_dossier(gateway: Gateway, payment: Payment) -> None:
    """Mark the dossier's fees paid through the dossier service, or say why it could not be done."""
    dossier = Dossier.objects.select_for_update(of=("self",)).get(pk=payment.dossier_id)
    unpaid = sum(dossier.fees.filter(paid_at__isnull=True).values_list("amount", flat=True))
    if dossier.state != State.AWAITING_PAYMENT:
        payment.problem = Problem.NOT_AWAITING
    elif unpaid != payment.amount:
        payment.problem = Problem.FEES_CHANGED
    else:
        try:
            with transaction.atomic():
                dossier_services.record_payment(
                    dossier, None, reference=f"{gateway.name}:{payment.transaction_id}", online=True
                )
        except DossierError:
            logger.exception("record_payment refused the online payment %s", payment.order_id)
            payment.problem = Problem.REFUSED
        else:
            payment.recorded = True
    payment.save(update_fields=["recorded", "problem"])
    if payment.problem:
        logger.error(
            "online payment %s of dossier %s was paid but not recorded: %s",
            payment.order_id,
            dossier.code,
            payment.problem,
        )
