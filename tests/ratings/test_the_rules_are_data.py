"""The nine indicators, their levels and the bands are rows seeded by a migration, not constants."""

import pytest

from motcua.ratings import services
from motcua.ratings.models import Band, Indicator, Level, Rule
from motcua.worktime.engine import EARLY, LATE, ON_TIME
from tests.factories.dossiers import make_world, received, vn
from tests.ratings.helpers import points, rate

pytestmark = pytest.mark.django_db


def test_nine_indicators_of_two_points_each():
    indicators = list(Indicator.objects.order_by("number"))
    assert [i.number for i in indicators] == list(range(1, 10))
    assert sum(i.max_points for i in indicators) == 18
    assert [i.number for i in indicators if i.per_dossier] == [1, 2, 3, 4, 7]  # Circular 01/2018 art. 15.2
    assert [i.rule for i in indicators[:4]] == [
        Rule.DOSSIER_TIMELINESS,
        Rule.STEP_TIMELINESS,
        Rule.COUNT,
        Rule.COUNT,
    ]
    assert (
        indicators[0].text_vi == "Tổng thời gian giải quyết thủ tục hành chính so với quy định của pháp luật"
    )
    assert all("UNVERIFIED" in i.source for i in indicators)
    assert Band.objects.count() == 5


def test_the_timeliness_levels_are_the_engines_classes():
    classes = set(Level.objects.filter(indicator__number__in=[1, 2]).values_list("timeliness", flat=True))
    assert classes == {EARLY, ON_TIME, LATE}


def test_a_changed_table_of_contacts_changes_the_points(frozen_clock):
    world = make_world()
    Level.objects.filter(indicator__code="contacts", up_to=1).update(up_to=2)  # twice is still full marks
    assert points(rate(received(world, frozen_clock, vn(2026, 3, 2, 9)), contacts=2))[3] == 2
    assert points(rate(received(world, frozen_clock, vn(2026, 3, 2, 10)), contacts=3))[3] == 0


def test_an_inactive_indicator_is_neither_asked_nor_counted(frozen_clock):
    world = make_world()
    Indicator.objects.filter(code="online_services").update(is_active=False)
    answers = {
        "contacts": 1,
        "agencies_contacted": 1,
        "one_stop": 2,
        "publicity": 2,
        "attitude": 2,
        "feedback": 2,
    }
    rating = services.submit(received(world, frozen_clock, vn(2026, 3, 2, 9)), "online", answers, "satisfied")
    assert 9 not in points(rating)
