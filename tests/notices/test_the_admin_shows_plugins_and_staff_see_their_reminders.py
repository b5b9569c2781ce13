"""The admin's overview of delivery plugins shows each plugin's configuration check; staff screens show the
signed-in official's reminders as a badge (`{% reminder_badge %}` in the navigation)."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from motcua.org.models import Role
from tests.factories.dossiers import at_step, make_world, received, vn

pytestmark = pytest.mark.django_db


def test_the_plugins_page_checks_each_channel(admin_client, settings, standin):
    settings.MOTCUA_NATIONAL_PORTAL_URL = ""
    page = admin_client.get(reverse("admin:notices_message_plugins")).content.decode()
    assert "Các kênh gửi và cấu hình của chúng" in page
    assert "Thư điện tử (qua bộ gửi thư của Django)" in page
    assert "Cổng ghi nhật ký lưu SMS vào bảng; không tin nào đến điện thoại." in page
    assert "Đang tắt: MOTCUA_NATIONAL_PORTAL_URL để trống, không đồng bộ gì." in page
    assert "0 đăng ký nhận đang hoạt động." in page
    settings.MOTCUA_NATIONAL_PORTAL_URL = standin.url
    page = admin_client.get(reverse("admin:notices_message_plugins")).content.decode()
    assert f"Cổng 127.0.0.1:{standin.url.split(':')[2].split('/')[0]} có trả lời." in page
    listing = admin_client.get(reverse("admin:notices_message_changelist")).content.decode()
    assert reverse("admin:notices_message_plugins") in listing and "Các kênh gửi" in listing


def test_the_portal_check_says_when_it_does_not_answer(admin_client, settings):
    settings.MOTCUA_NATIONAL_PORTAL_URL = "http://127.0.0.1:9/dvcqg"  # the discard port: nobody listens
    page = admin_client.get(reverse("admin:notices_message_plugins")).content.decode()
    assert "Cổng 127.0.0.1:9 không trả lời: ConnectionRefusedError" in page


def render_badge(user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return Template("{% load notices_tags %}{% reminder_badge %}").render(Context({"request": request}))


def test_the_badge_counts_what_the_official_must_act_on(frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    at_step(world, frozen_clock, dossier, Role.SPECIALIST)  # appraisal due Tue 03/03 16:00
    frozen_clock.set(vn(2026, 3, 3, 8))
    badge = render_badge(world.specialist)
    assert "Nhắc việc" in badge and '<span class="badge text-bg-warning">1</span>' in badge
    assert "Đến hạn hôm nay (1)" in badge and dossier.code in badge
    assert render_badge(world.clerk).strip() == ""  # nothing to do: no badge


def test_the_navigation_carries_the_badge():
    from pathlib import Path

    import motcua

    base = (Path(motcua.__file__).parent / "templates" / "base.html").read_text()
    assert "{% load notices_tags %}{% reminder_badge %}" in base
