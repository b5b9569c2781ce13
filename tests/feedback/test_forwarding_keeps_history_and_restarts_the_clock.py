"""Feedback that belongs to another agency is transferred (chuyển đơn vị khác): its events stay with it, the
agency that transferred it still sees it, and every stage clock starts again from the transfer (766)."""

import pytest

from motcua.feedback import selectors, services
from motcua.feedback.lifecycle import State
from motcua.org.models import Role
from tests.factories.feedback import make_world, sent, vn
from tests.factories.org import AgencyFactory, staff

pytestmark = pytest.mark.django_db


def test_a_transfer_restarts_the_clocks_on_the_new_agency(frozen_clock):
    world = make_world()
    feedback = sent(world, frozen_clock, vn(2026, 3, 2, 8))
    frozen_clock.set(vn(2026, 3, 3, 9))
    feedback = services.accept(feedback, world.desk)
    frozen_clock.set(vn(2026, 3, 5, 10))  # Thursday 10:00
    feedback = services.forward(
        feedback, world.desk, to_agency=world.department, reason="Quy định thuộc thẩm quyền Sở Tư pháp"
    )
    assert feedback.state == State.RECEIVED
    assert feedback.agency == world.department
    assert feedback.receiving_agency == world.ward
    assert feedback.clock_started_at == vn(2026, 3, 5, 10)
    assert feedback.transfer_count == 1
    assert feedback.accept_due_at == vn(2026, 3, 9, 10)  # Thu 7 h, Fri 8 h, Mon 1 h
    assert feedback.answer_due_at == vn(2026, 3, 26, 10)
    assert (feedback.accept_timeliness, feedback.late) == ("", False)

    actions = list(feedback.events.order_by("number").values_list("action", "from_state", "to_state"))
    assert actions == [
        ("submit", "", "received"),
        ("accept", "received", "accepted"),
        ("forward", "accepted", "received"),
    ]
    transfer = feedback.events.latest("number")
    assert transfer.agency == world.ward
    assert transfer.data["to_agency"] == world.department.code
    assert transfer.data["before"]["accept"] == "on_time"  # on the due day (03/03), before 17:00


def test_the_new_agency_acts_and_the_old_one_still_sees_the_history(frozen_clock):
    world = make_world()
    feedback = sent(world, frozen_clock, vn(2026, 3, 2, 8))
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = services.forward(feedback, world.desk, to_agency=world.department, reason="Sai cơ quan")
    assert "accept" not in selectors.actions_for(world.desk, feedback)
    assert "accept" in selectors.actions_for(world.department_desk, feedback)
    assert selectors.visible_to(world.desk).filter(pk=feedback.pk).exists()
    # Its page (office and API) finds it by code and checks that one row: the same answer as the list.
    assert selectors.visible_one(world.desk, feedback.code) == feedback
    assert selectors.visible_one(world.department_desk, feedback.code) == feedback
    stranger = staff(Role.DESK_OFFICER, AgencyFactory(parent=world.province, code="000.99.99.H99"))
    assert not selectors.visible_to(stranger).filter(pk=feedback.pk).exists()
    assert selectors.visible_one(stranger, feedback.code) is None
    assert selectors.visible_one(world.desk, "KHONG-CO") is None
    assert selectors.queue(world.department_desk, "new", frozen_clock.instant).get() == feedback
    assert not selectors.queue(world.desk, "new", frozen_clock.instant).exists()
    frozen_clock.set(vn(2026, 3, 2, 10))
    feedback = services.accept(feedback, world.department_desk)
    assert feedback.agency == world.department


def test_a_transfer_forgives_lateness_of_the_agency_that_had_it(frozen_clock):
    world = make_world()
    feedback = sent(world, frozen_clock, vn(2026, 3, 2, 8))
    frozen_clock.set(vn(2026, 3, 10, 9))  # the ward accepts late (due 03/03 17:00)
    feedback = services.accept(feedback, world.desk)
    assert feedback.late
    frozen_clock.set(vn(2026, 3, 10, 10))
    feedback = services.forward(feedback, world.desk, to_agency=world.department, reason="Thẩm quyền của Sở")
    assert not feedback.late
    assert feedback.events.latest("number").data["before"] == {
        "accept": "late",
        "information": "",
        "late": True,
    }


def test_a_transfer_needs_another_agency_and_a_reason(frozen_clock):
    world = make_world()
    feedback = sent(world, frozen_clock, vn(2026, 3, 2, 8))
    with pytest.raises(services.InvalidRequest):
        services.forward(feedback, world.desk, to_agency=world.ward, reason="Cùng cơ quan")
    with pytest.raises(services.InvalidRequest):
        services.forward(feedback, world.desk, to_agency=world.department, reason="  ")
