"""Reads of the payments app for other apps (the portal's tracking page) and the views."""

from dataclasses import dataclass

from motcua.dossiers.lifecycle import State
from motcua.dossiers.models import Dossier

from .gateways import offered_gateway
from .models import Payment, Status


@dataclass(frozen=True)
class Panel:
    """What the tracking page shows about online payment of one dossier."""

    can_pay: bool
    gateway_label: str
    paid: list[Payment]
    pending: bool


def panel(code: str) -> Panel | None:
    """The payment panel of the dossier with `code` (None when there is nothing to show)."""
    dossier = Dossier.objects.filter(code=code).only("pk", "state").first()
    if dossier is None:
        return None
    payments = list(dossier.payments.filter(status__in=(Status.PAID, Status.PENDING)).order_by("created_at"))
    paid = [payment for payment in payments if payment.status == Status.PAID]
    gateway = offered_gateway()
    can_pay = (
        gateway is not None
        and dossier.state == State.AWAITING_PAYMENT
        and dossier.fees.filter(paid_at__isnull=True, amount__gt=0).exists()
    )
    if not (can_pay or paid):
        return None
    return Panel(
        can_pay=can_pay,
        gateway_label=str(gateway.label) if gateway else "",
        paid=paid,
        pending=can_pay and any(payment.status == Status.PENDING for payment in payments),
    )


def payment_by_order(order_id: str) -> Payment | None:
    return (
        Payment.objects.select_related("dossier__receiving_agency__parent", "dossier__procedure_version")
        .filter(order_id=order_id)
        .first()
    )
