"""The staff dashboard (/office/reports/): leaders and monitors see their subtree's figures, every number
links to the list of its dossiers, the charts' data is the report's, exports are the command's; other roles
get 403 and anonymous visitors the login page; bad input is a Vietnamese message, never a 500."""

import json
import re
from datetime import date
from html import unescape

import pytest
from django.urls import reverse

from motcua.reports.exports import export
from motcua.reports.selectors import FIGURES, dossiers_behind, settlement
from tests.reports.dataset import MARCH, build

pytestmark = pytest.mark.django_db
DASHBOARD = "/office/reports/"
MARCH_QUERY = {"agency": "000.00.00.H34", "from": "2026-03-01", "to": "2026-03-31"}


@pytest.fixture
def dataset(frozen_clock):
    return build(frozen_clock)


def links(html: str, figure: str) -> list[str]:
    return [unescape(href) for href in re.findall(rf'href="([^"]+)" data-figure="{re.escape(figure)}"', html)]


def test_the_url_is_named_dashboard(dataset):
    assert reverse("reports:dashboard") == DASHBOARD


def test_anonymous_visitors_are_sent_to_the_login(client, dataset):
    response = client.get(DASHBOARD)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_roles_without_statistics_get_403(client, dataset):
    for user in (dataset.world.desk, dataset.world.specialist, dataset.world.clerk):
        client.force_login(user)
        assert client.get(DASHBOARD).status_code == 403
        assert (
            client.get("/office/reports/dossiers/", MARCH_QUERY | {"figure": "received.total"}).status_code
            == 403
        )
        assert client.get("/office/reports/export/", MARCH_QUERY | {"format": "json"}).status_code == 403


def test_the_office_menu_leads_to_the_statistics_only_those_who_may_see_them(client, dataset):
    client.force_login(dataset.world.desk)
    home = client.get("/office/").content.decode()
    assert DASHBOARD not in home and "/office/service-index/" not in home
    client.force_login(dataset.world.leader)
    home = client.get("/office/").content.decode()
    assert f'href="{DASHBOARD}"' in home and 'href="/office/service-index/"' in home


def test_a_ward_leader_may_not_see_the_province(client, dataset):
    client.force_login(dataset.world.leader)  # leader of the ward
    assert client.get(DASHBOARD, MARCH_QUERY).status_code == 403
    response = client.get(DASHBOARD, {**MARCH_QUERY, "agency": dataset.world.ward.code})
    assert response.status_code == 200
    agencies = re.findall(r'<option value="([^"]+)"', response.content.decode())
    assert dataset.world.province.code not in agencies and dataset.world.ward.code in agencies


def test_a_monitor_sees_the_province_and_every_number_opens_its_dossiers(client, dataset):
    client.force_login(dataset.world.monitor)
    response = client.get(DASHBOARD, MARCH_QUERY)
    assert response.status_code == 200
    html = response.content.decode()
    report = settlement(dataset.world.province, *MARCH, by="agency")
    # The total row and one row per agency, each number a link; every link lists that many dossiers.
    for figure in FIGURES:
        if figure.startswith("evaluations."):
            continue
        found = links(html, figure)
        assert len(found) == len(report.rows) + 2, figure  # rows, total, and the months table's one row
    total_links = re.search(r'id="report-total">(.*?)</tr>', html, re.S).group(1)
    for href in re.findall(r'href="([^"]+)" data-figure', total_links):
        listed = client.get(unescape(href))
        assert listed.status_code == 200
        count = int(re.search(r'id="drill-count">(\d+)<', listed.content.decode()).group(1))
        figure = re.search(r"figure=([a-z_.]+)", unescape(href)).group(1)
        assert count == report.total.value(figure)
        assert listed.content.decode().count("/office/dossiers/") == count


def test_a_rows_number_lists_that_rows_dossiers(client, dataset):
    world = dataset.world
    client.force_login(world.monitor)
    query = {**MARCH_QUERY, "figure": "in_progress.overdue", "by": "agency", "key": world.department.code}
    response = client.get("/office/reports/dossiers/", query)
    assert response.status_code == 200
    html = response.content.decode()
    expected = dossiers_behind(
        world.province, *MARCH, "in_progress.overdue", by="agency", key=world.department.code
    )
    assert [dossier.code for dossier in expected] == [dataset.dossiers["dept_overdue"].code]
    assert f'href="/office/dossiers/{dataset.dossiers["dept_overdue"].pk}/"' in html
    assert dataset.dossiers["postal_overdue"].code not in html


