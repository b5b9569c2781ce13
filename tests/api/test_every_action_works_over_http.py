"""Every business action has its endpoint, and a dossier goes its whole way through HTTP alone."""

import json

import pytest

from motcua.dossiers.models import Dossier
from tests.factories.dossiers import vn

from .helpers import act, act_multipart, scans, submit, url

pytestmark = pytest.mark.django_db


def test_a_dossier_goes_from_submission_to_its_returned_result(api, world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    dossier = submit(api, world)
    code = dossier["code"]
    assert dossier["state"] == "submitted" and dossier["version"] == 1
    assert [doc["required_document"] for doc in dossier["documents"]] == [1, 2]
    assert set(dossier["actions"]) >= {"receive", "request-supplement", "refuse", "withdraw"}

    # At the desk, before reception: ask once for a supplement, then it comes with its scan.
    dossier = act(api, code, "request-supplement", {"missing": ["Tờ khai"], "reason": "Thiếu tờ khai"})
    assert dossier["state"] == "supplement_requested" and dossier["supplement_stage"] == "desk"
    body = {"documents": [{"name": "Tờ khai", "required_document": 1, "file": 0}], "files": scans()}
    dossier = act_multipart(api, code, "supplement", body)
    assert dossier["state"] == "submitted"
    assert dossier["documents"][-1]["file"]["content_type"] == "application/pdf"

    dossier = act(api, code, "receive")
    assert dossier["state"] == "received"
    assert dossier["due"]["at"] == "2026-03-04T14:00:00+07:00"
    assert dossier["due"]["explanation"][-1] == "Hạn: 14:00 Thứ 4 04/03/2026."
    assert [fee["amount"] for fee in dossier["fees"]] == [100000]

    frozen_clock.set(vn(2026, 3, 2, 10))
    dossier = act(api, code, "forward", {"note": "Chuyển thẩm định"})
    assert dossier["current_step"] == "Thẩm định hồ sơ"
    dossier = act(api, code, "forward")
    assert dossier["current_step"] == "Phê duyệt, ký"
    dossier = act(api, code, "send-back", {"reason": "Cần thẩm định lại"})
    assert dossier["current_step"] == "Thẩm định hồ sơ"

    # During processing: a supplement pauses the clock, the scan resumes it.
    dossier = act(api, code, "request-supplement", {"missing": ["Bản sao CCCD"], "reason": "Bản sao mờ"})
    assert dossier["paused_since"] is not None
    frozen_clock.set(vn(2026, 3, 2, 11))
    body = {"documents": [{"name": "Bản sao CCCD", "form": "copy", "file": 0}], "files": scans(), "note": ""}
    dossier = act_multipart(api, code, "supplement", body)
    assert dossier["state"] == "processing" and dossier["paused_since"] is None
    assert dossier["due"]["at"] == "2026-03-04T15:00:00+07:00"  # one office hour later

    dossier = act(api, code, "request-payment", {"fees": [{"name": "Phí thẩm định", "amount": 50000}]})
    assert dossier["state"] == "awaiting_payment"
    dossier = act(api, code, "record-payment", {"reference": "BL-0001"})
    assert dossier["state"] == "processing"
    assert all(fee["payment_reference"] == "BL-0001" for fee in dossier["fees"])

    frozen_clock.set(vn(2026, 3, 3, 9))
    dossier = act(api, code, "apologise", {"new_date": "2026-03-06", "reason": "Chờ xác minh"})
    assert dossier["due"]["at"] == "2026-03-06T17:00:00+07:00"
    assert dossier["apologies"][0]["reason"] == "Chờ xác minh"
    assert "apologise" not in dossier["actions"]
    dossier = act(api, code, "allow-another-apology", {"reason": "Sở chưa trả lời"})
    assert dossier["apologies_allowed"] == 2 and "apologise" in dossier["actions"]

    dossier = act(api, code, "forward")
    assert "finish" in dossier["actions"]
    body = {"result_number": "01/GCN-HKD", "result_date": "2026-03-03", "result_file": scans()[0]}
    dossier = act_multipart(api, code, "finish", body)
    assert dossier["state"] == "result_ready"
    assert dossier["result"]["number"] == "01/GCN-HKD"
    assert dossier["result"]["file"]["name"] == "scan-0.pdf"

    dossier = act(api, code, "return-result", {"method": "post"})
    assert dossier["state"] == "returned" and dossier["result"]["return_method"] == "post"
    assert dossier["actions"] == []

    events = api.get(url(code) + "events/").json()
    assert [event["action"] for event in events] == [
        "submit",
        "request_supplement_at_desk",
        "supplement",
        "receive",
        "forward",
        "forward",
        "send_back",
        "request_supplement",
        "supplement",
        "request_payment",
        "record_payment",
        "apologise",
        "allow_another_apology",
        "forward",
        "finish",
        "return_result",
    ]
    assert events[0]["actor"] == "Nguyễn Văn A" and events[0]["agency"] == world.ward.code
    assert Dossier.objects.get(code=code).version == 16


def test_a_dossier_can_be_refused_stopped_or_withdrawn(api, world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    refused = act(api, submit(api, world)["code"], "refuse", {"reasons": "Không thuộc thẩm quyền"})
    assert refused["state"] == "not_received" and refused["finished_at"] is not None

    withdrawn = act(api, submit(api, world)["code"], "withdraw", {"reason": "Công dân xin rút"})
    assert withdrawn["state"] == "withdrawn"

    code = submit(api, world)["code"]
    act(api, code, "receive")
    stopped = act(api, code, "stop", {"reasons": "Không đủ điều kiện"})
    assert stopped["state"] == "stopped"


def test_a_step_can_be_forwarded_to_another_agency(api, world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    code = submit(api, world)["code"]
    act(api, code, "receive")
    act(api, code, "forward")
    dossier = act(api, code, "forward", {"to_agency": world.department.code, "hours": "8"})
    assert dossier["current_agency"] == world.department.code
    assert dossier["steps"][-1]["is_transfer"] is True
    # The department's step is not the ward's to work on: only what the receiving ward still may do.
    assert dossier["actions"] == ["withdraw", "allow-another-apology"]
    assert api.get(url(code)).status_code == 200  # it passed through the ward: still visible there


def test_a_submission_may_carry_its_scans(api, world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    body = {
        "procedure": world.version.code,
        "receiving_agency": world.ward.code,
        "channel": "direct",
        "applicant": {"name": "Trần Thị Bình", "birth_date": "1990-05-01"},
        "documents": [
            {"name": "Giấy đề nghị", "required_document": 1, "file": 1},
            {"name": "Ảnh", "file": 0},
        ],
        "files": scans(2),
    }
    data = {**body, "applicant": json.dumps(body["applicant"]), "documents": json.dumps(body["documents"])}
    response = api.post(url(), data, format="multipart")
    assert response.status_code == 201, response.json()
    dossier = response.json()
    assert [doc["file"]["name"] for doc in dossier["documents"]] == ["scan-1.pdf", "scan-0.pdf"]
    assert dossier["applicant"]["birth_date"] == "1990-05-01"
    assert response["Location"].endswith(url(dossier["code"]))
    assert response["ETag"] == '"1"'
