"""GET /api/v1/public/track/{code}: the tracking page's rules as JSON, in the public part of the API."""

import pytest
from rest_framework.test import APIClient

from motcua.portal.models import TrackingFailure

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient(REMOTE_ADDR="203.0.113.8")


def url(dossier) -> str:
    return f"/api/v1/public/track/{dossier.code}"


def test_the_right_secret_gives_status_appointment_history_and_initials(api, dossier):
    response = api.get(url(dossier), {"secret": dossier.lookup_secret}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["code"] == dossier.code
    assert body["applicant_initials"] == "N.V.A."
    assert (body["state"], body["national_status"], body["status"]) == ("processing", 4, "Đang giải quyết")
    assert body["due_at"] == "2026-03-04T14:00:00+07:00"
    assert body["current_agency"] == "Phường Nha Trang"
    assert [entry["action"] for entry in body["timeline"]] == ["submit", "receive", "forward"]
    assert body["collection"]["method"] == "desk"
    text = response.content.decode()
    for personal in ["Nguyễn", "056090001234", "0905123456", "12 Trần Phú", "Trần Thị", "tiepnhan"]:
        assert personal not in text


def test_the_last_four_phone_digits_work_too(api, dossier):
    assert api.get(url(dossier), {"phone": "3456"}).status_code == 200


def test_english_on_request(api, dossier):
    response = api.get(url(dossier), {"secret": dossier.lookup_secret}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["status"] == "Being processed"


def test_without_a_secret_it_is_a_bad_request_not_a_wrong_try(api, dossier):
    assert api.get(url(dossier)).status_code == 400
    assert api.get(url(dossier), {"phone": "12"}).status_code == 400
    assert not TrackingFailure.objects.exists()


def test_no_login_is_needed_and_none_is_used(api, dossier, world):
    api.force_login(world.desk)  # a staff session changes nothing: the answer is the same public one
    response = api.get(url(dossier), {"secret": dossier.lookup_secret})
    assert response.status_code == 200
    assert "Trần Thị" not in response.content.decode()


def test_it_is_in_the_openapi_schema_under_the_public_tag(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/public/track/{code}"]["get"]
    assert operation["tags"] == ["public"]
    assert {parameter["name"] for parameter in operation["parameters"]} >= {"code", "secret", "phone"}
    assert set(operation["responses"]) == {"200", "400", "404", "429"}
