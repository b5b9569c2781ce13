"""`motcua payments-reconcile` asks the gateway about payments pending for longer than N minutes: a payment
whose callback was lost is settled once, a second run changes nothing, younger ones wait, and one that never
reached the gateway fails after the expiry."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from motcua.dossiers.lifecycle import State
from motcua.payments.models import Outcome, Status
from tests.payments.helpers import decided_at_bank, record_payment_events, started, started_with_link


def reconcile(*args) -> str:
    out = StringIO()
    call_command("payments-reconcile", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_a_payment_whose_callback_was_lost_is_settled_once(dossier, frozen_clock):
    payment, link = started_with_link(dossier)
    ledger = decided_at_bank(link, pay=True)  # paid at the bank; the callback never arrives

    assert "0 pending payments checked." in reconcile("--older-than", "15")  # too young yet
    frozen_clock.advance(timedelta(minutes=16))
    output = reconcile("--older-than", "15")
    assert "1 pending payments checked." in output and "paid: 1" in output

    payment.refresh_from_db()
    dossier.refresh_from_db()
    assert payment.status == Status.PAID and payment.transaction_id == ledger.transaction_id
    assert payment.recorded
    assert dossier.state == State.PROCESSING
    assert record_payment_events(dossier) == 1
    assert payment.log.get().source == "query"

    assert "0 pending payments checked." in reconcile("--older-than", "15")
    assert record_payment_events(dossier) == 1


@pytest.mark.django_db
def test_a_payment_cancelled_at_the_bank_is_closed_and_the_dossier_still_waits(dossier, frozen_clock):
    payment, link = started_with_link(dossier)
    decided_at_bank(link, pay=False)
    frozen_clock.advance(timedelta(minutes=20))
    assert "cancelled: 1" in reconcile()
    payment.refresh_from_db()
    dossier.refresh_from_db()
    assert payment.status == Status.CANCELLED and dossier.state == State.AWAITING_PAYMENT


@pytest.mark.django_db
def test_a_payment_never_completed_at_the_gateway_expires(dossier, frozen_clock):
    payment = started(dossier)
    frozen_clock.advance(timedelta(hours=1))
    assert "pending: 1" in reconcile()
    payment.refresh_from_db()
    assert payment.status == Status.PENDING
    frozen_clock.advance(timedelta(hours=24))
    assert "expired: 1" in reconcile("--expire-after", "24")
    payment.refresh_from_db()
    dossier.refresh_from_db()
    assert payment.status == Status.FAILED
    assert list(payment.log.order_by("pk").values_list("outcome", flat=True)) == [
        Outcome.PENDING,
        Outcome.PENDING,
        Outcome.EXPIRED,
    ]
    assert dossier.state == State.AWAITING_PAYMENT and record_payment_events(dossier) == 0
