"""A callback that is not what the gateway signed for this order is refused with 400, logged with the
reason, and changes nothing: a wrong or missing signature, an amount changed after signing, a signed amount or
currency other than the payment's, an order we do not know, a timestamp outside the tolerance (a replay)."""

import json

import pytest

from motcua.dossiers.lifecycle import State
from motcua.payments.models import CallbackLog, Outcome, Status
from tests.payments.helpers import callback_body, post_callback, record_payment_events, started


def assert_nothing_paid(dossier, payment):
    payment.refresh_from_db()
    dossier.refresh_from_db()
    assert payment.status == Status.PENDING and payment.transaction_id == ""
    assert dossier.state == State.AWAITING_PAYMENT and dossier.paused_since is not None
    assert not dossier.fees.filter(paid_at__isnull=False).exists()
    assert record_payment_events(dossier) == 0


def refused(body: bytes, outcome: str) -> CallbackLog:
    answer = post_callback(body)
    assert answer.status_code == 400
    assert answer.json() == {"ok": False, "outcome": outcome}
    log = CallbackLog.objects.latest("pk")
    assert log.outcome == outcome and log.refused
    assert log.raw == body.decode()
    return log


@pytest.mark.django_db
def test_a_wrong_signature_is_refused(dossier):
    payment = started(dossier)
    data = json.loads(callback_body(payment))
    data["signature"] = "0" * 64
    log = refused(json.dumps(data).encode(), Outcome.BAD_SIGNATURE)
    assert not log.verified and log.payment is None and log.order_id == payment.order_id
    assert_nothing_paid(dossier, payment)


@pytest.mark.django_db
def test_a_missing_signature_or_a_body_that_is_not_json_is_refused(dossier):
    payment = started(dossier)
    data = json.loads(callback_body(payment))
    del data["signature"]
    refused(json.dumps(data).encode(), Outcome.BAD_SIGNATURE)
    refused(b"amount=100000&status=paid", Outcome.BAD_SIGNATURE)
    assert_nothing_paid(dossier, payment)


@pytest.mark.django_db
def test_an_amount_changed_after_signing_breaks_the_signature(dossier):
    payment = started(dossier)
    data = json.loads(callback_body(payment))
    data["amount"] = 1000
    refused(json.dumps(data).encode(), Outcome.BAD_SIGNATURE)
    assert_nothing_paid(dossier, payment)


@pytest.mark.django_db
def test_a_signed_amount_other_than_the_payments_is_refused(dossier):
    payment = started(dossier)
    log = refused(callback_body(payment, amount=1000), Outcome.AMOUNT_MISMATCH)
    assert log.verified and log.payment == payment
    refused(callback_body(payment, currency="USD"), Outcome.AMOUNT_MISMATCH)
    assert_nothing_paid(dossier, payment)


@pytest.mark.django_db
def test_an_unknown_order_is_refused(dossier):
    payment = started(dossier)
    log = refused(callback_body(payment, order_id="MC260302100000XXXXXX"), Outcome.UNKNOWN_ORDER)
    assert log.verified and log.payment is None
    assert_nothing_paid(dossier, payment)


@pytest.mark.django_db
def test_a_stale_or_future_timestamp_is_refused(dossier, frozen_clock):
    from motcua.payments.gateways import sandbox

    payment = started(dossier)
    now = sandbox.unix_now()
    refused(callback_body(payment, timestamp=now - 301), Outcome.STALE)
    refused(callback_body(payment, timestamp=now + 301), Outcome.STALE)
    assert_nothing_paid(dossier, payment)
    # within the tolerance the same (authentic) notification is taken
    assert post_callback(callback_body(payment, timestamp=now - 299)).status_code == 200


@pytest.mark.django_db
def test_a_replayed_callback_beyond_the_tolerance_is_refused(dossier, frozen_clock):
    from datetime import timedelta

    payment = started(dossier)
    body = callback_body(payment, status="cancelled")
    frozen_clock.advance(timedelta(minutes=6))
    refused(body, Outcome.STALE)
    assert_nothing_paid(dossier, payment)


@pytest.mark.django_db
def test_a_closed_or_unknown_gateway_does_not_take_callbacks(dossier, settings, client):
    payment = started(dossier)
    assert (
        client.post("/payments/callback/nosuchbank/", data=b"{}", content_type="application/json").status_code
        == 404
    )
    settings.MOTCUA_PAYMENT_SANDBOX = False
    assert post_callback(callback_body(payment)).status_code == 404
    assert_nothing_paid(dossier, payment)
