"""`Prefer: return=minimal` (RFC 7240): an action answers with the dossier's list row as it wrote it, which is
exactly what the list endpoint reads back from the database afterwards; without it, the whole detail."""

import pytest

from tests.factories.dossiers import vn

from .helpers import act, submission, url

pytestmark = pytest.mark.django_db

MINIMAL = {"HTTP_PREFER": "return=minimal"}


def row_read_back(api, code: str) -> dict:
    rows = api.get(url(), {"search": code}).json()["results"]
    assert [row["code"] for row in rows] == [code]
    return rows[0]


def test_each_minimal_answer_is_the_row_the_list_reads_back(api, world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    response = api.post(url(), submission(world), format="json", **MINIMAL)
    assert response.status_code == 201
    assert response["Preference-Applied"] == "return=minimal"
    assert response["ETag"] == '"1"' and response["Location"].endswith(url(response.json()["code"]))
    submitted = response.json()
    code = submitted["code"]
    assert submitted == row_read_back(api, code)
    assert submitted["state"] == "submitted" and "documents" not in submitted

    answers = [
        act(api, code, "receive", **MINIMAL),
        act(api, code, "forward", {"note": "Chuyển thẩm định"}, **MINIMAL),
        act(api, code, "request-supplement", {"missing": ["Bản sao CCCD"], "reason": "Mờ"}, **MINIMAL),
    ]
    received, forwarded, paused = answers
    assert received["state"] == "received" and received["due_at"] == "2026-03-04T14:00:00+07:00"
    assert forwarded["current_step"] == "Thẩm định hồ sơ" and forwarded["version"] == 3
    assert paused["paused_since"] is not None and paused["version"] == 4
    assert paused == row_read_back(api, code)


def test_without_the_preference_the_answer_is_the_detail(api, world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    response = api.post(url(), submission(world), format="json", HTTP_PREFER="respond-async, wait=10")
    assert response.status_code == 201 and "Preference-Applied" not in response
    assert [doc["required_document"] for doc in response.json()["documents"]] == [1, 2]
    # Several preferences in one header: the minimal one is honoured.
    answer = act(api, response.json()["code"], "receive", HTTP_PREFER="handling=strict, return=minimal")
    assert answer["state"] == "received" and "steps" not in answer
