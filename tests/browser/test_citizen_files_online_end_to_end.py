"""A citizen's whole online journey in Debian's Chromium: finds "Đăng ký khai sinh" by typing "dang ky khai
sinh", registers and confirms the e-mail through the outbox's link, submits online in four steps with two
documents, pays the fees in the sandbox bank, is asked for a supplement by the specialist and supplements
online, and once the result is issued and returned online downloads the electronic result and rates the
service. The staff's side goes through the dossier services. axe-core checks every public page on the way:
no serious or critical accessibility violation."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from motcua.citizens.models import Citizen
from motcua.dossiers import services
from motcua.dossiers.lifecycle import Channel, State
from motcua.dossiers.models import Dossier
from motcua.notices.models import Message
from motcua.org.models import Role
from motcua.payments.models import Payment
from motcua.payments.models import Status as PaymentStatus
from motcua.ratings.models import Channel as RatingChannel
from motcua.ratings.models import Rating
from tests.factories.dossiers import PDF, at_step, make_world, pdf, vn

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
PASSWORD = "Hoa-sen-2025!"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]


def accessible(page) -> None:
    assert serious_violations(page) == [], page.url


def find_the_procedure(page, live_server) -> None:
    page.goto(live_server.url + "/")
    page.get_by_label("Tên hoặc mã thủ tục").fill("dang ky khai sinh")
    page.get_by_role("button", name="Tìm kiếm").click()
    accessible(page)
    page.get_by_role("link", name="Đăng ký khai sinh", exact=True).click()
    expect(page.get_by_role("heading", name="Đăng ký khai sinh", level=1)).to_be_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_citizen_files_online_pays_supplements_downloads_the_result_and_rates(
    page, live_server, settings, frozen_clock
):
    settings.MOTCUA_PUBLIC_URL = live_server.url
    settings.MOTCUA_PAYMENT_SANDBOX = True
    settings.MOTCUA_PAYMENT_GATEWAY = "sandbox"
    frozen_clock.set(vn(2026, 3, 2, 8, 30))
    world = make_world()
    world.version.name = "Đăng ký khai sinh"
    world.version.save()
    first, second = world.version.documents.all()

    # --- finds the procedure without diacritics, and is asked to log in to submit online ---------------
    find_the_procedure(page, live_server)
    accessible(page)
    page.get_by_role("link", name="Nộp trực tuyến").click()
    expect(page.get_by_role("heading", name="Đăng nhập tài khoản công dân")).to_be_visible()
    accessible(page)

    # --- registers, confirms the e-mail through the link the outbox wrote ---------------------------------
    page.get_by_role("link", name="Đăng ký", exact=True).click()
    page.get_by_label("Họ và tên").fill("Lê Thị Mai")
    page.get_by_label("Địa chỉ thư điện tử hoặc số điện thoại di động").fill("mai.le@example.com")
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_label("Nhập lại mật khẩu", exact=True).fill(PASSWORD)
    accessible(page)
    page.get_by_role("button", name="Tạo tài khoản").click()
    expect(page.get_by_role("heading", name="Tài khoản của tôi", level=1)).to_be_visible()
    mail = Message.objects.filter(channel="email", recipient="mai.le@example.com").latest("pk")
    page.goto(re.search(r"https?://\S+", mail.body).group(0))
    expect(page.get_by_text("mai.le@example.com của bạn đã được xác nhận")).to_be_visible()
    accessible(page)

    # --- submits online in four steps -------------------------------------------------------------------
    find_the_procedure(page, live_server)
    page.get_by_role("link", name="Nộp trực tuyến").click()
    expect(page.get_by_role("heading", name="Nộp trực tuyến", level=1)).to_be_visible()
    accessible(page)
    page.get_by_role("button", name="Bắt đầu").click()

    expect(page.get_by_role("heading", name="1. Người nộp và nơi nộp hồ sơ")).to_be_visible()
    expect(page.get_by_label("Họ và tên người nộp hồ sơ")).to_have_value("Lê Thị Mai")  # from the account
    page.get_by_label("Cơ quan nộp hồ sơ").select_option(label="Phường Nha Trang")
    page.get_by_label("Số định danh cá nhân (CCCD)").fill("056190001234")
    page.get_by_label("Ngày sinh").fill("05/09/1990")
    page.get_by_label("Địa chỉ").fill("12 Trần Phú, Phường Nha Trang, Khánh Hòa")
    page.get_by_label("Số điện thoại di động").fill("0912345678")
    accessible(page)
    page.get_by_role("button", name="Lưu và tiếp tục").click()

    expect(page.get_by_role("heading", name="2. Thành phần hồ sơ")).to_be_visible()
    page.get_by_label(f"Tải tệp lên: {first.name}").set_input_files(
        {"name": "to-khai.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_label(f"Tải tệp lên: {second.name}").set_input_files(
        {"name": "cccd.png", "mimeType": "image/png", "buffer": PNG}
    )
    accessible(page)
    page.get_by_role("button", name="Lưu và tiếp tục").click()

    expect(page.get_by_role("heading", name="3. Cách nhận kết quả")).to_be_visible()
    page.get_by_role("radio", name="Trực tuyến").check()
    accessible(page)
    page.get_by_role("button", name="Lưu và tiếp tục").click()

    expect(page.get_by_role("heading", name="4. Kiểm tra và nộp hồ sơ")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("to-khai.pdf")
    expect(page.get_by_role("main")).to_contain_text("cccd.png")
    accessible(page)
    page.get_by_role("button", name="Nộp hồ sơ").click()

    expect(page.get_by_role("heading", name="Đã nộp hồ sơ", level=1)).to_be_visible()
    dossier = Dossier.objects.get()
    expect(page.get_by_role("main")).to_contain_text(dossier.code)
    expect(page.get_by_role("main")).to_contain_text(dossier.lookup_secret)
    accessible(page)
    citizen = Citizen.objects.get(email="mai.le@example.com")
    assert (dossier.state, dossier.channel, dossier.submitted_by) == (
        State.SUBMITTED,
        Channel.ONLINE,
        citizen.user,
    )
    assert dossier.documents.count() == 2 and dossier.delivery_choice == "online"

    # --- the desk receives; the specialist asks for the fees, paid in the sandbox bank --------------------
    frozen_clock.set(vn(2026, 3, 2, 9))
    dossier = services.receive(dossier, world.desk)
    dossier = at_step(world, frozen_clock, dossier, Role.SPECIALIST)
    frozen_clock.advance(timedelta(minutes=30))
    services.request_payment(dossier, world.specialist)

    page.get_by_role("link", name="Xem hồ sơ của tôi").click()
    expect(page.get_by_role("heading", name=f"Hồ sơ {dossier.code}", level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Đã tiếp nhận")
    expect(
        page.get_by_role("link", name=re.compile("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"))
    ).to_be_visible()
    accessible(page)
    page.get_by_role("button", name="Thanh toán phí trực tuyến").click()
    expect(page.get_by_role("heading", name="Ngân hàng thử nghiệm", level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("100.000 đ")
    accessible(page)
    page.get_by_role("button", name="Thanh toán", exact=True).click()
    expect(page.get_by_role("heading", name=f"Hồ sơ {dossier.code}", level=1)).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Đã nhận được khoản thanh toán")).to_be_visible()
    assert Payment.objects.get().status == PaymentStatus.PAID
    dossier.refresh_from_db()
    assert dossier.state == State.PROCESSING

    # --- the specialist asks for one more document; the citizen supplements online ----------------------
    frozen_clock.advance(timedelta(hours=1))
    services.request_supplement(
        dossier, world.specialist, missing=["Giấy chứng sinh"], reason="Thiếu giấy chứng sinh của trẻ"
    )
    page.reload()
    expect(page.get_by_role("heading", name="Bổ sung hồ sơ trực tuyến")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Thiếu giấy chứng sinh của trẻ")
    accessible(page)
    page.get_by_label("Giấy chứng sinh").set_input_files(
        {"name": "giay-chung-sinh.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Gửi giấy tờ bổ sung").click()
    expect(page.get_by_role("status").filter(has_text="Đã gửi giấy tờ bổ sung")).to_be_visible()
    expect(page.get_by_role("heading", name="Bổ sung hồ sơ trực tuyến")).to_have_count(0)
    accessible(page)
    dossier.refresh_from_db()
    assert dossier.state == State.PROCESSING
    assert dossier.events.get(action="supplement").actor == citizen.user

    # --- the back office finishes, the desk returns the result online --------------------------------------
    frozen_clock.advance(timedelta(hours=1))
    dossier = at_step(world, frozen_clock, dossier, Role.LEADER)
    frozen_clock.advance(timedelta(hours=1))
    dossier = services.finish(
        dossier, world.leader, result_number="15/KS", result_upload=pdf("giay-khai-sinh.pdf")
    )
    dossier = services.return_result(dossier, world.desk, method="online")

    page.reload()
    expect(page.get_by_role("main")).to_contain_text("Đã trả kết quả (Trực tuyến)")
    accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải kết quả điện tử").click()
    download = download_info.value
    assert download.suggested_filename == "giay-khai-sinh.pdf"
    assert Path(download.path()).read_bytes() == PDF

    # --- and rates the service online ---------------------------------------------------------------------
    page.get_by_role("link", name="Đánh giá việc giải quyết").click()
    expect(page.get_by_role("heading", name="Đánh giá việc giải quyết hồ sơ", level=1)).to_be_visible()
    accessible(page)
    for name in (
        "contacts",
        "agencies_contacted",
        "one_stop",
        "publicity",
        "attitude",
        "feedback",
        "online_services",
    ):
        page.locator(f"fieldset:has(input[name='{name}']) label").first.click()
    page.get_by_text("Rất hài lòng").click()
    page.get_by_role("button", name="Gửi đánh giá").click()
    expect(page.get_by_role("heading", name="Cảm ơn ông/bà đã đánh giá", level=1)).to_be_visible()
    accessible(page)
    rating = Rating.objects.get(dossier=dossier)
    assert (rating.channel, rating.overall) == (RatingChannel.ONLINE, "very_satisfied")
