"""Gateways are plugins on one interface, in a registry, each with a configuration check shown in the admin;
the sandbox bank is open in development and closed (and flagged by `check --deploy`) in production."""

import pytest
from django.contrib.auth import get_user_model
from django.core import checks
from django.test import Client

from motcua.payments import services
from motcua.payments.gateways import Gateway, all_gateways, gateway_for, offered_gateway
from motcua.payments.gateways.sandbox import SandboxGateway


def test_the_sandbox_is_registered_and_follows_the_interface():
    gateway = gateway_for("sandbox")
    assert isinstance(gateway, SandboxGateway) and isinstance(gateway, Gateway)
    assert gateway in all_gateways()
    assert gateway.national_flag == 2


def test_the_sandbox_is_offered_in_development(sandbox):
    assert offered_gateway() is gateway_for("sandbox")
    (first, *_rest) = gateway_for("sandbox").check_config()
    assert first.ok


def test_a_closed_sandbox_is_not_offered_and_its_check_says_so(settings):
    settings.MOTCUA_PAYMENT_SANDBOX = False
    assert offered_gateway() is None
    (check,) = gateway_for("sandbox").check_config()
    assert not check.ok and "MOTCUA_PAYMENT_SANDBOX" in check.text


def test_a_short_secret_fails_the_check(sandbox, settings):
    settings.MOTCUA_PAYMENT_SANDBOX_SECRET = "short"
    assert any(not check.ok for check in gateway_for("sandbox").check_config())


def test_the_deploy_check_warns_about_an_open_sandbox_in_production(settings):
    settings.MOTCUA_PAYMENT_SANDBOX, settings.DEBUG = True, False
    found = [message.id for message in checks.run_checks(include_deployment_checks=True)]
    assert "motcua.payments.W001" in found
    settings.MOTCUA_PAYMENT_SANDBOX = False
    found = [message.id for message in checks.run_checks(include_deployment_checks=True)]
    assert "motcua.payments.W001" not in found


@pytest.mark.django_db
def test_the_sandbox_pages_are_closed_when_it_is_off(settings):
    settings.MOTCUA_PAYMENT_SANDBOX = False
    assert Client().get("/payments/sandbox/pay/").status_code == 404


@pytest.mark.django_db
def test_the_admin_shows_each_gateway_with_its_check(sandbox):
    admin = get_user_model().objects.create_superuser("quantri", "qt@example.com", "x")
    client = Client()
    client.force_login(admin)
    page = client.get("/admin/payments/payment/gateways/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "sandbox" in text and "Ngân hàng thử nghiệm" in text
    assert [gateway.name for gateway, _checks in services.gateway_checks()] == ["sandbox"]
    assert client.get("/admin/payments/payment/").status_code == 200
    assert client.get("/admin/payments/callbacklog/").status_code == 200
