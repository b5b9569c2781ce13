"""REST: the public door (send, follow with the secret, supplement, read what is published) and the staff's
business actions, one POST each, guarded by the version; errors in one shape."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from motcua.feedback.lifecycle import State
from motcua.feedback.models import Feedback
from tests.factories.feedback import in_state, make_world, upload, vn

pytestmark = pytest.mark.django_db
PUBLIC = "/api/v1/public/feedback/"
STAFF = "/api/v1/feedback/"


@pytest.fixture(autouse=True)
def no_throttle_history():
    cache.clear()


def body(world, **changes):
    return {
        "classification": "regulation",
        "agency": world.ward.code,
        "title": "Thời hạn cấp giấy phép xây dựng quá dài",
        "content": "Đề nghị rút ngắn thời hạn giải quyết.",
        "sender_name": "Phạm Thị Dung",
        "sender_email": "dung@example.vn",
        "allows_publication": True,
        **changes,
    }


def as_user(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_citizen_sends_and_follows_feedback(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 2, 12, 9))
    client = APIClient()
    sent = client.post(PUBLIC, body(world), format="json")
    assert sent.status_code == 201, sent.content
    receipt = sent.json()
    assert receipt["code"].startswith("PAKN-260212-")
    assert receipt["accept_due_at"] == "2026-02-23T09:00:00+07:00"
    assert receipt["answer_due_at"] == "2026-03-12T09:00:00+07:00"

    status = client.get(f"{PUBLIC}{receipt['code']}/", {"secret": receipt["secret"]}).json()
    assert (status["state"], status["state_label"], status["answer"]) == ("received", "chờ tiếp nhận", "")
    missing = client.get(f"{PUBLIC}{receipt['code']}/", {"secret": "WRONG999"})
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    assert client.get(f"{PUBLIC}{receipt['code']}/").status_code == 404  # not published: no public view


def test_a_multipart_submission_with_an_attachment(frozen_clock):
    world = make_world()
    client = APIClient()
    response = client.post(PUBLIC, {**body(world), "attachment": upload()}, format="multipart")
    assert response.status_code == 201, response.content
    assert Feedback.objects.get().files.get().content_type == "application/pdf"


def test_refusals_come_in_one_shape(frozen_clock):
    world = make_world()
    client = APIClient()
    invalid = client.post(PUBLIC, body(world, sender_email="", classification="other"), format="json")
    assert invalid.status_code == 400
    error = invalid.json()["error"]
    assert error["code"] == "invalid"
    assert set(error["fields"]) == {"classification"}
    unreachable = client.post(PUBLIC, body(world, sender_email=""), format="json").json()["error"]
    assert unreachable["fields"] == {
        "contact": ["Hãy cho biết thư điện tử hoặc số điện thoại để nhận kết quả trả lời."]
    }


def test_the_sender_supplements_through_the_api(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.INFORMATION_REQUESTED)
    client = APIClient()
    url = f"{PUBLIC}{feedback.code}/supplement/"
    assert client.post(url, {"secret": "WRONG999", "text": "..."}, format="json").status_code == 404
    done = client.post(url, {"secret": feedback.lookup_secret, "text": "Bổ sung"}, format="json")
    assert done.status_code == 200
    assert done.json()["state"] == "supplemented"
    again = client.post(url, {"secret": feedback.lookup_secret, "text": "Lần nữa"}, format="json")
    assert (again.status_code, again.json()["error"]["code"]) == (409, "wrong_state")


def test_staff_take_each_action_by_its_own_post(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.RECEIVED)
    url = f"{STAFF}{feedback.code}/"

    assert APIClient().get(STAFF).status_code in (401, 403)
    listed = as_user(world.desk).get(STAFF, {"queue": "new"}).json()
    assert [item["code"] for item in listed["results"]] == [feedback.code]
    detail = as_user(world.desk).get(url).json()
    assert detail["actions"] == ["accept", "refuse", "forward"]
    assert detail["sender_email"] == "an.nguyen@example.vn"
    assert [row["stage"] for row in detail["stages"]] == ["accept", "information", "answer", "publish"]

    refused = as_user(world.specialist).post(f"{url}accept/", {"version": 1}, format="json")
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "not_allowed")
    accepted = as_user(world.desk).post(
        f"{url}accept/", {"version": 1, "agency": world.department.code}, format="json"
    )
    assert accepted.status_code == 200, accepted.content
    assert (accepted.json()["state"], accepted.json()["agency"]["code"]) == (
        "accepted",
        world.department.code,
    )
    stale = as_user(world.desk).post(
        f"{url}forward/", {"version": 1, "to_agency": world.ward.code, "reason": "x"}
    )
    assert (stale.status_code, stale.json()["error"]["code"]) == (409, "stale_version")

    specialist = as_user(world.department_specialist)
    drafted = specialist.post(f"{url}draft-answer/", {"version": 2, "text": "Sở sẽ rà soát"}, format="json")
    assert drafted.json()["state"] == "answer_drafted"
    leader = as_user(world.department_leader)
    answered = leader.post(f"{url}answer/", {"version": 3}, format="json").json()
    assert (answered["state"], answered["answer"]) == ("answered", "Sở sẽ rà soát")
    published = leader.post(f"{url}publish/", {"version": 4}, format="json").json()
    assert published["state"] == "published"
    assert [event["action"] for event in published["events"]] == [
        "submit",
        "accept",
        "draft_answer",
        "answer",
        "publish",
    ]

    public = APIClient().get(f"{PUBLIC}{feedback.code}/").json()
    assert (public["answer"], public["sender"]) == ("Sở sẽ rà soát", "N.V.A.")
    assert "sender_email" not in public
    listing = APIClient().get(PUBLIC).json()
    assert [item["code"] for item in listing["results"]] == [feedback.code]


def test_staff_of_unrelated_agencies_do_not_see_the_feedback(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.RECEIVED)
    outsider = as_user(world.department_desk)
    assert outsider.get(f"{STAFF}{feedback.code}/").status_code == 404
    assert outsider.post(f"{STAFF}{feedback.code}/accept/", {}, format="json").status_code == 404
    assert outsider.get(STAFF).json()["results"] == []
