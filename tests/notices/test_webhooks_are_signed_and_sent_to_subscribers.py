"""Other systems subscribe to an agency's dossier events (its subtree included) and to chosen actions; each
request carries the idempotency key and an HMAC-SHA256 signature made with the subscription's own secret."""

import json
import threading
from wsgiref.simple_server import WSGIServer, make_server

import pytest

from motcua.notices.models import Message, Status, Subscription
from motcua.notices.plugins.webhook import verify
from tests.factories.dossiers import make_world, received, vn

from .helpers import deliver_until_settled

pytestmark = pytest.mark.django_db


class Receiver:
    def __init__(self) -> None:
        self.requests: list[dict] = []

    def __call__(self, environ, start_response):
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        self.requests.append(
            {
                "path": environ["PATH_INFO"],
                "body": body,
                "key": environ.get("HTTP_IDEMPOTENCY_KEY"),
                "timestamp": environ.get("HTTP_X_MOTCUA_TIMESTAMP"),
                "signature": environ.get("HTTP_X_MOTCUA_SIGNATURE"),
            }
        )
        start_response("204 No Content", [])
        return [b""]


@pytest.fixture
def receiver():
    app = Receiver()
    server: WSGIServer = make_server("127.0.0.1", 0, app)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    app.base = f"http://127.0.0.1:{server.server_port}"
    yield app
    server.shutdown()
    server.server_close()


def test_a_subscription_gets_signed_events_of_its_agency_subtree(frozen_clock, receiver):
    world = make_world()
    province = Subscription.objects.create(
        name="Hệ thống báo cáo tỉnh",
        agency=world.province,
        url=f"{receiver.base}/tinh",
        event_types=["receive"],
    )
    Subscription.objects.create(name="Sở", agency=world.department, url=f"{receiver.base}/so")
    Subscription.objects.create(
        name="Tắt", agency=world.province, url=f"{receiver.base}/tat", is_active=False
    )
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    deliver_until_settled()

    (request,) = receiver.requests
    message = Message.objects.get(channel="webhook")
    assert message.status == Status.DELIVERED and message.subscription == province
    assert request["path"] == "/tinh" and request["key"] == message.key
    assert verify(province.secret, request["timestamp"], request["body"], request["signature"])
    assert not verify("another secret", request["timestamp"], request["body"], request["signature"])
    payload = json.loads(request["body"])
    assert payload["type"] == "dossier.receive"
    assert payload["dossier"]["code"] == dossier.code and payload["dossier"]["national_status"] == 2
    assert payload["dossier"]["due_at"] == "2026-03-04T14:00:00+07:00"
    assert "Nguyễn Văn An" not in request["body"].decode()  # no personal data to other systems


def test_a_removed_subscription_stops_its_messages(frozen_clock, receiver):
    world = make_world()
    subscription = Subscription.objects.create(name="Cũ", agency=world.ward, url=f"{receiver.base}/cu")
    received(world, frozen_clock, vn(2026, 3, 2, 9))
    subscription.is_active = False
    subscription.save()
    deliver_until_settled()
    assert receiver.requests == []
    assert set(Message.objects.filter(channel="webhook").values_list("status", flat=True)) == {Status.DEAD}
