"""Staff screens: queues per user and agency, a search, and a feedback page with its history and only the
actions this user may take, each a small form carrying the version it was drawn from."""

import pytest
from django.urls import reverse

from motcua.feedback import services
from motcua.feedback.lifecycle import State
from tests.factories.feedback import in_state, make_world, sent, vn

pytestmark = pytest.mark.django_db


def test_staff_pages_need_a_login(client):
    response = client.get(reverse("feedback:office-queues"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_each_role_sees_its_queue(client, frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    new = sent(world, frozen_clock, title="Phí chứng thực cao")
    drafted = in_state(world, frozen_clock, State.ANSWER_DRAFTED, title="Thái độ cán bộ một cửa")
    client.force_login(world.desk)
    page = client.get(reverse("feedback:office-queues"), {"queue": "new"}).content.decode()
    assert new.code in page and drafted.code not in page
    client.force_login(world.leader)
    page = client.get(reverse("feedback:office-queues"), {"queue": "to_approve"}).content.decode()
    assert drafted.code in page and new.code not in page
    assert "Chờ duyệt trả lời" in page


def test_overdue_and_due_today(client, frozen_clock):
    world = make_world()
    late = sent(world, frozen_clock, vn(2026, 3, 2, 8))  # accept due 03/03 17:00
    today = sent(world, frozen_clock, vn(2026, 3, 3, 16))  # accept due 05/03 16:00
    frozen_clock.set(vn(2026, 3, 5, 9))
    client.force_login(world.desk)
    overdue = client.get(reverse("feedback:office-queues"), {"queue": "overdue"}).content.decode()
    due_today = client.get(reverse("feedback:office-queues"), {"queue": "due_today"}).content.decode()
    assert late.code in overdue and today.code not in overdue
    assert today.code in due_today and late.code not in due_today


def test_search_without_diacritics(client, frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    found = sent(world, frozen_clock, title="Thời hạn cấp phép quá dài")
    other = sent(world, frozen_clock, title="Lệ phí")
    client.force_login(world.desk)
    page = client.get(reverse("feedback:office-queues"), {"q": "thoi han cap phep"}).content.decode()
    assert found.code in page and other.code not in page


def test_the_page_offers_only_what_the_user_may_do(client, frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = sent(world, frozen_clock)
    url = reverse("feedback:office-detail", args=[feedback.code])
    client.force_login(world.desk)
    page = client.get(url).content.decode()
    assert f'action="/feedback/office/{feedback.code}/accept/"' in page
    assert f'action="/feedback/office/{feedback.code}/refuse/"' in page
    assert "draft_answer" not in page
    assert "an.nguyen@example.vn" in page  # staff see the sender's contact details
    client.force_login(world.specialist)
    page = client.get(url).content.decode()
    assert "Hiện bạn không có thao tác nào" in page


def test_a_form_calls_its_service_and_a_stale_one_is_refused(client, frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = sent(world, frozen_clock)
    client.force_login(world.desk)
    act = reverse("feedback:office-act", args=[feedback.code, "accept"])
    response = client.post(act, {"expected_version": 1, "agency": world.department.pk, "note": ""})
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert (feedback.state, feedback.agency) == (State.ACCEPTED, world.department)

    page = client.get(response.url).content.decode()
    assert "Tiếp nhận và chuyển xử lý" in page  # the timeline
    assert "Sở Tư pháp" in page

    services.request_information(feedback, world.department_specialist, request="Bổ sung")
    client.force_login(world.department_desk)
    supplement = reverse("feedback:office-act", args=[feedback.code, "supplement"])
    stale = client.post(supplement, {"expected_version": 2, "text": "Đã nhận"})
    assert stale.status_code == 409
    assert "Người khác vừa thay đổi" in stale.content.decode()
    feedback.refresh_from_db()
    assert feedback.state == State.INFORMATION_REQUESTED


def test_an_action_the_user_may_not_take_is_not_performed(client, frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = sent(world, frozen_clock)
    client.force_login(world.specialist)
    response = client.post(
        reverse("feedback:office-act", args=[feedback.code, "refuse"]),
        {"expected_version": 1, "reasons": "Không"},
        follow=True,
    )
    assert "Bạn không có quyền" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.state == State.RECEIVED
