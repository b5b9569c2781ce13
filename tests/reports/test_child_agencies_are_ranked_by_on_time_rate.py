"""The ranking of the agencies below an agency: (early + on time) % of resolved, from the report's rows;
equal rates ordered by more resolved, then name; agencies without dossiers last."""

from datetime import date

import pytest

from motcua.reports.selectors import ranking, settlement
from tests.factories.org import AgencyFactory
from tests.reports.dataset import MARCH, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(frozen_clock):
    return build(frozen_clock)


def test_the_best_on_time_rate_comes_first(dataset):
    world = dataset.world
    ranked = ranking(world.province, *MARCH)
    # Department: 1 resolved early (100.00); ward: 2 early + 2 on time of 6 resolved (66.67).
    assert [(entry.position, entry.agency.code, entry.on_time_rate) for entry in ranked] == [
        (1, world.department.code, "100.00"),
        (2, world.ward.code, "66.67"),
    ]
    rows = {row.key: row.figures for row in settlement(world.province, *MARCH, by="agency").rows}
    for entry in ranked:
        assert entry.figures == rows[entry.agency.code]
        assert entry.in_time == entry.figures.early + entry.figures.on_time


def test_equal_rates_are_ordered_by_resolved_then_name_and_empty_agencies_last(dataset):
    world = dataset.world
    AgencyFactory(parent=world.province, code="000.40.00.H34", name="Ban Quản lý khu kinh tế")
    AgencyFactory(parent=world.province, code="000.41.00.H34", name="Ban Dân tộc")
    AgencyFactory(parent=world.province, code="000.42.00.H34", name="Ban cũ", is_active=False)
    # 10-11 March: the ward resolved 2 (stopped early, withdrawn on time), the department 1 (early): both
    # 100.00; the ward resolved more.
    ranked = ranking(world.province, date(2026, 3, 10), date(2026, 3, 11))
    assert [(entry.agency.code, entry.on_time_rate, entry.figures.resolved) for entry in ranked] == [
        (world.ward.code, "100.00", 2),
        (world.department.code, "100.00", 1),
        ("000.41.00.H34", "0.00", 0),  # "Ban Dân tộc" before "Ban Quản lý..." by name
        ("000.40.00.H34", "0.00", 0),
    ]
    assert [entry.position for entry in ranked] == [1, 2, 3, 4]


def test_an_agency_without_children_ranks_nothing(dataset):
    assert ranking(dataset.world.ward, *MARCH) == []
