"""A newcomer's first journey: the front page in Vietnamese, the login form, a demo desk officer's home."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from motcua.demo import province


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_demo_desk_officer_logs_in_and_sees_agency_and_role(page, live_server):
    call_command("demo-data", stdout=StringIO())

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Hệ thống một cửa MotCua")).to_be_visible()

    page.get_by_role("banner").get_by_role("link", name="Đăng nhập cán bộ").click()
    page.get_by_label("Tên đăng nhập").fill("tn.trungtam")
    page.get_by_label("Mật khẩu").fill(province.DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    expect(page.get_by_role("heading", name="Cơ quan và vai trò của tôi")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa")
    expect(row).to_contain_text(province.CENTRE_CODE)
    expect(row).to_contain_text("Cán bộ tiếp nhận và trả kết quả")
