"""Helpers of the payment tests: a dossier waiting for payment, a started payment, a gateway's callback."""

import json
import re
from urllib.parse import urlsplit

from django.http import QueryDict
from django.test import Client

from motcua.dossiers import services as dossier_services
from motcua.dossiers.models import DossierEvent
from motcua.org.models import Role
from motcua.payments import access, sandbox_bank, services
from motcua.payments.gateways import sandbox
from motcua.payments.models import Payment
from tests.factories.dossiers import at_step, make_world, received, vn

SITE = "http://testserver"


def awaiting_payment(clock, **kwargs):
    world = make_world()
    dossier = received(world, clock, vn(2026, 3, 2, 9), **kwargs)
    dossier = at_step(world, clock, dossier, Role.SPECIALIST)
    clock.set(vn(2026, 3, 2, 10))
    return dossier_services.request_payment(dossier, world.specialist)


def started(dossier) -> Payment:
    payment, _action = services.start_payment(dossier, site=SITE)
    return payment


def started_with_link(dossier) -> tuple[Payment, str]:
    """A payment and the sandbox bank's page address its gateway sends the payer to."""
    payment, action = services.start_payment(dossier, site=SITE)
    return payment, action.url


def decided_at_bank(link: str, *, pay: bool = True):
    """The payer's decision on the bank's page, recorded in the bank's ledger (no callback delivered)."""
    order = sandbox_bank.read_order(QueryDict(urlsplit(link).query))
    return sandbox_bank.decide(order, pay=pay)


def callback_body(payment, *, status="paid", transaction_id="SBX000000000042", **changes) -> bytes:
    """The sandbox bank's signed notification about `payment`; `changes` override signed fields."""
    fields = {
        "amount": payment.amount,
        "currency": "VND",
        "order_id": payment.order_id,
        "status": status,
        "timestamp": sandbox.unix_now(),
        "transaction_id": transaction_id,
        **changes,
    }
    return json.dumps({**fields, "signature": sandbox.sign(fields)}).encode()


def post_callback(body: bytes, client: Client | None = None):
    client = client or Client()
    return client.post("/payments/callback/sandbox/", data=body, content_type="application/json")


def record_payment_events(dossier) -> int:
    return DossierEvent.objects.filter(dossier=dossier, action="record_payment").count()


def tracking_path(dossier) -> str:
    return f"/track/{dossier.code}/?secret={dossier.lookup_secret}"


def pay_token_on(page: str) -> str:
    """The token of the "Pay fees online" form on a tracking page's HTML."""
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


def receipt_link_on(page: str) -> str:
    return re.search(r'href="(/payments/receipt/[^"]+)"', page).group(1).replace("&amp;", "&")


def fresh_pay_token(dossier) -> str:
    return access.pay_token(dossier.code, tracking_path(dossier))
