"""Payment gateways: one interface, a typed registry, a configuration check for each (docs/payments.md).

A gateway plugin is an instance of a `Gateway` subclass, registered once under its `name`:

    start(payment, return_url=, callback_url=) -> Redirect | PostForm
        where to send the payer's browser to pay `payment` (an order already saved, status pending);
    verify_callback(request) -> CallbackResult
        read the gateway's server-to-server notification and check its signature; never raises for bad input
        (the result says `verified=False` with the reason);
    query(payment) -> CallbackResult
        ask the gateway what became of the order (reconciliation, and the payer's return);
    callback_response(log) -> HttpResponse
        what the gateway expects back (VNPay wants {"RspCode": "00", ...}; the sandbox takes JSON);
    check_config() -> list[Check]
        what is configured and whether it can work, for the admin's overview page.

The plugin only speaks the gateway's protocol. What a verified result does to a payment (the amount, the
order, the timestamp's freshness, idempotency, calling the dossier service) is decided once for every gateway
in `settling.py`.

`national_flag` is the value of DuocThanhToanTrucTuyen for the national portal (domain reference 6.1): 1 for
the national payment platform of Cổng DVCQG, 2 for a ministry's or province's gateway (VNPay, MoMo, Napas...).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime
from importlib import import_module
from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.http import HttpResponse, JsonResponse

if TYPE_CHECKING:
    from motcua.payments.models import CallbackLog, Payment


@dataclass(frozen=True)
class Check:
    ok: bool
    text: str  # translated, for the admin page; never a secret


@dataclass(frozen=True)
class Redirect:
    """Send the payer's browser to `url` (GET)."""

    url: str


@dataclass(frozen=True)
class PostForm:
    """Send the payer's browser to `url` with a form POST of `fields` (some gateways want that)."""

    url: str
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CallbackResult:
    """What a gateway says about one order, as its plugin read it.

    `verified` is True only when the message is authentic: its signature checked out (a callback), or it is
    the answer of an authenticated call to the gateway (a query). `status` is a `models.Status` value.
    `sent_at` is when the gateway signed the message, when its protocol says so: settling refuses it outside
    the tolerance (a replay). `raw` is the message as received, kept in the log; `error` says why it is not
    verified."""

    verified: bool
    order_id: str = ""
    transaction_id: str = ""
    amount: int | None = None
    currency: str = ""
    status: str = ""
    sent_at: datetime | None = None
    raw: str = ""
    error: str = ""


class Gateway(ABC):
    name: ClassVar[str]
    label: ClassVar[str]
    national_flag: ClassVar[int]  # DuocThanhToanTrucTuyen: 1 national platform, 2 ministry/province gateway

    def is_enabled(self) -> bool:
        """A disabled gateway is not offered to payers and its callbacks are not accepted."""
        return True

    @abstractmethod
    def check_config(self) -> list[Check]:
        """What is configured and whether it can work; quick (a few seconds at most)."""

    @abstractmethod
    def start(self, payment: Payment, *, return_url: str, callback_url: str) -> Redirect | PostForm:
        """Where the payer goes to pay `payment`; may call the gateway (create an order) first."""

    @abstractmethod
    def verify_callback(self, request) -> CallbackResult:
        """Read and authenticate a server-to-server notification; never raise for what the sender wrote."""

    @abstractmethod
    def query(self, payment: Payment) -> CallbackResult:
        """Ask the gateway about `payment`'s order. Unknown at the gateway: status pending, verified."""

    def callback_response(self, log: CallbackLog) -> HttpResponse:
        """The answer to a callback: 200 when we took it (also a duplicate), 400 when we refused it."""
        status = 400 if log.refused else 200
        return JsonResponse({"ok": not log.refused, "outcome": log.outcome}, status=status)


class UnknownGateway(LookupError):
    pass


_registry: dict[str, Gateway] = {}
_loaded = False


def register(gateway: Gateway) -> Gateway:
    if gateway.name in _registry:
        raise ValueError(f"a payment gateway named {gateway.name!r} is already registered")
    _registry[gateway.name] = gateway
    return gateway


def gateway_for(name: str) -> Gateway:
    _load()
    try:
        return _registry[name]
    except KeyError:
        raise UnknownGateway(name) from None


def all_gateways() -> list[Gateway]:
    _load()
    return list(_registry.values())


def offered_gateway() -> Gateway | None:
    """The gateway offered to payers (MOTCUA_PAYMENT_GATEWAY), when it is registered and enabled."""
    name = settings.MOTCUA_PAYMENT_GATEWAY
    if not name:
        return None
    try:
        gateway = gateway_for(name)
    except UnknownGateway:
        return None
    return gateway if gateway.is_enabled() else None


def _load() -> None:
    """Import the built-in sandbox and the modules of MOTCUA_PAYMENT_PLUGINS once (they register
    themselves)."""
    global _loaded
    if _loaded:
        return
    from . import sandbox  # noqa: F401

    for module in settings.MOTCUA_PAYMENT_PLUGINS:
        import_module(module)
    _loaded = True
