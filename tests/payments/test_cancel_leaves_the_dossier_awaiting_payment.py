"""The payer goes from the tracking page to the sandbox bank and clicks "Cancel": the payment is cancelled,
the dossier still waits for payment (clock paused) and the button is offered again for a new attempt."""

import pytest
from django.test import Client

from motcua.dossiers.lifecycle import State
from motcua.payments import sandbox_bank
from motcua.payments.models import CallbackLog, Outcome, Payment, SandboxTransaction, Status
from tests.payments.helpers import pay_token_on, post_callback, record_payment_events, tracking_path


@pytest.mark.django_db
def test_cancel_at_the_bank_leaves_the_dossier_waiting_for_payment(dossier):
    browser = Client()
    page = browser.get(tracking_path(dossier)).content.decode()
    assert "Thanh toán phí trực tuyến" in page

    to_bank = browser.post("/payments/start/", {"token": pay_token_on(page)})
    assert to_bank.status_code == 302 and to_bank.url.startswith("/payments/sandbox/pay/?")
    payment = Payment.objects.get()
    assert payment.status == Status.PENDING and payment.amount == 100000 and payment.gateway == "sandbox"
    assert payment.fees == [
        {"id": dossier.fees.get().pk, "name": "Lệ phí đăng ký hộ kinh doanh", "amount": 100000}
    ]

    bank_page = browser.get(to_bank.url)
    assert bank_page.status_code == 200
    assert "100.000 đ" in bank_page.content.decode() and payment.order_id in bank_page.content.decode()
    order = sandbox_bank.read_order(bank_page.wsgi_request.GET)
    back = browser.post("/payments/sandbox/pay/", {**order.fields, "decision": "cancel"})
    assert back.status_code == 302
    assert back.url.startswith(f"http://testserver/payments/return/{payment.order_id}/")

    tracking = browser.get(back.url, follow=True)
    assert tracking.redirect_chain[-1][0] == tracking_path(dossier)
    text = tracking.content.decode()
    assert "Đã hủy thanh toán. Hồ sơ vẫn đang chờ thanh toán." in text
    assert "Thanh toán phí trực tuyến" in text  # offered again

    payment.refresh_from_db()
    dossier.refresh_from_db()
    assert payment.status == Status.CANCELLED and payment.closed_at is not None
    assert dossier.state == State.AWAITING_PAYMENT and dossier.paused_since is not None
    assert not dossier.fees.filter(paid_at__isnull=False).exists()
    assert record_payment_events(dossier) == 0

    # The bank's own notification, arriving later, changes nothing more.
    ledger = SandboxTransaction.objects.get()
    from motcua.payments.gateways import sandbox

    assert post_callback(sandbox.callback_body(ledger)).json() == {"ok": True, "outcome": "duplicate"}
    assert list(CallbackLog.objects.order_by("pk").values_list("outcome", flat=True)) == [
        Outcome.CANCELLED,
        Outcome.DUPLICATE,
    ]


@pytest.mark.django_db
def test_a_second_click_at_the_bank_finds_the_first_decision(dossier):
    browser = Client()
    page = browser.get(tracking_path(dossier)).content.decode()
    to_bank = browser.post("/payments/start/", {"token": pay_token_on(page)})
    order = sandbox_bank.read_order(browser.get(to_bank.url).wsgi_request.GET)
    browser.post("/payments/sandbox/pay/", {**order.fields, "decision": "cancel"})
    browser.post("/payments/sandbox/pay/", {**order.fields, "decision": "pay"})
    assert list(SandboxTransaction.objects.values_list("status", flat=True)) == ["cancelled"]
