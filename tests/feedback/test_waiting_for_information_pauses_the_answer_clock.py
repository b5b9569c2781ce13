"""While the agency waits for the sender's information, the answer clock stops: the answer's due moves later
by exactly the office time of the wait (the engine's pauses), and a waiting feedback is not overdue."""

import pytest

from motcua.feedback import selectors, services
from motcua.feedback.lifecycle import State
from tests.factories.feedback import make_world, sent, vn

pytestmark = pytest.mark.django_db


def test_the_wait_moves_the_answer_due_by_its_office_time(frozen_clock):
    world = make_world()
    feedback = sent(world, frozen_clock, vn(2026, 3, 2, 8))  # Monday 02/03 08:00
    assert feedback.answer_due_at == vn(2026, 3, 20, 17)  # 15 working days: Friday 20/03 at closing
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = services.accept(feedback, world.desk)
    frozen_clock.set(vn(2026, 3, 4, 10))  # Wednesday 10:00
    feedback = services.request_information(feedback, world.specialist, request="Cho biết số hồ sơ")
    assert feedback.paused_since == vn(2026, 3, 4, 10)
    assert feedback.answer_due_at == vn(2026, 3, 20, 17)  # unchanged while the wait lasts

    frozen_clock.set(vn(2026, 3, 9, 10))  # Monday 10:00: Wed 6 h + Thu 8 h + Fri 8 h + Mon 2 h = 24 h
    feedback = services.supplement(feedback, None, text="Số hồ sơ ...", secret=feedback.lookup_secret)
    assert feedback.state == State.SUPPLEMENTED
    assert feedback.paused_since is None
    # 20/03 17:00 + 24 office hours: Mon 23/03, Tue 24/03, Wed 25/03 -> 17:00.
    assert feedback.answer_due_at == vn(2026, 3, 25, 17)
    event = feedback.events.latest("number")
    assert event.data["old_answer_due_at"].startswith("2026-03-20T17:00")
    assert event.data["answer_due_at"].startswith("2026-03-25T17:00")


def test_a_wait_across_tet_costs_nothing_for_the_days_off(frozen_clock):
    world = make_world()
    feedback = sent(world, frozen_clock, vn(2026, 2, 10, 8))  # Tuesday before Tết
    frozen_clock.set(vn(2026, 2, 10, 9))
    feedback = services.accept(feedback, world.desk)
    due = feedback.answer_due_at
    frozen_clock.set(vn(2026, 2, 13, 17))  # Friday before Tết, at closing
    feedback = services.request_information(feedback, world.specialist, request="Bổ sung ảnh chụp")
    frozen_clock.set(vn(2026, 2, 23, 8))  # Monday after Tết, at opening: no office time passed
    feedback = services.supplement(feedback, world.desk, text="Đã nộp ảnh tại bộ phận một cửa")
    assert feedback.answer_due_at == due


def test_answering_without_the_information_ends_the_wait(frozen_clock):
    world = make_world()
    feedback = sent(world, frozen_clock, vn(2026, 3, 2, 8))
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = services.accept(feedback, world.desk)
    frozen_clock.set(vn(2026, 3, 3, 8))
    feedback = services.request_information(feedback, world.specialist, request="Bổ sung")
    frozen_clock.set(vn(2026, 3, 4, 8))  # one working day later, the sender has not replied
    feedback = services.draft_answer(feedback, world.specialist, text="Trả lời theo thông tin hiện có")
    assert feedback.paused_since is None
    assert feedback.answer_due_at == vn(2026, 3, 23, 17)
    assert feedback.pauses.get().ended_at == vn(2026, 3, 4, 8)


def test_a_waiting_feedback_is_not_overdue_unless_it_already_was(frozen_clock):
    world = make_world()
    feedback = sent(world, frozen_clock, vn(2026, 3, 2, 8))
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = services.accept(feedback, world.desk)
    frozen_clock.set(vn(2026, 3, 20, 16))
    feedback = services.request_information(feedback, world.specialist, request="Bổ sung")
    later = vn(2026, 4, 6, 9)  # long after the original due: still not overdue, the clock is stopped
    assert not selectors.queue(world.specialist, "overdue", later).exists()
    assert selectors.queue(world.specialist, "waiting", later).get() == feedback
    assert not selectors.is_overdue(feedback, later)
