"""A dossier's whole life through the staff web: the desk receives it at the reception screen (procedure found
without diacritics, documents ticked, applicant typed, a scan attached) and prints the receipt; a specialist
and a leader work it from their queues; the desk returns the result."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from motcua.dossiers.lifecycle import State
from motcua.dossiers.models import Dossier
from tests.dossiers.pdf_reading import text as pdf_text
from tests.factories.dossiers import PDF, make_world, vn

PASSWORD = "mat-khau-thu"  # tests/factories/org.py
AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()


def assert_accessible(page):
    """No WCAG 2 A/AA violation that axe-core rates serious or critical on the page as it is now."""
    page.add_script_tag(content=AXE)
    found = page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']})).violations"
    )
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]]) for v in found if v["impact"] in ("serious", "critical")
    ]
    assert not serious, serious


def log_in(page, base_url, username):
    page.goto(base_url + "/office/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Danh sách công việc của tôi")).to_be_visible()


def log_out(page):
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_label("Tên đăng nhập")).to_be_visible()


def open_from_queue(page, queue_label, code):
    card = page.get_by_role("link").filter(has_text=queue_label)
    expect(card).to_contain_text("1")
    card.click()
    page.get_by_role("link", name=code).click()
    expect(page.locator("h1")).to_contain_text(code)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_received_at_the_desk_processed_approved_and_returned(
    page, live_server, frozen_clock, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    scan = tmp_path / "don-de-nghi.pdf"
    scan.write_bytes(PDF)
    url = live_server.url

    # The desk: reception screen, typed without diacritics, keyboard-reachable fields.
    log_in(page, url, "tiepnhan")
    page.get_by_role("link", name="Tiếp nhận", exact=True).click()
    page.get_by_label("Tìm thủ tục").fill("thanh lap ho kinh doanh")
    page.get_by_label("Đăng ký thành lập hộ kinh doanh").check()
    page.get_by_label("Đã nhận: Giấy đề nghị đăng ký hộ kinh doanh").check()
    page.get_by_label("Bản quét “Giấy đề nghị đăng ký hộ kinh doanh”").set_input_files(scan)
    page.get_by_label("Đã nhận: Bản sao giấy tờ pháp lý của cá nhân").check()
    page.get_by_label("Hình thức của “Bản sao giấy tờ pháp lý của cá nhân”").select_option("certified_copy")
    page.get_by_label("Họ và tên hoặc tên tổ chức").fill("Nguyễn Văn An")
    page.get_by_label("Số CCCD, hoặc mã số doanh nghiệp").fill("056090001234")
    page.get_by_label("Ngày sinh").fill("1990-05-17")
    page.get_by_label("Địa chỉ của người nộp").fill("12 Trần Phú, Phường Nha Trang, Khánh Hòa")
    page.get_by_label("Số điện thoại", exact=True).fill("0905123456")
    assert_accessible(page)
    page.get_by_role("button", name="Tiếp nhận và hẹn trả kết quả").click()

    expect(page).to_have_url(re.compile(r"/office/dossiers/\d+/"))
    dossier = Dossier.objects.get()
    expect(page.locator("h1")).to_contain_text(dossier.code)
    expect(page.locator("#dossier-state")).to_have_text("Đã tiếp nhận")
    expect(page.locator("#appointment-due")).to_have_text("14:00 04/03/2026")
    expect(page.get_by_role("link", name="don-de-nghi.pdf")).to_be_visible()
    assert_accessible(page)

    receipt_link = page.get_by_role("link", name="In giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)")
    receipt = page.request.get(url + receipt_link.get_attribute("href"))
    assert receipt.headers["content-type"] == "application/pdf"
    assert receipt.body().startswith(b"%PDF")
    printed = pdf_text(receipt.body())
    assert dossier.code in printed and "Nguyễn Văn An" in printed
    assert "14:00" in printed and "04/03/2026" in printed

    frozen_clock.advance(timedelta(minutes=30))
    page.get_by_label("Ghi chú cho bước tiếp theo").fill("Hồ sơ đầy đủ")
    page.get_by_role("button", name="Chuyển tiếp").click()
    expect(page.locator(".alert-success")).to_contain_text("Thẩm định hồ sơ")
    log_out(page)

    # The specialist appraises it from the "to do" queue and hands it to the leader.
    frozen_clock.set(vn(2026, 3, 3, 10))
    log_in(page, url, "chuyenvien")
    open_from_queue(page, "Cần xử lý", dossier.code)
    page.get_by_role("button", name="Chuyển tiếp").click()
    expect(page.locator(".alert-success")).to_contain_text("Phê duyệt, ký")
    log_out(page)

    # The leader approves and issues the result.
    frozen_clock.set(vn(2026, 3, 3, 10, 30))
    log_in(page, url, "lanhdao")
    open_from_queue(page, "Cần xử lý", dossier.code)
    page.get_by_label("Số văn bản kết quả").fill("15/GCN-HKD")
    page.get_by_role("button", name="Ban hành kết quả").click()
    expect(page.locator("#dossier-state")).to_have_text("Đã có kết quả")
    log_out(page)

    # The desk hands the result back.
    frozen_clock.set(vn(2026, 3, 3, 11))
    log_in(page, url, "tiepnhan")
    open_from_queue(page, "Chờ trả kết quả", dossier.code)
    page.get_by_label("Hình thức trả kết quả").select_option("desk")
    page.get_by_role("button", name="Đã trả kết quả").click()
    expect(page.locator("#dossier-state")).to_have_text("Đã trả kết quả")
    expect(page.locator("#timeline")).to_contain_text("15/GCN-HKD")

    dossier.refresh_from_db()
    assert dossier.state == State.RETURNED and dossier.result_number == "15/GCN-HKD"
    assert [step.late for step in dossier.steps.order_by("number")] == [False, False, False, False]
