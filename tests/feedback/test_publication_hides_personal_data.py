"""What is published shows the sender's initials only: no name, e-mail, phone, address or ID number, whether
the leader keeps the sender's words or edits them; the public pages and API read only the published fields."""

import pytest
from django.urls import reverse

from motcua.feedback import privacy, services
from motcua.feedback.lifecycle import State
from tests.factories.feedback import in_state, make_world, vn

pytestmark = pytest.mark.django_db

CONTENT = (
    "Tôi là Nguyễn Văn An, ở 12 Trần Phú, Phường Nha Trang, CCCD 056090001234, "
    "điện thoại 0905 123 456, thư an.nguyen@example.vn. Cán bộ tiếp nhận yêu cầu nộp lại bản sao căn cước. "
    "Liên hệ thêm: 0912.345.678."
)
PERSONAL = [
    "Nguyễn Văn An",
    "056090001234",
    "0905 123 456",
    "0905123456",
    "an.nguyen@example.vn",
    "12 Trần Phú",
]


def published(world, clock, **fields):
    clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, clock, State.ANSWERED, content=CONTENT, **fields)
    return services.publish(feedback, world.leader)


def test_initials_keep_vietnamese_letters():
    assert privacy.initials("Nguyễn Văn An") == "N.V.A."
    assert privacy.initials("  đặng   thị ánh ") == "Đ.T.Á."


def test_the_published_text_has_no_personal_data(frozen_clock):
    world = make_world()
    feedback = published(world, frozen_clock, title="Phản ánh của Nguyễn Văn An về bản sao căn cước")
    assert feedback.state == State.PUBLISHED
    for value in PERSONAL:
        assert value not in feedback.published_content
        assert value not in feedback.published_title
    assert "0912.345.678" not in feedback.published_content
    assert "N.V.A." in feedback.published_content
    assert "Cán bộ tiếp nhận yêu cầu nộp lại bản sao căn cước" in feedback.published_content
    assert feedback.content == CONTENT  # the sender's own text is kept for the agency


def test_the_leaders_edited_text_is_checked_too(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.ANSWERED, content=CONTENT)
    feedback = services.publish(
        feedback, world.leader, title="Bản sao căn cước", content="Ông nguyen van an (0905123456) phản ánh..."
    )
    assert feedback.published_content == "Ông N.V.A. (***) phản ánh..."


def test_the_public_page_and_api_show_initials_only(client, frozen_clock):
    world = make_world()
    feedback = published(world, frozen_clock)
    page = client.get(reverse("feedback:published", args=[feedback.code])).content.decode()
    listing = client.get(reverse("feedback:published-list")).content.decode()
    api = client.get(f"/api/v1/public/feedback/{feedback.code}/").content.decode()
    api_list = client.get("/api/v1/public/feedback/").content.decode()
    for text in (page, listing, api, api_list):
        for value in PERSONAL:
            assert value not in text
    assert "N.V.A." in page
    assert '"sender":"N.V.A."' in api.replace(" ", "")


def test_feedback_not_published_is_not_public(client, frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.ANSWERED)
    assert client.get(reverse("feedback:published", args=[feedback.code])).status_code == 404
    assert client.get(f"/api/v1/public/feedback/{feedback.code}/").status_code == 404
    assert feedback.code not in client.get(reverse("feedback:published-list")).content.decode()
