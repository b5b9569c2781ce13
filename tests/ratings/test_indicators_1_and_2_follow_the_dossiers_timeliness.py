"""Indicators 1 and 2 are not asked: the working-time engine classifies the dossier (and each step) as early,
on time or late, and the levels held as data turn that into 2, 1 or 0 points."""

import pytest

from motcua.dossiers import services as dossiers
from motcua.org.models import Role
from motcua.ratings.models import Channel, Level
from tests.factories.dossiers import at_step, make_world, received, vn
from tests.ratings.helpers import points, rate

pytestmark = pytest.mark.django_db


def settle(world, clock, forward_reception, forward_appraisal, finish):
    """Received Monday 2 March 2026 at 09:00 (2.5 working days, due Wednesday 4 March 14:00)."""
    dossier = received(world, clock, vn(2026, 3, 2, 9))
    assert dossier.due_at == vn(2026, 3, 4, 14)
    clock.set(forward_reception)
    dossier = dossiers.forward(dossier, world.desk)
    clock.set(forward_appraisal)
    dossier = dossiers.forward(dossier, world.specialist)
    clock.set(finish)
    return dossiers.finish(dossier, world.leader, result_number="01/GCN-HKD")


def test_finished_a_day_early_scores_two_on_both(frozen_clock):
    world = make_world()
    dossier = settle(world, frozen_clock, vn(2026, 3, 2, 9, 30), vn(2026, 3, 3, 10), vn(2026, 3, 3, 10, 30))
    assert points(rate(dossier))[1] == 2
    assert points(dossier.ratings.get())[2] == 2


def test_finished_on_the_due_day_scores_one(frozen_clock):
    world = make_world()
    dossier = settle(world, frozen_clock, vn(2026, 3, 2, 10, 59), vn(2026, 3, 4, 8, 30), vn(2026, 3, 4, 10))
    scored = points(rate(dossier))
    assert (scored[1], scored[2]) == (1, 1)


def test_finished_after_the_appointment_scores_zero(frozen_clock):
    world = make_world()
    dossier = settle(world, frozen_clock, vn(2026, 3, 2, 10), vn(2026, 3, 5, 9), vn(2026, 3, 5, 10))
    scored = points(rate(dossier))
    assert (scored[1], scored[2]) == (0, 0)
    assert dossier.ratings.get().answers.get(indicator__number=1).timeliness == "late"


def test_an_agency_that_held_it_past_its_budget_loses_indicator_two_only(frozen_clock):
    world = make_world()
    # The desk kept it five hours for a two-hour reception step; the dossier still ends two days early.
    dossier = settle(world, frozen_clock, vn(2026, 3, 2, 14), vn(2026, 3, 2, 14, 30), vn(2026, 3, 2, 15))
    scored = points(rate(dossier))
    assert (scored[1], scored[2]) == (2, 0)


def test_a_rating_given_before_the_end_gets_indicators_one_and_two_when_processing_ends(frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    rating = rate(dossier, Channel.KIOSK, officer=world.desk)
    assert 1 not in points(rating) and 2 not in points(rating)
    dossier = at_step(world, frozen_clock, dossier, Role.LEADER)
    frozen_clock.set(vn(2026, 3, 3, 9))
    dossiers.finish(dossier, world.leader, result_number="01/GCN-HKD")
    assert points(rating)[1] == 2


def test_the_points_come_from_the_levels_held_as_data(frozen_clock):
    world = make_world()
    Level.objects.filter(indicator__number=1, timeliness="early").update(points=1)
    dossier = settle(world, frozen_clock, vn(2026, 3, 2, 9, 30), vn(2026, 3, 3, 10), vn(2026, 3, 3, 10, 30))
    assert points(rate(dossier))[1] == 1
