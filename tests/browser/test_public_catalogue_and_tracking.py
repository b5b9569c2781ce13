"""A citizen's journey on the public portal, in Debian's Chromium: find the birth registration by typing
without diacritics, read what to bring and how long it takes, then track a dossier with the receipt's codes.
axe-core checks every page on the way: no serious or critical accessibility violation."""

import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from motcua.catalog.selectors import current_version
from motcua.dossiers import services
from motcua.dossiers.lifecycle import Channel
from motcua.org.models import Agency

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
WARD = "000.01.00.H34"  # Ủy ban nhân dân phường Nha Trang


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the page, as readable lines."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]


def birth_registration_dossier():
    """A birth registration received at the ward's desk, as a desk officer of the demo does it."""
    from django.contrib.auth import get_user_model

    desk = get_user_model().objects.get(username="tn.phuongnhatrang")
    ward = Agency.objects.get(code=WARD)
    applicant = services.Applicant(
        name="Nguyễn Văn An", id_number="056090001234", phone="0905123456", address="12 Trần Phú, Nha Trang"
    )
    intake = services.Intake(current_version("1.001193"), ward, Channel.DIRECT, applicant)
    return services.receive(services.submit(intake, desk), desk)


def decoded_qr(page, locator, tmp_path) -> str | None:
    """The text of the QR code shown by `locator`, decoded by zbarimg from a screenshot (None without it)."""
    if not shutil.which("zbarimg"):
        return None
    picture = tmp_path / "qr.png"
    locator.screenshot(path=str(picture))
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(picture)], capture_output=True, text=True, check=False
    )
    return result.stdout.strip()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_citizen_finds_the_birth_registration_and_tracks_a_dossier(page, live_server, settings, tmp_path):
    call_command("demo-data", stdout=StringIO())
    settings.MOTCUA_PUBLIC_URL = live_server.url
    dossier = birth_registration_dossier()

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Hệ thống một cửa MotCua")).to_be_visible()
    assert serious_violations(page) == []

    page.get_by_label("Tên hoặc mã thủ tục").fill("dang ky khai sinh")
    page.get_by_role("button", name="Tìm kiếm").click()
    expect(page.get_by_role("heading", name="Thủ tục hành chính", level=1)).to_be_visible()
    result = page.get_by_role("link", name="Thủ tục đăng ký khai sinh", exact=True)
    expect(result).to_be_visible()
    assert serious_violations(page) == []

    result.click()
    expect(page.get_by_role("heading", name="Thủ tục đăng ký khai sinh", level=1)).to_be_visible()
    documents = page.get_by_role("table", name="Thành phần hồ sơ")
    expect(documents).to_contain_text("Tờ khai đăng ký khai sinh theo mẫu")
    expect(documents).to_contain_text("Giấy chứng sinh")
    limits = page.get_by_role("region", name="Thời hạn giải quyết")
    expect(limits).to_contain_text("Thời hạn theo quy định")
    expect(limits).to_contain_text("Trong ngày làm việc nếu nộp hồ sơ trước 15:00")
    expect(page.get_by_role("region", name="Phí, lệ phí")).to_contain_text("0 đ")
    qr = page.get_by_role("img", name="Mã QR của trang này")
    expect(qr).to_be_visible()
    decoded = decoded_qr(page, qr, tmp_path)
    assert decoded in (None, f"{live_server.url}/procedures/1.001193/")
    assert serious_violations(page) == []

    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Tra cứu hồ sơ").click()
    page.get_by_label("Mã hồ sơ").fill(dossier.code)
    page.get_by_label("Mã tra cứu").fill(dossier.lookup_secret.lower())
    page.get_by_role("button", name="Tra cứu", exact=True).click()
    expect(page.get_by_role("heading", name=f"Hồ sơ {dossier.code}", level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("N.V.A.")
    expect(page.get_by_role("main")).to_contain_text("Thủ tục đăng ký khai sinh")
    expect(page.get_by_role("heading", name="Tình trạng: Đã tiếp nhận")).to_be_visible()
    expect(page.get_by_role("main")).not_to_contain_text("Nguyễn Văn An")
    expect(page.get_by_role("main")).not_to_contain_text("0905123456")
    assert serious_violations(page) == []

    page.goto(f"{live_server.url}/track/{dossier.code}/?secret=WRONG1")
    expect(page.get_by_role("heading", name="Không tìm thấy hồ sơ")).to_be_visible()
    assert serious_violations(page) == []
