"""Each step has its own budget; the step (and agency) that held the dossier past it is the late one."""

import pytest

from motcua.dossiers import services
from motcua.org.models import Role
from tests.factories.dossiers import make_world, received, vn

pytestmark = pytest.mark.django_db


def test_the_specialist_who_held_it_three_days_is_late_and_the_others_are_not(frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    frozen_clock.set(vn(2026, 3, 2, 10))
    dossier = services.forward(dossier, world.desk)  # reception: 1 h of its 2
    frozen_clock.set(vn(2026, 3, 5, 10))
    dossier = services.forward(dossier, world.specialist)  # appraisal: 3 days for a 14 h budget
    frozen_clock.set(vn(2026, 3, 5, 11))
    dossier = services.finish(dossier, world.leader, result_number="01/GCN-HKD")
    steps = {step.name: step for step in dossier.steps.all()}
    assert steps["Tiếp nhận hồ sơ"].late is False
    assert steps["Thẩm định hồ sơ"].late is True
    assert steps["Thẩm định hồ sơ"].agency == world.ward and steps["Thẩm định hồ sơ"].role == Role.SPECIALIST
    assert steps["Phê duyệt, ký"].late is False
    assert dossier.finished_at > dossier.due_at
    assert dossier.events.latest("number").data["timeliness"] == "late"
