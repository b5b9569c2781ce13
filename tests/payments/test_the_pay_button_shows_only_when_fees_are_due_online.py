"""The tracking page offers "Pay fees online" only while the dossier waits for payment of unpaid fees and a
gateway is offered; the button carries a signed token (the page already checked the secret), and a stale or
forged token starts nothing."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.test import Client

from motcua.dossiers import services as dossier_services
from motcua.payments import access
from motcua.payments.models import Payment
from tests.payments.helpers import awaiting_payment, fresh_pay_token, pay_token_on, tracking_path

BUTTON = "Thanh toán phí trực tuyến"


@pytest.mark.django_db
def test_the_button_shows_while_payment_is_due(dossier):
    page = Client().get(tracking_path(dossier)).content.decode()
    assert BUTTON in page
    code, back = access.read_pay_token(pay_token_on(page))
    assert code == dossier.code and back == tracking_path(dossier)


@pytest.mark.django_db
def test_the_phone_digits_page_offers_it_too(dossier):
    page = Client().get(f"/track/{dossier.code}/?phone=3456").content.decode()
    assert BUTTON in page


@pytest.mark.django_db
def test_no_button_without_a_gateway(frozen_clock, settings):
    settings.MOTCUA_PAYMENT_SANDBOX = False
    settings.MOTCUA_PAYMENT_GATEWAY = "sandbox"  # named, but closed: not offered
    dossier = awaiting_payment(frozen_clock)
    assert BUTTON not in Client().get(tracking_path(dossier)).content.decode()
    answer = Client().post("/payments/start/", {"token": fresh_pay_token(dossier)})
    assert answer.status_code == 409 and not Payment.objects.exists()


@pytest.mark.django_db
def test_no_button_once_paid_at_the_desk(dossier):
    desk = get_user_model().objects.get(username="tiepnhan")
    dossier_services.record_payment(dossier, desk, reference="BL-0001")
    page = Client().get(tracking_path(dossier)).content.decode()
    assert BUTTON not in page
    answer = Client().post("/payments/start/", {"token": fresh_pay_token(dossier)})
    assert answer.status_code == 409
    assert "Hồ sơ này không chờ thanh toán." in answer.content.decode()
    assert not Payment.objects.exists()


@pytest.mark.django_db
def test_a_forged_or_expired_token_starts_nothing(dossier, monkeypatch):
    forged = signing.dumps({"code": dossier.code, "back": "/"}, salt="another purpose")
    assert Client().post("/payments/start/", {"token": forged}).status_code == 400
    token = access.pay_token(dossier.code, "/")
    later = time.time() + access.PAY_SECONDS + 5
    monkeypatch.setattr(time, "time", lambda: later)
    assert Client().post("/payments/start/", {"token": token}).status_code == 400
    assert not Payment.objects.exists()


@pytest.mark.django_db
def test_the_bank_refuses_an_order_changed_in_the_address(dossier):
    browser = Client()
    to_bank = browser.post("/payments/start/", {"token": fresh_pay_token(dossier)})
    assert browser.get(to_bank.url).status_code == 200
    changed = to_bank.url.replace("amount=100000", "amount=1000")
    answer = browser.get(changed)
    assert answer.status_code == 400
    assert "signature" in answer.content.decode()
