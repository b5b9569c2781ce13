"""When a stage completes, the engine judges it against the due it had: early (an earlier day), on time (the
due day, by the due instant) or late. One late stage makes the feedback late for the 766 index."""

import pytest

from motcua.feedback import services
from motcua.feedback.lifecycle import State
from tests.factories.feedback import in_state, make_world, sent, vn

pytestmark = pytest.mark.django_db


def test_accepting_on_the_due_day_is_on_time_and_after_it_is_late(frozen_clock):
    world = make_world()
    on_time = sent(world, frozen_clock, vn(2026, 2, 12, 9))  # due 23/02 09:00 (across Tết)
    late = sent(world, frozen_clock, vn(2026, 2, 12, 9))
    frozen_clock.set(vn(2026, 2, 23, 9))
    on_time = services.accept(on_time, world.desk)
    assert (on_time.accept_timeliness, on_time.late) == ("on_time", False)
    frozen_clock.set(vn(2026, 2, 23, 9, 1))
    late = services.refuse(late, world.desk, reasons="Đơn khiếu nại")
    assert (late.accept_timeliness, late.late) == ("late", True)
    assert late.handled_at == vn(2026, 2, 23, 9, 1)
    assert late.events.latest("number").data["timeliness"] == "late"


def test_a_quick_answer_is_early(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.ANSWERED)
    assert (feedback.accept_timeliness, feedback.answer_timeliness, feedback.late) == (
        "early",
        "early",
        False,
    )
    assert feedback.handled_at == feedback.answered_at


def test_the_first_request_for_information_is_judged_against_five_working_days(frozen_clock):
    world = make_world()
    feedback = sent(world, frozen_clock, vn(2026, 3, 2, 8))  # due for a request: Friday 06/03 17:00
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = services.accept(feedback, world.desk)
    frozen_clock.set(vn(2026, 3, 9, 8))
    feedback = services.request_information(feedback, world.specialist, request="Bổ sung")
    assert (feedback.information_timeliness, feedback.late) == ("late", True)
    frozen_clock.set(vn(2026, 3, 9, 9))
    feedback = services.supplement(feedback, world.desk, text="Đã bổ sung")
    frozen_clock.set(vn(2026, 3, 9, 10))
    feedback = services.request_information(feedback, world.specialist, request="Bổ sung lần hai")
    assert feedback.information_request == "Bổ sung lần hai"
    assert feedback.information_requested_at == vn(2026, 3, 9, 8)  # the first request is the one judged


def test_a_late_answer_and_a_late_publication(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 8))
    feedback = in_state(world, frozen_clock, State.ANSWER_DRAFTED)
    frozen_clock.set(vn(2026, 3, 23, 8))  # the answer was due 20/03 17:00
    feedback = services.answer(feedback, world.leader)
    assert (feedback.answer_timeliness, feedback.late) == ("late", True)
    assert feedback.publish_due_at == vn(2026, 3, 24, 17)
    frozen_clock.set(vn(2026, 3, 25, 8))
    feedback = services.publish(feedback, world.leader)
    assert feedback.publish_timeliness == "late"
