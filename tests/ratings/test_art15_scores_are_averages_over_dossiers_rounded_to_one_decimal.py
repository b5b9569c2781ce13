"""Circular 01/2018 art. 15.2: an indicator's score is the sum of the dossiers' points divided by the number
of dossiers, rounded to one decimal; the total of an officer or an agency is the sum of its indicator
scores."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.ratings import selectors
from motcua.ratings.models import Channel, Rating
from tests.factories.dossiers import make_world, received, vn
from tests.factories.org import staff
from tests.ratings.helpers import finished, rate

pytestmark = pytest.mark.django_db

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def test_attitude_two_two_one_averages_to_one_point_seven(frozen_clock):
    world = make_world()
    for attitude in (2, 2, 1):
        rate(received(world, frozen_clock, vn(2026, 3, 2, 9)), attitude=attitude)
    (group,) = selectors.scores(Rating.objects.all())
    assert group.scores[7] == Decimal("1.7")  # 5 / 3 = 1.666...
    assert group.ratings == group.dossiers == 3


def test_a_quarter_point_rounds_half_up(frozen_clock):
    world = make_world()
    for contacts in (1, 2, 2, 2):  # 2 + 1 + 1 + 1 points = 5 / 4 = 1.25
        rate(received(world, frozen_clock, vn(2026, 3, 2, 9)), contacts=contacts)
    (group,) = selectors.scores(Rating.objects.all())
    assert group.scores[3] == Decimal("1.3")


def test_a_dossier_rated_at_the_kiosk_and_online_counts_once(frozen_clock):
    world = make_world()
    both = received(world, frozen_clock, vn(2026, 3, 2, 9))
    rate(both, Channel.KIOSK, officer=world.desk, attitude=2)
    rate(both, Channel.ONLINE, attitude=0)  # this dossier scores (2 + 0) / 2 = 1
    rate(received(world, frozen_clock, vn(2026, 3, 2, 10)), attitude=2)
    (group,) = selectors.scores(Rating.objects.all())
    assert group.scores[7] == Decimal("1.5")  # (1 + 2) / 2 dossiers, not (2 + 0 + 2) / 3 ratings
    assert (group.ratings, group.dossiers) == (3, 2)


def test_totals_per_officer_and_per_agency_over_a_period(frozen_clock):
    world = make_world()
    other_desk = staff("desk_officer", world.ward, username="tiepnhan2")
    early = finished(world, frozen_clock, vn(2026, 3, 2, 9), vn(2026, 3, 3, 9))  # 1: 2 points
    rate(early, Channel.KIOSK, officer=world.desk)  # best answers: 2 on every citizen indicator
    late = finished(world, frozen_clock, vn(2026, 3, 2, 9), vn(2026, 3, 9, 9))  # 1 and 2: 0 points
    rate(late, Channel.KIOSK, officer=other_desk, attitude=1, contacts=3)
    april = finished(world, frozen_clock, vn(2026, 4, 1, 9), vn(2026, 4, 2, 9))
    rate(april, Channel.KIOSK, officer=world.desk, attitude=0)  # outside March: not counted

    found = selectors.summary(world.province, *MARCH)
    officers = {group.key: group for group in found.officers}
    assert officers[world.desk].total == Decimal("18.0")
    assert officers[world.desk].band.name_vi == "Xuất sắc"
    # Indicators 1, 2 and 3 score 0, attitude 1, the other five 2: 11 points.
    assert officers[other_desk].total == Decimal("11.0")
    assert officers[other_desk].band.name_vi == "Khá"
    (ward,) = found.agencies
    assert ward.key == world.ward
    expected = ["1", "1", "1", "2", "2", "2", "1.5", "2", "2"]
    assert [ward.scores[n] for n in range(1, 10)] == [Decimal(x) for x in expected]
    assert ward.total == Decimal("14.5")
    assert ward.band.name_vi == "Tốt"
    assert found.total.total == ward.total and found.total.ratings == 2


def test_an_officer_without_indicators_one_and_two_yet_has_no_band(frozen_clock):
    world = make_world()
    rate(received(world, frozen_clock, vn(2026, 3, 2, 9)), Channel.KIOSK, officer=world.desk)
    (group,) = selectors.scores(Rating.objects.all(), by="officer")
    assert group.scores[1] is None and group.complete is False
    assert group.total == Decimal("14.0") and group.band is None


def test_the_aggregation_takes_as_many_queries_for_six_dossiers_as_for_one(frozen_clock):
    world = make_world()

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            selectors.summary(world.province, *MARCH)
        return len(context)

    rate(received(world, frozen_clock, vn(2026, 3, 2, 9)), Channel.KIOSK, officer=world.desk)
    one = queries()
    for hour in range(10, 15):
        officer = staff("desk_officer", world.ward, username=f"tiepnhan{hour}")
        rate(received(world, frozen_clock, vn(2026, 3, 2, hour)), Channel.KIOSK, officer=officer)
    assert queries() == one <= 12
