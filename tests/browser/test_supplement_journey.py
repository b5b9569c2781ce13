"""A supplement requested during processing stops the clock; when the desk records what was brought, the
appointment moves later by the paused office time, and the dossier page says so."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from motcua.dossiers.lifecycle import State
from motcua.dossiers.models import Dossier
from motcua.org.models import Role
from tests.factories.dossiers import PDF, at_step, make_world, received, vn

PASSWORD = "mat-khau-thu"  # tests/factories/org.py


def log_in(page, base_url, username):
    page.goto(base_url + "/office/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Danh sách công việc của tôi")).to_be_visible()


def log_out(page):
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_label("Tên đăng nhập")).to_be_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_supplement_pauses_the_clock_and_the_appointment_moves_later(
    page, live_server, frozen_clock, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    world = make_world()
    # Received Monday 02/03/2026 09:00 (2.5 working days: due Wednesday 14:00), now at the specialist's step.
    dossier = at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.SPECIALIST)
    scan = tmp_path / "so-ho-khau.pdf"
    scan.write_bytes(PDF)
    url = live_server.url

    # Monday 10:00: the specialist finds a gap and asks for a supplement (Mẫu 02).
    frozen_clock.set(vn(2026, 3, 2, 10))
    log_in(page, url, "chuyenvien")
    page.get_by_role("link").filter(has_text="Cần xử lý").click()
    page.get_by_role("link", name=dossier.code).click()
    expect(page.locator("#appointment-due")).to_have_text("14:00 04/03/2026")
    page.get_by_text("Yêu cầu bổ sung hồ sơ (Mẫu 02)").click()
    page.get_by_label("Giấy tờ còn thiếu hoặc chưa đúng").fill("Bản sao sổ hộ khẩu")
    page.get_by_label("Lý do phải bổ sung, hoàn thiện hồ sơ").fill("Địa chỉ kinh doanh chưa khớp hộ khẩu")
    page.get_by_role("button", name="Lập phiếu yêu cầu bổ sung").click()
    expect(page.locator("#dossier-state")).to_have_text("Yêu cầu bổ sung hồ sơ")
    expect(page.locator("#paused-marker")).to_contain_text("chờ bổ sung hồ sơ")
    expect(page.get_by_role("link", name="Phiếu yêu cầu bổ sung (Mẫu 02)")).to_be_visible()
    log_out(page)

    # Wednesday 09:00: the applicant brings the document; the desk records it from the paused queue.
    frozen_clock.set(vn(2026, 3, 4, 9))
    log_in(page, url, "tiepnhan")
    page.get_by_role("link").filter(has_text="Tạm dừng: chờ bổ sung hoặc thanh toán").click()
    page.get_by_role("link", name=dossier.code).click()
    page.get_by_label("Giấy tờ nộp bổ sung").fill("Bản sao sổ hộ khẩu")
    page.get_by_label("Hình thức giấy tờ").select_option("certified_copy")
    page.get_by_label("Bản quét (PDF, JPEG hoặc PNG)").set_input_files(scan)
    page.get_by_role("button", name="Ghi nhận bổ sung").click()

    # Paused Mon 10:00-Wed 09:00 = 6 + 8 + 1 = 15 office hours: Wed 14:00 moves to Fri 06/03 12:00.
    expect(page.locator("#dossier-state")).to_have_text("Đang xử lý")
    expect(page.locator("#paused-marker")).to_have_count(0)
    expect(page.locator("#appointment-due")).to_have_text("12:00 06/03/2026")
    expect(page.locator("#appointment")).to_contain_text("ngày hẹn trả ban đầu: 14:00 04/03/2026")
    expect(page.locator("#appointment-explanation")).to_contain_text("Tạm dừng 15 giờ làm việc")
    expect(page.locator("#timeline")).to_contain_text(
        "Ngày hẹn thay đổi: 14:00 04/03/2026 → 12:00 06/03/2026"
    )
    expect(page.get_by_role("link", name="so-ho-khau.pdf")).to_be_visible()

    dossier = Dossier.objects.get(pk=dossier.pk)
    assert dossier.state == State.PROCESSING and dossier.supplement_count == 1
    assert dossier.due_at == vn(2026, 3, 6, 12) and dossier.paused_minutes == 15 * 60
    assert dossier.due_at - dossier.original_due_at == timedelta(days=2, hours=-2)
