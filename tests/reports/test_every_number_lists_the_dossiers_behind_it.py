"""The drill-down: for every number of the settlement report, `dossiers_behind` lists exactly the dossiers
the number counts (same query, same conditions), for the total and for every row of every breakdown."""

from datetime import date

import pytest

from motcua.reports.selectors import BREAKDOWNS, FIGURES, dossiers_behind, settlement
from tests.factories.dossiers import vn
from tests.reports.dataset import MARCH, build, ratings_installed

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(frozen_clock):
    return build(frozen_clock)


def test_every_figure_of_the_total_is_the_count_of_its_dossiers(dataset):
    world = dataset.world
    for agency in (world.province, world.ward, world.department):
        report = settlement(agency, *MARCH)
        for figure in FIGURES:
            behind = dossiers_behind(agency, *MARCH, figure)
            assert behind.count() == report.total.value(figure), (agency.code, figure)


def test_the_dossiers_are_the_ones_the_definitions_name(dataset):
    made, province = dataset.dossiers, dataset.world.province

    def codes(figure):
        return set(dossiers_behind(province, *MARCH, figure).values_list("code", flat=True))

    def named(*names):
        return {made[name].code for name in names}

    assert codes("received.carried_over") == named("carried_open", "carried_late")
    assert codes("received.online") == named("early", "online_open")
    assert codes("resolved.early") == named("early", "stopped", "dept_early")
    assert codes("resolved.on_time") == named("on_time", "withdrawn")
    assert codes("resolved.late") == named("carried_late", "late_same_day")
    assert codes("in_progress.within_time") == named("paused", "finished_after", "online_open")
    assert codes("in_progress.overdue") == named("carried_open", "postal_overdue", "dept_overdue")
    if ratings_installed():
        assert codes("evaluations.evaluated") == named("early", "on_time", "online_open")
        assert codes("evaluations.satisfied") == named("early", "online_open")


@pytest.mark.parametrize("by", BREAKDOWNS)
def test_every_figure_of_every_row_is_the_count_of_its_dossiers(dataset, by):
    province = dataset.world.province
    report = settlement(province, *MARCH, by=by)
    assert report.rows
    for row in report.rows:
        for figure in FIGURES:
            behind = dossiers_behind(province, *MARCH, figure, by=by, key=row.key)
            assert behind.count() == row.figures.value(figure), (by, row.key, figure)


def test_a_period_not_over_yet_is_judged_now_in_both(dataset):
    """April to June read on 10/04: open dossiers are overdue by now, not by 30/06."""
    ward, now = dataset.world.ward, vn(2026, 4, 10, 9)
    period = (date(2026, 4, 1), date(2026, 6, 30))
    report = settlement(ward, *period, now=now)
    assert report.total.overdue > 0
    for figure in FIGURES:
        assert dossiers_behind(ward, *period, figure, now=now).count() == report.total.value(figure), figure


def test_an_unknown_figure_breakdown_or_month_is_refused(dataset):
    province = dataset.world.province
    with pytest.raises(ValueError):
        dossiers_behind(province, *MARCH, "received.everything")
    with pytest.raises(ValueError):
        dossiers_behind(province, *MARCH, "resolved.late", by="colour", key="red")
    with pytest.raises(ValueError):
        dossiers_behind(province, *MARCH, "resolved.late", by="month", key="2026-13")
    with pytest.raises(ValueError):
        dossiers_behind(province, date(2026, 3, 31), date(2026, 3, 1), "resolved.late")
