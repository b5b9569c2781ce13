"""A dossier whose result is to be posted keeps the address to post it to: the submit endpoint takes it (and
refuses a postal delivery without one, in Vietnamese, under its field), the detail gives it back."""

import json

import pytest

from motcua.dossiers.models import Dossier
from tests.factories.dossiers import vn

from .helpers import scans, submission, submit, url

pytestmark = pytest.mark.django_db

ADDRESS = "5 Lê Lợi, Phường Nha Trang, Khánh Hòa"


def test_the_address_is_kept_and_given_back_in_the_detail(api, world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    created = submit(api, world, delivery_choice="post", delivery_address=f"  {ADDRESS} ")
    assert created["delivery_choice"] == "post" and created["delivery_address"] == ADDRESS
    detail = api.get(url(created["code"])).json()
    assert detail["delivery_address"] == ADDRESS
    events = api.get(url(created["code"]) + "events/").json()
    assert events[0]["action"] == "submit" and events[0]["data"]["delivery_address"] == ADDRESS


def test_a_multipart_submission_takes_it_too(api, world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    body = submission(world, delivery_choice="post", delivery_address=ADDRESS)
    body["documents"][0]["file"] = 0
    data = {
        key: json.dumps(value) if isinstance(value, list | dict) else value for key, value in body.items()
    }
    response = api.post(url(), {**data, "files": scans()}, format="multipart")
    assert response.status_code == 201, response.json()
    assert response.json()["delivery_address"] == ADDRESS


@pytest.mark.parametrize("address", [None, "", "   "])
def test_a_result_by_post_without_an_address_is_refused_under_its_field(api, world, address):
    changes = {"delivery_choice": "post"}
    if address is not None:
        changes["delivery_address"] = address
    response = api.post(url(), submission(world, **changes), format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["fields"] == {"delivery_address": ["Nhập địa chỉ nhận kết quả qua bưu chính."]}
    assert not Dossier.objects.exists()


def test_an_address_without_postal_delivery_is_not_kept(api, world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    created = submit(api, world, delivery_choice="desk", delivery_address=ADDRESS)
    assert created["delivery_choice"] == "desk" and created["delivery_address"] == ""
    assert submit(api, world)["delivery_address"] == ""  # no delivery said: at the desk, no address
