"""Roles per action: desk officers accept, refuse and transfer; specialists ask for information and draft;
leaders (of the agency or above it) approve, return, publish and close; the sender supplements with the
lookup secret.
"""

import pytest

from motcua.feedback import selectors, services
from motcua.feedback.errors import NotAllowed
from motcua.feedback.lifecycle import State
from tests.factories.feedback import in_state, make_world, vn

pytestmark = pytest.mark.django_db

ACTORS = [
    "desk",
    "specialist",
    "leader",
    "provincial_leader",
    "department_desk",
    "department_leader",
    "monitor",
]

CASES = {
    "accept": (State.RECEIVED, lambda f, a, w: services.accept(f, a), {"desk"}),
    "refuse": (State.RECEIVED, lambda f, a, w: services.refuse(f, a, reasons="Khiếu nại"), {"desk"}),
    "forward": (
        State.RECEIVED,
        lambda f, a, w: services.forward(f, a, to_agency=w.department, reason="Thẩm quyền của Sở"),
        {"desk"},
    ),
    "request_information": (
        State.ACCEPTED,
        lambda f, a, w: services.request_information(f, a, request="Bổ sung số hồ sơ"),
        {"specialist"},
    ),
    "supplement": (
        State.INFORMATION_REQUESTED,
        lambda f, a, w: services.supplement(f, a, text="Số hồ sơ là ..."),
        {"desk"},
    ),
    "draft_answer": (
        State.ACCEPTED,
        lambda f, a, w: services.draft_answer(f, a, text="Dự thảo"),
        {"specialist"},
    ),
    "return_draft": (
        State.ANSWER_DRAFTED,
        lambda f, a, w: services.return_draft(f, a, reason="Bổ sung căn cứ"),
        {"leader", "provincial_leader"},
    ),
    "answer": (State.ANSWER_DRAFTED, lambda f, a, w: services.answer(f, a), {"leader", "provincial_leader"}),
    "publish": (State.ANSWERED, lambda f, a, w: services.publish(f, a), {"leader", "provincial_leader"}),
    "close": (
        State.ANSWERED,
        lambda f, a, w: services.close(f, a, reason="Không phù hợp"),
        {"leader", "provincial_leader"},
    ),
}


@pytest.mark.parametrize("actor", [*ACTORS, "nobody"])
@pytest.mark.parametrize("action", CASES)
def test_only_the_fitting_role_may_act(action, actor, frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    state, perform, allowed = CASES[action]
    feedback = in_state(world, frozen_clock, state)
    user = getattr(world, actor) if actor != "nobody" else None
    offered = action in selectors.actions_for(user, feedback) if user else False
    if actor in allowed:
        assert offered
        assert perform(feedback, user, world).version == feedback.version + 1
    else:
        assert not offered
        with pytest.raises(NotAllowed):
            perform(feedback, user, world)


def test_the_sender_supplements_with_the_lookup_secret_only(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.INFORMATION_REQUESTED)
    with pytest.raises(NotAllowed):
        services.supplement(feedback, None, text="Thông tin", secret="WRONG123")
    after = services.supplement(feedback, None, text="Thông tin", secret=feedback.lookup_secret.lower())
    assert after.state == State.SUPPLEMENTED
    assert after.events.latest("number").actor is None


def test_routing_hands_the_work_to_the_responsible_agency(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.RECEIVED)
    feedback = services.accept(feedback, world.desk, agency=world.department)
    assert feedback.agency == world.department
    assert feedback.receiving_agency == world.ward
    assert "draft_answer" not in selectors.actions_for(world.specialist, feedback)
    with pytest.raises(NotAllowed):
        services.draft_answer(feedback, world.specialist, text="Dự thảo")
    feedback = services.draft_answer(feedback, world.department_specialist, text="Dự thảo của Sở")
    with pytest.raises(NotAllowed):
        services.answer(feedback, world.leader)  # the ward's leader is not above the department
    assert services.answer(feedback, world.department_leader).state == State.ANSWERED


def test_routing_stays_inside_the_province(frozen_clock):
    from tests.factories.org import AgencyFactory

    world = make_world()
    elsewhere = AgencyFactory(province=True, code="000.00.00.H56", name="Ủy ban nhân dân tỉnh khác")
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.RECEIVED)
    with pytest.raises(services.InvalidRequest):
        services.accept(feedback, world.desk, agency=elsewhere)
