"""Every feedback deadline is a row of data walked through the working-time engine from submission (or from
a transfer): 2 working days to accept or refuse, 5 to ask for more information, 15 to answer, 2 to publish.

Tết 2026 is Monday 16 to Friday 20 February; with the weekends around it, nine days count for nothing.
"""

from decimal import Decimal

import pytest

from motcua.feedback import services
from motcua.feedback.lifecycle import State
from motcua.feedback.models import DeadlineRule
from motcua.worktime.models import CalendarOverride
from tests.factories.feedback import in_state, make_world, sent, vn

pytestmark = pytest.mark.django_db


def test_the_766_limits_are_seeded_as_data():
    rules = {rule.stage: (rule.amount, rule.unit, rule.counted_from) for rule in DeadlineRule.objects.all()}
    assert rules == {
        "accept": (Decimal(2), "working_days", "reception"),
        "information": (Decimal(5), "working_days", "reception"),
        "answer": (Decimal(15), "working_days", "reception"),
        "publish": (Decimal(2), "working_days", "answer"),
    }


def test_sent_the_thursday_before_tet(frozen_clock):
    world = make_world()
    # Thursday 12/02 09:00: 7 office hours that day, 8 on Friday 13/02, then nothing until Monday 23/02.
    feedback = sent(world, frozen_clock, vn(2026, 2, 12, 9))
    assert feedback.accept_due_at == vn(2026, 2, 23, 9)  # 16 hours: 7 + 8 + 1
    assert feedback.information_due_at == vn(2026, 2, 26, 9)  # 40 hours
    assert feedback.answer_due_at == vn(2026, 3, 12, 9)  # 120 hours: 15 before Tết, 13 days and 1 hour after
    assert feedback.due_at == feedback.accept_due_at
    assert feedback.publish_due_at is None  # counted from the answer


def test_sent_on_a_friday_afternoon_skips_the_weekend(frozen_clock):
    world = make_world()
    feedback = sent(world, frozen_clock, vn(2026, 3, 6, 16))  # Friday 06/03 16:00
    assert feedback.accept_due_at == vn(2026, 3, 10, 16)  # Mon 8 h, Tue 7 h


def test_sent_on_a_sunday_counts_from_monday_morning(frozen_clock):
    world = make_world()
    feedback = sent(world, frozen_clock, vn(2026, 3, 8, 10))
    assert feedback.accept_due_at == vn(2026, 3, 10, 17)


def test_publication_is_due_two_working_days_after_the_answer(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 2, 11, 15))
    feedback = in_state(world, frozen_clock, State.ANSWER_DRAFTED)
    frozen_clock.set(vn(2026, 2, 13, 15))  # Friday before Tết
    feedback = services.answer(feedback, world.leader)
    assert feedback.publish_due_at == vn(2026, 2, 24, 15)  # Fri 2 h, Mon 23/02 8 h, Tue 6 h
    assert feedback.due_at == feedback.publish_due_at


def test_no_publication_due_when_the_sender_did_not_allow_it(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.ANSWERED, allows_publication=False)
    assert feedback.publish_due_at is None
    assert feedback.due_at is None


def test_a_changed_rule_applies_to_feedback_sent_after_it(frozen_clock):
    world = make_world()
    DeadlineRule.objects.filter(stage="accept").update(amount=Decimal(3))
    feedback = sent(world, frozen_clock, vn(2026, 2, 12, 9))
    assert feedback.accept_due_at == vn(2026, 2, 24, 9)


def test_a_calendar_override_of_the_agency_moves_the_due(frozen_clock):
    world = make_world()
    CalendarOverride.objects.create(
        agency=world.province,
        date=vn(2026, 2, 23).date(),
        kind="day_off",
        name="Nghỉ bù",
        decision="QĐ 1/UBND",
    )
    feedback = sent(world, frozen_clock, vn(2026, 2, 12, 9))
    assert feedback.accept_due_at == vn(2026, 2, 24, 9)


def test_open_feedback_follows_a_later_calendar_change(frozen_clock, django_capture_on_commit_callbacks):
    world = make_world()
    feedback = sent(world, frozen_clock, vn(2026, 2, 12, 9))
    with django_capture_on_commit_callbacks(execute=True):
        CalendarOverride.objects.create(
            agency=world.province,
            date=vn(2026, 2, 23).date(),
            kind="day_off",
            name="Nghỉ bù",
            decision="QĐ 2",
        )
    feedback.refresh_from_db()
    assert feedback.accept_due_at == vn(2026, 2, 24, 9)
    assert feedback.answer_due_at == vn(2026, 3, 13, 9)
    assert feedback.due_at == feedback.accept_due_at
    moved = feedback.events.latest("number")
    assert moved.action == "reschedule"
    assert moved.data["moved"]["accept"]["new"].startswith("2026-02-24T09:00")
    assert "23/02/2026" in moved.note
