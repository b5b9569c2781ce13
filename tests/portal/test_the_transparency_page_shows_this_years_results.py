"""/minh-bach/<agency code>/: no login, this year's on-time rate, online share and satisfaction of an agency
and its units with the counts behind them, from the settlement report; read again at most once a minute."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache

from motcua.dossiers import services
from motcua.reports.selectors import settlement
from tests.factories.dossiers import intake
from tests.reports.dataset import READ_AT, build, ratings_installed

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(frozen_clock):
    cache.clear()
    yield build(frozen_clock)
    cache.clear()


def test_this_years_figures_of_the_agency_and_its_units(client, dataset):
    province = dataset.world.province
    response = client.get(f"/minh-bach/{province.code}/")
    assert response.status_code == 200
    html = response.content.decode()
    total = settlement(province, date(2026, 1, 1), date(2026, 4, 10), now=READ_AT).total
    assert f'id="on-time-rate">{total.in_time_rate()}&nbsp;%' in html
    assert f'id="online-share">{total.online_share()}&nbsp;%' in html
    satisfied = total.evaluations.as_dict()["rates"]["satisfied"]
    assert f'id="satisfied-rate">{satisfied}&nbsp;%' in html
    resolved_in_time = total.early + total.on_time
    assert f"{resolved_in_time} trên tổng số {total.resolved} hồ sơ" in html
    assert f"{total.online} trên tổng số {total.online + total.direct_postal} hồ sơ" in html
    assert "cập nhật lúc 09:00" in html.lower()
    assert "Từ ngày 01/01/2026 đến ngày 10/04/2026" in html
    if ratings_installed():
        assert total.evaluations.evaluated > 0


def test_unknown_or_inactive_agencies_are_404(client, dataset):
    assert client.get("/minh-bach/000.99.99.H99/").status_code == 404
    dataset.world.department.is_active = False
    dataset.world.department.save()
    assert client.get(f"/minh-bach/{dataset.world.department.code}/").status_code == 404


def test_the_figures_are_read_again_after_a_minute(client, dataset, frozen_clock):
    world = dataset.world
    url = f"/minh-bach/{world.ward.code}/"
    before = settlement(world.ward, date(2026, 1, 1), date(2026, 4, 10), now=READ_AT).total
    first = client.get(url).content.decode()
    assert f'id="online-share">{before.online_share()}&nbsp;%' in first

    frozen_clock.set(READ_AT + timedelta(seconds=30))
    for _ in range(3):
        services.receive(services.submit(intake(world), world.desk), world.desk)
    assert "cập nhật lúc 09:00" in client.get(url).content.decode().lower()  # still the cached figures
    assert f'id="online-share">{before.online_share()}&nbsp;%' in client.get(url).content.decode()

    frozen_clock.set(READ_AT + timedelta(seconds=61))
    after = settlement(world.ward, date(2026, 1, 1), date(2026, 4, 10), now=frozen_clock.instant).total
    assert after.online_share() != before.online_share()
    fresh = client.get(url).content.decode()
    assert (
        f'id="online-share">{after.online_share()}&nbsp;%' in fresh and "cập nhật lúc 09:01" in fresh.lower()
    )


def test_a_procedure_page_links_the_results_of_the_agencies_that_receive_it(client, dataset):
    version = dataset.world.version
    html = client.get(f"/procedures/{version.procedure.code}/").content.decode()
    assert f'href="/minh-bach/{dataset.world.ward.code}/"' in html
