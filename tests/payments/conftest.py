import pytest

from tests.payments.helpers import awaiting_payment


@pytest.fixture
def sandbox(settings):
    """The sandbox bank open and offered (as in development), with a known signing secret."""
    settings.MOTCUA_PAYMENT_SANDBOX = True
    settings.MOTCUA_PAYMENT_GATEWAY = "sandbox"
    settings.MOTCUA_PAYMENT_SANDBOX_SECRET = "sandbox-secret-for-tests-0123456789"
    settings.MOTCUA_PAYMENT_CALLBACK_TOLERANCE = 300


@pytest.fixture
def dossier(frozen_clock, sandbox):
    """A dossier of the test world waiting for payment of its 100.000 đ fee (clock frozen on 2 March 2026)."""
    return awaiting_payment(frozen_clock)
