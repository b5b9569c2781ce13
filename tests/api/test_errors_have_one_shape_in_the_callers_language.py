"""Every refusal answers {"error": {code, message, details, fields}}: Vietnamese unless asked otherwise."""

import pytest

from motcua.dossiers.models import Dossier
from tests.factories.dossiers import vn

from .helpers import act, submission, submit, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(api, world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    return submit(api, world)


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.json()
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details", "fields"}
    return body["error"]


def test_a_refused_transition_is_a_conflict_explained_in_vietnamese(api, submitted):
    error = error_of(api.post(url(submitted["code"], "finish"), {}, format="json"), 409)
    assert error["code"] == "wrong_state"
    assert (
        error["message"]
        == "Không thể thực hiện thao tác này khi hồ sơ đang ở trạng thái “mới đăng ký, chưa tiếp nhận”."
    )
    assert error["details"] == {"state": "submitted"}
    assert Dossier.objects.get(code=submitted["code"]).version == 1


def test_the_message_follows_the_requested_language(api, submitted):
    response = api.post(url(submitted["code"], "finish"), {}, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert error_of(response, 409)["message"] == (
        "This action is not possible while the dossier is “submitted, not yet received”."
    )


def test_a_stale_if_match_changes_nothing(api, submitted):
    code = submitted["code"]
    received = act(api, code, "receive", HTTP_IF_MATCH='"1"')
    assert received["version"] == 2
    response = api.post(url(code, "forward"), {}, format="json", HTTP_IF_MATCH='"1"')
    error = error_of(response, 409)
    assert error["code"] == "stale_version"
    assert error["details"] == {"version": 2}
    assert "Reload" not in error["message"] and "tải lại" in error["message"]
    assert Dossier.objects.get(code=code).version == 2
    assert act(api, code, "forward", HTTP_IF_MATCH='W/"2"')["version"] == 3


def test_a_stale_version_field_changes_nothing_either(api, submitted):
    act(api, submitted["code"], "receive", {"version": 1})
    response = api.post(url(submitted["code"], "forward"), {"version": 1}, format="json")
    assert error_of(response, 409)["code"] == "stale_version"


def test_the_detail_gives_its_version_as_etag(api, submitted):
    response = api.get(url(submitted["code"]))
    assert response["ETag"] == '"1"'


def test_a_malformed_if_match_is_refused(api, submitted):
    response = api.post(url(submitted["code"], "receive"), {}, format="json", HTTP_IF_MATCH="yesterday")
    assert error_of(response, 400)["fields"].keys() == {"If-Match"}


def test_invalid_input_names_its_fields(api, world, submitted):
    body = submission(world, channel="pigeon", applicant={"name": ""}, documents=[{"form": "scan"}])
    error = error_of(api.post(url(), body, format="json"), 400)
    assert error["code"] == "invalid"
    assert error["message"] == "Một số giá trị còn thiếu hoặc không hợp lệ: xem từng trường."
    assert set(error["fields"]) == {"channel", "applicant.name", "documents.0.name", "documents.0.form"}
    assert error["fields"]["applicant.name"] == ["Trường này không được bỏ trống."]

    error = error_of(api.post(url(submitted["code"], "apologise"), {"new_date": "mai"}, format="json"), 400)
    assert set(error["fields"]) == {"new_date", "reason"}


def test_unknown_codes_in_the_input_are_field_errors(api, world):
    body = submission(world, procedure="9.999999", receiving_agency="000.99.99.H34")
    body["documents"] = [{"name": "Tờ khai", "required_document": 7, "file": 0}]
    error = error_of(api.post(url(), body, format="json"), 400)
    assert set(error["fields"]) == {"procedure", "receiving_agency"}
    body = submission(world, documents=[{"name": "Tờ khai", "required_document": 7, "file": 0}])
    error = error_of(api.post(url(), body, format="json"), 400)
    assert set(error["fields"]) == {"documents.0.required_document", "documents.0.file"}


def test_a_rule_of_the_service_is_a_field_error_when_it_names_one(api, submitted, frozen_clock):
    code = submitted["code"]
    act(api, code, "receive")
    act(api, code, "forward")
    error = error_of(api.post(url(code, "apologise"), {"new_date": "2026-03-07", "reason": "Chờ"}), 400)
    assert error["code"] == "invalid"
    assert error["fields"] == {"new_date": [error["message"]]}  # 07/03/2026 is a Saturday


def test_a_malformed_body_is_a_parse_error(api, submitted):
    response = api.post(url(submitted["code"], "refuse"), "{not json", content_type="application/json")
    assert error_of(response, 400)["code"] == "parse_error"
