"""A provincial monitor's journey in Debian's Chromium: log in, open the statistics from the navigation, pick
March 2026, see the charts drawn, click the number of dossiers resolved and land on the list of exactly those
dossiers. Then a citizen, on a phone, reads the province's public results page. axe-core finds no serious or
critical accessibility violation on the way."""

from pathlib import Path

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from motcua.reports.selectors import settlement
from tests.reports.dataset import MARCH, build

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_monitor_opens_the_dossiers_behind_a_number(page, live_server, frozen_clock):
    dataset = build(frozen_clock)
    report = settlement(dataset.world.province, *MARCH)

    page.goto(f"{live_server.url}/office/")
    page.get_by_label("Tên đăng nhập").fill(dataset.world.monitor.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Thống kê", exact=True).click()
    expect(
        page.get_by_role("heading", name="Thống kê giải quyết thủ tục hành chính", level=1)
    ).to_be_visible()

    page.get_by_label("Kỳ báo cáo", exact=True).select_option("custom")
    page.get_by_label("Từ ngày (khoảng tùy chọn)").fill("2026-03-01")
    page.get_by_label("Đến ngày", exact=True).fill("2026-03-31")
    page.get_by_role("button", name="Xem", exact=True).click()
    expect(page.get_by_text("từ ngày 01/03/2026 đến ngày 31/03/2026")).to_be_visible()

    for chart in ("chart-trend", "chart-agencies", "chart-online"):
        page.wait_for_function(f"() => window.Chart && Chart.getChart('{chart}') !== undefined")
        assert page.locator(f"#{chart}").bounding_box()["height"] > 50
    assert serious_violations(page) == []

    resolved = page.locator('#report-total a[data-figure="resolved.total"]')
    expect(resolved).to_have_text(str(report.total.resolved))
    resolved.click()
    expect(page.locator("#drill-count")).to_have_text(str(report.total.resolved))
    expect(page.locator("#drill-list tbody tr")).to_have_count(report.total.resolved)
    assert serious_violations(page) == []

    page.locator("#drill-list tbody tr a").first.click()
    page.wait_for_url("**/office/dossiers/*/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_citizen_reads_the_provinces_results_on_a_phone(page, live_server, frozen_clock):
    cache.clear()
    dataset = build(frozen_clock)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/minh-bach/{dataset.world.province.code}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ủy ban nhân dân tỉnh Khánh Hòa")
    expect(page.get_by_role("region", name="Giải quyết trước hạn, đúng hạn")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Cập nhật lúc 09:00")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert serious_violations(page) == []
    cache.clear()
