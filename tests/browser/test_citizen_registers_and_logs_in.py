"""A citizen's account in Debian's Chromium: register with an e-mail address, confirm it through the link the
outbox wrote, log in, see "my dossiers"; then log in with VNeID through a local OpenID provider. axe-core
checks the register, login and account pages: no serious or critical accessibility violation."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from motcua.citizens.models import Citizen, IdentitySource
from motcua.citizens.oidc import client as oidc_client
from motcua.dossiers import services
from motcua.dossiers.lifecycle import Channel
from motcua.notices.models import Message
from tests.citizens.oidc_provider import CLIENT_ID, CLIENT_SECRET, LocalProvider
from tests.factories.dossiers import intake, make_world

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
PASSWORD = "Hoa-sen-2025!"


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]


@pytest.fixture
def provider(settings):
    provider = LocalProvider().start()
    settings.MOTCUA_OIDC_ISSUER = provider.issuer
    settings.MOTCUA_OIDC_CLIENT_ID = CLIENT_ID
    settings.MOTCUA_OIDC_CLIENT_SECRET = CLIENT_SECRET
    settings.MOTCUA_OIDC_SCOPES = "openid profile email phone"
    oidc_client.forget_cache()
    yield provider
    provider.stop()
    oidc_client.forget_cache()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_citizen_registers_confirms_the_email_logs_in_and_sees_the_dossiers(
    page, live_server, settings, provider
):
    settings.MOTCUA_PUBLIC_URL = live_server.url
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Đăng nhập", exact=True).click()
    page.get_by_role("link", name="Đăng ký", exact=True).click()
    expect(page.get_by_role("heading", name="Tạo tài khoản công dân")).to_be_visible()
    assert serious_violations(page) == []

    page.get_by_label("Họ và tên").fill("Lê Thị Mai")
    page.get_by_label("Địa chỉ thư điện tử hoặc số điện thoại di động").fill("mai.le@example.com")
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_label("Nhập lại mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Tạo tài khoản").click()
    expect(page.get_by_role("heading", name="Tài khoản của tôi", level=1)).to_be_visible()
    expect(page.get_by_text("chưa xác nhận")).to_be_visible()
    assert serious_violations(page) == []

    # An online dossier of hers, filed before she looks at "my dossiers".
    citizen = Citizen.objects.get(email="mai.le@example.com")
    world = make_world()
    dossier = services.submit(intake(world, channel=Channel.ONLINE, name="Lê Thị Mai"), citizen.user)

    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_text("Bạn đã đăng xuất.")).to_be_visible()

    mail = Message.objects.filter(channel="email", recipient="mai.le@example.com").latest("pk")
    link = re.search(r"https?://\S+", mail.body).group(0)
    assert link.startswith(live_server.url + "/citizen/verify-email/")
    page.goto(link)
    expect(
        page.get_by_text("Địa chỉ thư điện tử mai.le@example.com của bạn đã được xác nhận.")
    ).to_be_visible()

    page.get_by_role("link", name="Đăng nhập", exact=True).first.click()
    expect(page.get_by_role("heading", name="Đăng nhập tài khoản công dân")).to_be_visible()
    expect(page.get_by_role("link", name="Đăng nhập bằng VNeID")).to_be_visible()
    assert serious_violations(page) == []
    page.get_by_label("Địa chỉ thư điện tử hoặc số điện thoại di động").fill("Mai.Le@example.com")
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập", exact=True).click()
    expect(page.get_by_role("heading", name="Tài khoản của tôi", level=1)).to_be_visible()
    expect(page.get_by_text("đã xác nhận", exact=True)).to_be_visible()

    page.get_by_role("link", name="Hồ sơ của tôi").click()
    expect(page.get_by_role("heading", name="Hồ sơ của tôi", level=1)).to_be_visible()
    row = page.get_by_role("row").filter(has_text=dossier.code)
    expect(row).to_contain_text("Đăng ký thành lập hộ kinh doanh")
    assert serious_violations(page) == []
    row.get_by_role("link", name=dossier.code).click()
    expect(page).to_have_url(re.compile(rf"/citizen/dossiers/{dossier.code}/$"))
    expect(page.get_by_role("heading", name=f"Hồ sơ {dossier.code}", level=1)).to_be_visible()
    assert serious_violations(page) == []

    # VNeID: out, then in through the provider (which consents at once and sends the browser back).
    page.goto(live_server.url + "/citizen/account/")
    page.get_by_role("button", name="Đăng xuất").click()
    page.goto(live_server.url + "/citizen/login/")
    page.get_by_role("link", name="Đăng nhập bằng VNeID").click()
    expect(page.get_by_text("Bạn đã đăng nhập bằng VNeID.")).to_be_visible()
    expect(page.get_by_text("đã liên kết: danh tính của bạn đã được xác thực bằng VNeID")).to_be_visible()
    assert page.url.startswith(live_server.url + "/citizen/account/")
    linked = Citizen.objects.get(vneid_subject=provider.subject)
    assert linked.identity_source == IdentitySource.VNEID
    assert linked.full_name == "Nguyễn Thị Hoa"
