"""When the sender must hear from the agency (accepted, refused, information asked, answered), the services
send `sender_notice_due` inside the action's transaction, for the outbox to queue the e-mail or SMS."""

import pytest

from motcua.feedback import services
from motcua.feedback.lifecycle import State
from tests.factories.feedback import in_state, make_world, vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def told():
    heard = []

    def listener(sender, feedback, event, what, **kwargs):
        heard.append((what, event.action, feedback.sender_email))

    services.sender_notice_due.connect(listener)
    yield heard
    services.sender_notice_due.disconnect(listener)


def test_the_sender_hears_of_acceptance_requests_and_the_answer(told, frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.SUPPLEMENTED)
    feedback = services.draft_answer(feedback, world.specialist, text="Trả lời")
    services.answer(feedback, world.leader)
    assert [what for what, _action, _email in told] == ["accepted", "information_requested", "answered"]
    assert {email for _what, _action, email in told} == {"an.nguyen@example.vn"}


def test_a_refusal_is_told_and_a_failed_action_tells_nothing(told, frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.RECEIVED)
    with pytest.raises(services.NotAllowed):
        services.refuse(feedback, world.specialist, reasons="Khiếu nại")
    assert told == []
    services.refuse(feedback, world.desk, reasons="Khiếu nại")
    assert told == [("refused", "refuse", "an.nguyen@example.vn")]
