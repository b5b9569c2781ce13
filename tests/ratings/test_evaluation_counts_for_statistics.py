"""What the statistics read: of these dossiers, how many were rated and how many are satisfied."""

import pytest

from motcua.dossiers.models import Dossier
from motcua.ratings.models import Channel, Overall
from motcua.ratings.selectors import evaluation_counts
from tests.factories.dossiers import make_world, received, vn
from tests.ratings.helpers import rate

pytestmark = pytest.mark.django_db


def test_rated_and_satisfied_dossiers_are_counted_once(frozen_clock, django_assert_num_queries):
    world = make_world()
    received(world, frozen_clock, vn(2026, 3, 2, 9))  # not rated
    rate(received(world, frozen_clock, vn(2026, 3, 2, 10)), overall=Overall.SATISFIED)
    both = received(world, frozen_clock, vn(2026, 3, 2, 11))
    rate(both, Channel.KIOSK, officer=world.desk, overall=Overall.VERY_SATISFIED)
    rate(both, Channel.ONLINE, overall=Overall.VERY_SATISFIED)
    mixed = received(world, frozen_clock, vn(2026, 3, 2, 14))
    rate(mixed, Channel.KIOSK, officer=world.desk, overall=Overall.VERY_SATISFIED)
    rate(mixed, Channel.ONLINE, overall=Overall.NOT_SATISFIED)  # one "not satisfied" is enough
    with django_assert_num_queries(1):
        counts = evaluation_counts(Dossier.objects.all())
    assert counts == {"dossiers": 4, "evaluated": 3, "satisfied": 2}


def test_the_counts_follow_the_queryset_given(frozen_clock):
    world = make_world()
    rate(received(world, frozen_clock, vn(2026, 3, 2, 9)), overall=Overall.NOT_SATISFIED)
    received(world, frozen_clock, vn(2026, 3, 3, 9))
    march_2 = Dossier.objects.filter(received_at__lt=vn(2026, 3, 3))
    assert evaluation_counts(march_2) == {"dossiers": 1, "evaluated": 1, "satisfied": 0}
    assert evaluation_counts(Dossier.objects.none()) == {"dossiers": 0, "evaluated": 0, "satisfied": 0}
