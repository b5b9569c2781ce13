"""Indicator 2.1 is the settlement report's classification (not a second definition of it): on the reports'
own dataset (tests/reports/dataset.py: carried-over dossiers, a dossier paused at the end of the period, one
finished late on its due date, one finished after the period), its figures are the report's and its list of
lost points is exactly the report's late and overdue dossiers."""

from datetime import date

import pytest

from motcua.reports.selectors import settlement
from motcua.serviceindex.index import index, lost_points
from tests.reports.dataset import MARCH, READ_AT, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(frozen_clock):
    return build(frozen_clock)


PERIODS = [MARCH, (date(2026, 3, 4), date(2026, 3, 4)), (date(2026, 3, 16), date(2026, 3, 31))]


@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("where", ["province", "ward", "department"])
def test_2_1_is_the_reports_early_on_time_and_within_time(dataset, period, where):
    agency = getattr(dataset.world, where)
    figures = settlement(agency, *period, now=READ_AT).total
    score = index(agency, *period, now=READ_AT).score("2.1")
    assert (score.numerator, score.denominator) == (
        figures.early + figures.on_time + figures.within_time,
        figures.received,
    )
    lost = lost_points(agency, *period, "2.1", now=READ_AT).items
    assert lost.count() == figures.late + figures.overdue == score.denominator - score.numerator


def test_the_lost_dossiers_of_march_by_name(dataset):
    """Late: carried_late, late_same_day; overdue: carried_open, postal_overdue, dept_overdue. Not: paused
    (within time, paused at the end), finished_after (within time at the end of March)."""
    lost = lost_points(dataset.world.province, *MARCH, "2.1", now=READ_AT).items
    names = {dossier.pk: name for name, dossier in dataset.dossiers.items()}
    assert {names[pk] for pk in lost.values_list("pk", flat=True)} == {
        "carried_late",
        "late_same_day",
        "carried_open",
        "postal_overdue",
        "dept_overdue",
    }
    score = index(dataset.world.province, *MARCH, now=READ_AT).score("2.1")
    assert (score.numerator, score.denominator, f"{score.ratio}", f"{score.points}") == (
        8,
        13,
        "61.54",
        "12.31",
    )


def test_5_4_subtracts_late_overdue_and_unhappy_dossiers_once(dataset):
    """Counted 13; late or overdue 5; on_time rated "not satisfied" (not late): 6 lost, 7 ÷ 13 = 53.85 %;
    target 90: 53.85 × 6 ÷ 90 = 3.59."""
    score = index(dataset.world.province, *MARCH, now=READ_AT).score("5.4")
    assert (score.numerator, score.denominator, f"{score.ratio}", f"{score.points}") == (
        7,
        13,
        "53.85",
        "3.59",
    )
    lost = lost_points(dataset.world.province, *MARCH, "5.4", now=READ_AT).items
    assert dataset.dossiers["on_time"].pk in set(lost.values_list("pk", flat=True))
