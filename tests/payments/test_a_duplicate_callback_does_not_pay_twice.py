"""A gateway may notify the same payment more than once (retries, a replay within the tolerance, the payer's
return racing the callback): the dossier is paid once, with one record_payment event."""

import threading

import pytest
from django.db import connection

from motcua.dossiers.lifecycle import State
from motcua.payments import services, settling
from motcua.payments.gateways import gateway_for
from motcua.payments.models import CallbackLog, Outcome, Payment, Problem, Status
from tests.payments.helpers import (
    awaiting_payment,
    callback_body,
    decided_at_bank,
    post_callback,
    record_payment_events,
    started,
    started_with_link,
)


@pytest.mark.django_db
def test_the_same_callback_twice_records_the_payment_once(dossier):
    payment = started(dossier)
    body = callback_body(payment)

    first, second = post_callback(body), post_callback(body)

    assert first.status_code == 200 and first.json() == {"ok": True, "outcome": "paid"}
    assert second.status_code == 200 and second.json() == {"ok": True, "outcome": "duplicate"}
    payment.refresh_from_db()
    dossier.refresh_from_db()
    assert payment.status == Status.PAID and payment.recorded and payment.problem == ""
    assert payment.transaction_id == "SBX000000000042"
    assert dossier.state == State.PROCESSING and dossier.paused_since is None
    assert record_payment_events(dossier) == 1
    event = dossier.events.get(action="record_payment")
    assert event.actor is None
    assert event.data["reference"] == "sandbox:SBX000000000042"
    assert event.data["amount"] == 100000 and event.data["online"] is True
    (fee,) = dossier.fees.all()
    assert fee.paid_at is not None and fee.paid_online and fee.payment_reference == "sandbox:SBX000000000042"
    assert list(CallbackLog.objects.order_by("pk").values_list("outcome", flat=True)) == ["paid", "duplicate"]


@pytest.mark.django_db
def test_the_payers_return_after_the_callback_is_a_duplicate(dossier):
    payment, link = started_with_link(dossier)
    ledger = decided_at_bank(link, pay=True)
    post_callback(callback_body(payment, transaction_id=ledger.transaction_id))
    log = services.check_with_gateway(payment)  # what the return page and the reconciliation do
    assert log.outcome == Outcome.DUPLICATE and log.source == "query"
    payment.refresh_from_db()
    assert payment.status == Status.PAID and payment.transaction_id == ledger.transaction_id
    assert record_payment_events(dossier) == 1


@pytest.mark.django_db
def test_another_transaction_for_a_paid_order_is_refused(dossier):
    payment = started(dossier)
    post_callback(callback_body(payment))
    answer = post_callback(callback_body(payment, transaction_id="SBX999999999999"))
    assert answer.status_code == 400 and answer.json()["outcome"] == Outcome.CONFLICT
    payment.refresh_from_db()
    assert payment.transaction_id == "SBX000000000042"
    assert record_payment_events(dossier) == 1


@pytest.mark.django_db
def test_one_transaction_cannot_pay_two_orders(dossier):
    first, second = started(dossier), started(dossier)
    post_callback(callback_body(first))
    answer = post_callback(callback_body(second))  # the same transaction number, for the other order
    assert answer.status_code == 400 and answer.json()["outcome"] == Outcome.CONFLICT
    second.refresh_from_db()
    assert second.status == Status.PENDING
    assert record_payment_events(dossier) == 1


@pytest.mark.django_db
def test_a_second_attempt_paid_at_the_bank_is_not_recorded_again_but_flagged(dossier):
    first, second = started(dossier), started(dossier)
    post_callback(callback_body(first, transaction_id="SBX000000000001"))
    answer = post_callback(callback_body(second, transaction_id="SBX000000000002"))
    assert answer.status_code == 200 and answer.json()["outcome"] == Outcome.PAID
    second.refresh_from_db()
    assert second.status == Status.PAID and not second.recorded
    assert second.problem == Problem.NOT_AWAITING  # money taken twice: staff refund it (admin filter)
    assert record_payment_events(dossier) == 1
    assert dossier.fees.get().payment_reference == "sandbox:SBX000000000001"


@pytest.mark.django_db(transaction=True)
def test_concurrent_duplicates_record_the_payment_once(frozen_clock, sandbox):
    """Four threads settle the same verified notification at once: the row lock lets one of them pay."""
    dossier = awaiting_payment(frozen_clock)
    payment = started(dossier)
    gateway = gateway_for("sandbox")

    class Request:
        body = callback_body(payment)

    result = gateway.verify_callback(Request())
    assert result.verified
    barrier = threading.Barrier(4)
    outcomes, errors = [], []

    def settle():
        try:
            barrier.wait()
            outcomes.append(settling.settle(gateway, result, source="callback").outcome)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=settle) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(outcomes) == ["duplicate", "duplicate", "duplicate", "paid"]
    assert record_payment_events(dossier) == 1
    assert Payment.objects.get().status == Status.PAID