def test_the_charts_are_drawn_from_the_report(client, dataset):
    client.force_login(dataset.world.monitor)
    html = client.get(DASHBOARD, MARCH_QUERY).content.decode()
    charts = json.loads(
        re.search(r'<script id="report-charts" type="application/json">(.*?)</script>', html, re.S).group(1)
    )
    total = settlement(dataset.world.province, *MARCH).total
    assert (
        charts["online"]["online"] == total.online
        and charts["online"]["direct_postal"] == total.direct_postal
    )
    assert charts["months"]["labels"] == ["03/2026"]  # February's carried-over dossiers are not in the trend
    assert charts["months"]["received"] == [total.online + total.direct_postal]
    # Department 100 %, ward 4 of 6 = 66.67 %, as in the ranking.
    assert charts["agencies"] == {"labels": ["Sở Tư pháp", "Phường Nha Trang"], "rates": [100.0, 66.67]}
    assert 'id="chart-trend"' in html and "chart.umd.min.js" in html


def test_the_period_pickers(client, dataset, frozen_clock):
    from tests.factories.dossiers import vn

    frozen_clock.set(vn(2026, 5, 20, 10))
    client.force_login(dataset.world.monitor)
    for period, first in (("month", "2026-05-01"), ("quarter", "2026-04-01"), ("year", "2026-01-01")):
        response = client.get(DASHBOARD, {"agency": "000.00.00.H34", "period": period})
        assert response.status_code == 200
        html = response.content.decode()
        assert f'name="from" value="{first}"' in html and 'name="to" value="2026-05-20"' in html
    year = client.get(DASHBOARD, {"period": "year"}).content.decode()
    report = settlement(dataset.world.province, date(2026, 1, 1), date(2026, 5, 20), now=vn(2026, 5, 20, 10))
    assert f'data-figure="received.total">{report.total.received}<' in year


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"period": "custom", "from": "2026-02-30", "to": "2026-03-31"}, "không phải là ngày"),
        ({"period": "custom", "from": "31/03/2026", "to": "2026-03-31"}, "không phải là ngày"),
        ({"period": "custom", "from": "2026-03-31", "to": "2026-03-01"}, "trước khi bắt đầu"),
        ({"period": "custom", "to": "2026-03-01"}, "Cần có ngày"),
        ({"period": "decade"}, "Khoảng thời gian"),
        ({"period": "custom", "from": "2026-03-01", "to": "9999-12-31"}, "phải từ 1976-01-01"),
        ({"period": "custom", "from": "0001-01-01", "to": "2026-03-31"}, "phải từ 1976-01-01"),
        ({"agency": "no-such-agency"}, "Không có cơ quan"),
    ],
)
def test_bad_input_is_explained_in_vietnamese(client, dataset, query, message):
    client.force_login(dataset.world.monitor)
    response = client.get(DASHBOARD, query)
    assert response.status_code == 400
    assert message in response.content.decode()
    drill = client.get("/office/reports/dossiers/", {**query, "figure": "received.total"})
    assert drill.status_code == 400 and message in drill.content.decode()


def test_a_bad_figure_or_row_is_explained(client, dataset):
    client.force_login(dataset.world.monitor)
    response = client.get("/office/reports/dossiers/", {**MARCH_QUERY, "figure": "received.all"})
    assert response.status_code == 400 and "received.all" in response.content.decode()
    response = client.get(
        "/office/reports/dossiers/", {**MARCH_QUERY, "figure": "received.total", "by": "month", "key": "x"}
    )
    assert response.status_code == 400


def test_the_exports_are_the_commands_files(client, dataset):
    client.force_login(dataset.world.monitor)
    html = client.get(DASHBOARD, MARCH_QUERY).content.decode()
    hrefs = [unescape(href) for href in re.findall(r'href="(/office/reports/export/\?[^"]+)"', html)]
    assert len(hrefs) == 3
    for href in hrefs:
        response = client.get(href)
        assert response.status_code == 200
        fmt = re.search(r"format=(\w+)", href).group(1)
        expected = export(dataset.world.province, *MARCH, "agency", fmt)
        assert response["Content-Type"] == expected.content_type
        assert expected.filename in response["Content-Disposition"]
        if fmt == "json":
            assert json.loads(response.content) == json.loads(expected.content)
        else:
            assert response.content[:4] == expected.content[:4]


def test_the_navigation_links_the_dashboard_for_leaders_and_monitors_only(client, dataset):
    client.force_login(dataset.world.monitor)
    assert f'href="{DASHBOARD}"' in client.get("/office/").content.decode()
    client.force_login(dataset.world.desk)
    assert f'href="{DASHBOARD}"' not in client.get("/office/").content.decode()
