"""The numbers team's hooks: for an agency subtree and a period, counts computed in one SQL query each, from
which 766 indicators 5.1 (by classification), 5.2 (handled on time) and 5.3 (satisfaction) follow."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.feedback import selectors
from tests.factories.feedback import FeedbackFactory, make_world, vn

pytestmark = pytest.mark.django_db
MARCH = (date(2026, 3, 1), date(2026, 3, 31))
NOW = vn(2026, 4, 15, 9)


@pytest.fixture
def world():
    world = make_world()
    ward, department = world.ward, world.department
    # The ward, March 2026: 6 received.
    FeedbackFactory(agency=ward, answered=True)  # on time, no votes: satisfied
    FeedbackFactory(agency=ward, published=True, likes=5, dislikes=5)  # a tie is not dissatisfied
    FeedbackFactory(agency=ward, published=True, disliked=True)  # on time but disliked
    FeedbackFactory(agency=ward, answered_late=True, about_behaviour=True)  # late
    FeedbackFactory(agency=ward, refused=True, about_behaviour=True)  # handled on time, not answered
    FeedbackFactory(agency=ward, due_at=vn(2026, 3, 4, 17))  # open and overdue on 15/04
    # The department, March 2026: 2 received.
    FeedbackFactory(agency=department, answered=True)
    FeedbackFactory(agency=department, paused_since=vn(2026, 3, 3, 9), due_at=vn(2026, 3, 20, 17))  # waiting
    # Outside the period, and the border days.
    FeedbackFactory(agency=ward, answered=True, submitted_at=vn(2026, 2, 28, 23, 59))
    FeedbackFactory(agency=ward, answered=True, submitted_at=vn(2026, 4, 1, 0, 0))
    FeedbackFactory(agency=ward, answered=True, submitted_at=vn(2026, 3, 31, 23, 59))  # counts
    return world


def test_an_agency_alone(world):
    counts = selectors.statistics(world.ward, *MARCH, now=NOW)
    assert counts == {
        "received": 7,
        "about_regulation": 5,
        "about_behaviour": 2,
        "refused": 1,
        "answered": 5,
        "published": 2,
        "handled": 6,
        "handled_on_time": 5,
        "handled_late": 1,
        "open": 1,
        "open_overdue": 1,
        "disliked": 1,
        "satisfied": 3,
    }
    assert selectors.indicators(counts) == {
        "5.1_regulation": Decimal("0.71"),
        "5.1_behaviour": Decimal("0.29"),
        "5.2_handled_on_time": Decimal("0.71"),
        "5.3_satisfaction": Decimal("0.43"),
    }


def test_a_subtree_adds_up_its_agencies_in_one_query(world):
    with CaptureQueriesContext(connection) as queries:
        counts = selectors.statistics(world.province, *MARCH, now=NOW)
    assert len(queries) == 1
    assert (counts["received"], counts["handled_on_time"], counts["open"], counts["open_overdue"]) == (
        9,
        6,
        2,
        1,
    )
    assert counts["satisfied"] == 4

    with CaptureQueriesContext(connection) as queries:
        rows = selectors.statistics_by_agency(world.province, *MARCH, now=NOW)
    assert len(queries) == 1
    by_code = {row["agency__code"]: row for row in rows}
    assert set(by_code) == {world.ward.code, world.department.code}
    assert by_code[world.department.code]["received"] == 2
    assert by_code[world.department.code]["open_overdue"] == 0  # waiting since before its due


def test_nothing_received_gives_no_ratio(world):
    counts = selectors.statistics(world.ward, date(2025, 1, 1), date(2025, 1, 31), now=NOW)
    assert counts["received"] == 0
    assert set(selectors.indicators(counts).values()) == {None}
