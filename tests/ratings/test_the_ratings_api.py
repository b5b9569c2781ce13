"""POST /api/v1/public/ratings/ (no login) and GET /api/v1/ratings/summary (leaders and monitors)."""

import pytest
from django.urls import reverse

from motcua.ratings.models import Channel, Rating
from tests.factories.dossiers import make_world, received, vn
from tests.ratings.helpers import BEST, finished, rate

pytestmark = pytest.mark.django_db


def post(client, body):
    return client.post(reverse("public-ratings"), body, content_type="application/json")


def test_a_citizen_rates_online_through_the_api(client, frozen_clock):
    world = make_world()
    dossier = finished(world, frozen_clock, vn(2026, 3, 2, 9), vn(2026, 3, 3, 9))
    body = {"code": dossier.code, "secret": dossier.lookup_secret, "overall": "satisfied", "answers": BEST}
    response = post(client, body)
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (data["code"], data["channel"], data["overall"]) == (dossier.code, "online", "satisfied")
    assert [a["number"] for a in data["answers"]] == list(range(1, 10))
    assert Rating.objects.get().channel == Channel.ONLINE

    again = post(client, body)
    assert again.status_code == 409 and again.json()["code"] == "already_rated"


def test_missing_and_wrong_answers_are_named(client, frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    answers = {**BEST, "attitude": 5, "total_time": 2}
    del answers["publicity"]
    body = {"code": dossier.code, "secret": dossier.lookup_secret, "overall": "meh", "answers": answers}
    response = post(client, body)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"overall"}
    response = post(client, {**body, "overall": "satisfied"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"attitude", "total_time", "publicity"}
    kiosk = post(client, {**body, "overall": "satisfied", "answers": BEST, "channel": "kiosk"})
    assert kiosk.status_code == 400 and "channel" in kiosk.json()["errors"]
    assert not Rating.objects.exists()


def test_the_summary_for_a_monitor(client, frozen_clock):
    world = make_world()
    dossier = finished(world, frozen_clock, vn(2026, 3, 2, 9), vn(2026, 3, 3, 9))
    rate(dossier, Channel.KIOSK, officer=world.desk, attitude=1)
    client.force_login(world.monitor)
    response = client.get(
        reverse("ratings-summary"), {"agency": world.province.code, "from": "2026-03-01", "to": "2026-03-31"}
    )
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["agency"] == world.province.code and len(data["indicators"]) == 9
    assert data["total"]["total"] == 17.0 and data["total"]["band"]["name_vi"] == "Xuất sắc"
    assert {"indicator": 7, "score": 1.0} in data["total"]["scores"]
    assert [a["agency"] for a in data["agencies"]] == [world.ward.code]
    assert data["officers"][0]["username"] == world.desk.username
    assert data["officers"][0]["satisfied_percent"] == 100.0


def test_the_summary_is_for_leaders_and_monitors_only(client, frozen_clock):
    world = make_world()
    url = reverse("ratings-summary")
    assert client.get(url, {"agency": world.ward.code}).status_code in (401, 403)
    client.force_login(world.desk)
    assert client.get(url, {"agency": world.ward.code}).status_code == 403
    client.force_login(world.leader)
    assert client.get(url, {"agency": world.ward.code}).status_code == 200
    assert client.get(url, {"agency": world.province.code}).status_code == 403
    assert client.get(url, {"agency": "NO.SUCH"}).status_code == 404
    bad = client.get(url, {"agency": world.ward.code, "from": "2026-04-01", "to": "2026-03-01"})
    assert bad.status_code == 400 and "to" in bad.json()["errors"]
    assert client.get(url, {"agency": world.ward.code, "from": "01/03/2026"}).status_code == 400
