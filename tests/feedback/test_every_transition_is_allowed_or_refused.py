"""For every state a feedback can be in, every business action either works or is refused without a trace.

The actor is a superuser, so only the lifecycle decides here (roles: test_who_may_act_on_feedback.py).
"""

import pytest

from motcua.feedback import services
from motcua.feedback.errors import FeedbackError
from motcua.feedback.lifecycle import TRANSITIONS, State
from tests.factories.feedback import in_state, make_world, vn
from tests.factories.org import UserFactory

pytestmark = pytest.mark.django_db

ACTIONS = {
    "accept": lambda f, root, world: services.accept(f, root, agency=world.department),
    "refuse": lambda f, root, world: services.refuse(f, root, reasons="Là đơn khiếu nại"),
    "forward": lambda f, root, world: services.forward(
        f, root, to_agency=world.department, reason="Thuộc thẩm quyền Sở Tư pháp"
    ),
    "request_information": lambda f, root, world: services.request_information(
        f, root, request="Đề nghị cung cấp số hồ sơ"
    ),
    "supplement": lambda f, root, world: services.supplement(
        f, root, text="Số hồ sơ 000.31.34.H34-260302-0001"
    ),
    "draft_answer": lambda f, root, world: services.draft_answer(f, root, text="Dự thảo"),
    "return_draft": lambda f, root, world: services.return_draft(f, root, reason="Cần trích dẫn căn cứ"),
    "answer": lambda f, root, world: services.answer(f, root),
    "publish": lambda f, root, world: services.publish(f, root),
    "close": lambda f, root, world: services.close(f, root, reason="Không công khai"),
}

ALLOWED = {
    State.RECEIVED: {"accept", "refuse", "forward"},
    State.ACCEPTED: {"forward", "request_information", "draft_answer"},
    State.REFUSED: set(),
    State.INFORMATION_REQUESTED: {"supplement", "draft_answer"},
    State.SUPPLEMENTED: {"forward", "request_information", "draft_answer"},
    State.ANSWER_DRAFTED: {"draft_answer", "return_draft", "answer"},
    State.ANSWERED: {"publish", "close"},
    State.PUBLISHED: set(),
    State.CLOSED: set(),
}


def test_the_table_covers_every_state_and_every_action():
    assert set(ALLOWED) == set(State.values)
    assert set(ACTIONS) == set(TRANSITIONS) - {"submit", "reschedule"}  # reschedule: calendar changes


def test_the_lifecycle_says_the_same_as_this_table():
    for state, actions in ALLOWED.items():
        found = {name for name, t in TRANSITIONS.items() if state in t.sources} - {"reschedule"}
        assert found == actions, state


def test_every_transition_has_a_reason():
    assert all(len(transition.reason) > 40 for transition in TRANSITIONS.values())


@pytest.mark.parametrize("state", ALLOWED)
@pytest.mark.parametrize("action", ACTIONS)
def test_action_in_state(state, action, frozen_clock):
    world = make_world()
    root = UserFactory(username="root", is_superuser=True)
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, state)
    assert feedback.state == state
    frozen_clock.set(vn(2026, 3, 2, 14))
    version, events = feedback.version, feedback.events.count()
    if action in ALLOWED[state]:
        after = ACTIONS[action](feedback, root, world)
        assert after.version == version + 1
        assert after.events.count() == events + 1
        latest = after.events.latest("number")
        assert (latest.action, latest.from_state, latest.to_state) == (action, state, after.state)
        assert latest.at == vn(2026, 3, 2, 14)
    else:
        with pytest.raises(FeedbackError):
            ACTIONS[action](feedback, root, world)
        feedback.refresh_from_db()
        assert (feedback.version, feedback.events.count(), feedback.state) == (version, events, state)


def test_publication_is_refused_when_the_sender_did_not_allow_it(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.ANSWERED, allows_publication=False)
    with pytest.raises(FeedbackError):
        services.publish(feedback, world.leader)
    closed = services.close(feedback, world.leader)
    assert closed.state == State.CLOSED


def test_closing_what_the_sender_allowed_to_publish_needs_a_reason(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.ANSWERED, allows_publication=True)
    with pytest.raises(services.InvalidRequest):
        services.close(feedback, world.leader)


def test_a_stale_page_cannot_overwrite_a_newer_change(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.RECEIVED)
    seen = feedback.version
    services.accept(feedback, world.desk, expected_version=seen)
    with pytest.raises(services.StaleVersion):
        services.forward(
            feedback, world.desk, to_agency=world.department, reason="Sai", expected_version=seen
        )
