"""A step overdue by MOTCUA_ESCALATE_AFTER_HOURS working hours (default 8) is reported to the leaders of its
agency, once; a leader's own step goes to the leaders above. Overdue time is office time, not clock time."""

import pytest
from django.core import mail

from motcua.notices.escalation import escalate_overdue_steps
from motcua.notices.models import Escalation
from motcua.org.models import Role
from tests.factories.dossiers import at_step, make_world, received, vn

from .helpers import deliver_until_settled

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = make_world()
    for user, address in [(world.leader, "hung@example.vn"), (world.provincial_leader, "tinh@example.vn")]:
        user.email = address
        user.save()
    return world


def test_eight_working_hours_late_tells_the_ward_leader_once(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 3, 3, 9))
    dossier = at_step(world, frozen_clock, dossier, Role.SPECIALIST)  # appraisal due Wed 04/03 16:00
    step = dossier.current_step
    # Wed 16:00-17:00 and Thu 08:00-12:00, 13:00-15:59: 7 h 59 min of office time late, over a night.
    assert escalate_overdue_steps(vn(2026, 3, 5, 15, 59)) == 0
    assert escalate_overdue_steps(vn(2026, 3, 5, 16, 0)) == 1
    assert escalate_overdue_steps(vn(2026, 3, 6, 10, 0)) == 0  # once per step
    escalation = Escalation.objects.get()
    assert escalation.step == step and escalation.overdue_minutes == 480 and escalation.leaders == 1
    deliver_until_settled()
    (email,) = [email for email in mail.outbox if email.to == ["hung@example.vn"]]
    assert email.subject == f"Bước xử lý quá hạn của hồ sơ {dossier.code}"
    assert "Hạn xử lý là 16:00 04/03/2026; đến nay đã quá 8 giờ làm việc." in email.body


def test_a_leaders_own_overdue_step_goes_to_the_leaders_above(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 3, 3, 9))
    dossier = at_step(world, frozen_clock, dossier, Role.LEADER)  # approval: 2 hours, due Tue 11:00
    assert escalate_overdue_steps(vn(2026, 3, 4, 11, 0)) == 1
    deliver_until_settled()
    assert [email.to for email in mail.outbox if "quá hạn" in email.subject] == [["tinh@example.vn"]]


def test_a_step_waiting_for_a_supplement_is_not_escalated(world, frozen_clock):
    from motcua.dossiers import services

    dossier = received(world, frozen_clock, vn(2026, 3, 3, 9))
    dossier = at_step(world, frozen_clock, dossier, Role.SPECIALIST)
    frozen_clock.set(vn(2026, 3, 4, 15))
    services.request_supplement(dossier, world.specialist, missing=["Bản sao"], reason="Thiếu")
    assert escalate_overdue_steps(vn(2026, 3, 10, 9)) == 0
