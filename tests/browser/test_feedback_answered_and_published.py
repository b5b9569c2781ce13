"""A citizen's feedback on a regulation, from the public form to a published answer a visitor likes: the desk
accepts and routes it, a specialist drafts, a leader approves and publishes; the public page shows initials
only. axe-core checks the public pages on the way."""

from importlib import import_module
from pathlib import Path

import pytest
from playwright.sync_api import expect

from motcua.feedback.lifecycle import State
from motcua.feedback.models import Feedback
from tests.factories.feedback import make_world, vn

PASSWORD = "mat-khau-thu"  # tests/factories/org.py
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
ANSWER = "Sở Tư pháp sẽ đề nghị bỏ yêu cầu nộp bản sao căn cước khi đã khai thác được dữ liệu dân cư."


def restore_time_limits():
    """The time limits come from a data migration, which an earlier transactional test may have flushed."""
    from django.apps import apps

    import_module("motcua.feedback.migrations.0002_seed_time_limits").seed(apps, None)


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]


def log_in(page, url, username):
    page.goto(url + "/feedback/office/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Phản ánh, kiến nghị")).to_be_visible()


def log_out(page):
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_label("Tên đăng nhập")).to_be_visible()


def open_feedback(page, queue, code):
    page.get_by_role("link").filter(has_text=queue).click()
    page.get_by_role("link", name=code).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(code)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_feedback_is_answered_published_and_liked(page, live_server, frozen_clock, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    restore_time_limits()
    world = make_world()
    url = live_server.url

    # Monday 02/03/2026 09:00: a citizen sends feedback about a regulation, allowing publication.
    frozen_clock.set(vn(2026, 3, 2, 9))
    page.goto(url + "/feedback/send/")
    assert serious_violations(page) == []
    page.get_by_label("quy định hành chính").check()
    page.get_by_label("Cơ quan, đơn vị được phản ánh").select_option(str(world.ward.pk))
    page.get_by_label("Tiêu đề").fill("Bỏ yêu cầu nộp bản sao căn cước")
    page.get_by_label("Nội dung").fill(
        "Tôi là Nguyễn Văn An, điện thoại 0905123456. Thủ tục đăng ký hộ kinh doanh vẫn yêu cầu bản sao "
        "căn cước dù đã có dữ liệu dân cư."
    )
    page.get_by_label("Họ và tên").fill("Nguyễn Văn An")
    page.get_by_label("Thư điện tử").fill("an.nguyen@example.vn")
    page.get_by_label("Tôi đồng ý công khai").check()
    page.get_by_role("button", name="Gửi phản ánh, kiến nghị").click()
    expect(page.get_by_role("heading", name="Phản ánh, kiến nghị của bạn đã được gửi")).to_be_visible()
    code = page.get_by_test_id("feedback-code").inner_text()
    assert serious_violations(page) == []

    # 10:00: the ward's desk officer accepts it and routes it to the Department of Justice.
    frozen_clock.set(vn(2026, 3, 2, 10))
    log_in(page, url, "pakn.tiepnhan")
    open_feedback(page, "Mới, chờ tiếp nhận", code)
    page.get_by_label("Cơ quan, đơn vị xử lý").select_option(str(world.department.pk))
    page.get_by_role("button", name="Tiếp nhận", exact=True).click()
    expect(page.get_by_test_id("feedback-state")).to_have_text("Đã tiếp nhận, đang xử lý")
    log_out(page)

    # 14:00: the department's specialist drafts the answer.
    frozen_clock.set(vn(2026, 3, 2, 14))
    log_in(page, url, "pakn.chuyenvien.so")
    open_feedback(page, "Chờ xử lý, trả lời", code)
    page.get_by_role("textbox", name="Dự thảo trả lời").fill(ANSWER)
    page.get_by_role("button", name="Trình lãnh đạo duyệt").click()
    expect(page.get_by_test_id("feedback-state")).to_have_text("Chờ lãnh đạo duyệt trả lời")
    log_out(page)

    # Tuesday 09:00: the department's leader approves the answer, then publishes it.
    frozen_clock.set(vn(2026, 3, 3, 9))
    log_in(page, url, "pakn.lanhdao.so")
    open_feedback(page, "Chờ duyệt trả lời", code)
    expect(page.get_by_label("Nội dung trả lời")).to_have_value(ANSWER)
    page.get_by_role("button", name="Duyệt và gửi trả lời").click()
    expect(page.get_by_test_id("feedback-state")).to_have_text("Đã xử lý, chờ công khai")
    expect(page.get_by_label("Nội dung công khai")).not_to_contain_text("0905123456")
    page.get_by_role("button", name="Công khai kết quả trả lời").click()
    expect(page.get_by_test_id("feedback-state")).to_have_text("Đã xử lý, đã công khai")
    expect(page.get_by_test_id("timeline")).to_contain_text("Duyệt và gửi trả lời")
    log_out(page)

    # A visitor reads it on the public page and likes the answer.
    page.context.clear_cookies()
    page.goto(url + "/feedback/")
    assert serious_violations(page) == []
    page.get_by_role("link", name="Bỏ yêu cầu nộp bản sao căn cước").click()
    expect(page.get_by_test_id("published-answer")).to_have_text(ANSWER)
    content = page.get_by_test_id("published-content")
    expect(content).to_contain_text("N.V.A.")
    expect(content).not_to_contain_text("Nguyễn Văn An")
    expect(content).not_to_contain_text("0905123456")
    expect(page.get_by_text("Người gửi: N.V.A.")).to_be_visible()
    assert serious_violations(page) == []
    page.get_by_role("button", name="Hài lòng", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("ý kiến của bạn đã được ghi nhận")
    expect(page.get_by_test_id("votes")).to_contain_text("1 lượt hài lòng")
    expect(page.get_by_text("Bạn đã hài lòng với câu trả lời này.")).to_be_visible()

    feedback = Feedback.objects.get(code=code)
    assert (feedback.state, feedback.likes, feedback.dislikes, feedback.late) == (
        State.PUBLISHED,
        1,
        0,
        False,
    )
    timeliness = (feedback.accept_timeliness, feedback.answer_timeliness, feedback.publish_timeliness)
    assert timeliness == ("early", "early", "early")
