"""What the statistics read of the ratings: of the dossiers received in a period, how many were rated and how
many are satisfied (the settlement report's evaluations, from the dossier's `evaluation` column)."""

from datetime import date

import pytest

from motcua.ratings.models import Channel, Overall
from motcua.reports.selectors import settlement
from tests.factories.dossiers import make_world, received, vn
from tests.ratings.helpers import rate

pytestmark = pytest.mark.django_db


def evaluations(world, first_day: date, last_day: date) -> dict:
    found = settlement(world.province, first_day, last_day).as_dict()["evaluations"]
    return {key: found[key] for key in ("dossiers", "evaluated", "satisfied")}


def test_rated_and_satisfied_dossiers_are_counted_once(frozen_clock):
    world = make_world()
    received(world, frozen_clock, vn(2026, 3, 2, 9))  # not rated
    rate(received(world, frozen_clock, vn(2026, 3, 2, 10)), overall=Overall.SATISFIED)
    both = received(world, frozen_clock, vn(2026, 3, 2, 11))
    rate(both, Channel.KIOSK, officer=world.desk, overall=Overall.VERY_SATISFIED)
    rate(both, Channel.ONLINE, overall=Overall.VERY_SATISFIED)
    mixed = received(world, frozen_clock, vn(2026, 3, 2, 14))
    rate(mixed, Channel.KIOSK, officer=world.desk, overall=Overall.VERY_SATISFIED)
    rate(mixed, Channel.ONLINE, overall=Overall.NOT_SATISFIED)  # one "not satisfied" is enough
    march_2 = date(2026, 3, 2)
    assert evaluations(world, march_2, march_2) == {"dossiers": 4, "evaluated": 3, "satisfied": 2}


def test_the_counts_follow_the_period_given(frozen_clock):
    world = make_world()
    rate(received(world, frozen_clock, vn(2026, 3, 2, 9)), overall=Overall.NOT_SATISFIED)
    received(world, frozen_clock, vn(2026, 3, 3, 9))
    march_2 = date(2026, 3, 2)
    assert evaluations(world, march_2, march_2) == {"dossiers": 1, "evaluated": 1, "satisfied": 0}
    april = (date(2026, 4, 1), date(2026, 4, 30))
    assert evaluations(world, *april) == {"dossiers": 0, "evaluated": 0, "satisfied": 0}
