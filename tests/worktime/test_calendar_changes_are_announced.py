"""Other apps hear about calendar changes (`calendar_changed`, after commit) and `reschedule` tells them which
deadlines move, from when to when, and why."""

from datetime import date, time

import pytest

from motcua.worktime.selectors import calendar_for
from motcua.worktime.services import Deadline, reschedule
from motcua.worktime.signals import calendar_changed
from tests.factories.org import AgencyFactory
from tests.factories.worktime import CalendarOverrideFactory

from .helpers import VN, at

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    calls = []

    def listener(sender, dates, agency, **kwargs):
        calls.append((dates, agency))

    calendar_changed.connect(listener)
    yield calls
    calendar_changed.disconnect(listener)


def test_adding_an_override_is_announced_after_commit(heard, django_capture_on_commit_callbacks):
    province = AgencyFactory(province=True)
    with django_capture_on_commit_callbacks(execute=True):
        CalendarOverrideFactory(date=date(2026, 3, 3), agency=province)
        assert heard == []  # nothing before the commit
    assert heard == [([date(2026, 3, 3)], province)]


def test_moving_an_override_announces_the_old_and_new_dates(heard, django_capture_on_commit_callbacks):
    override = CalendarOverrideFactory(date=date(2026, 3, 3))
    override.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        override.date = date(2026, 3, 5)
        override.save()
    assert heard == [([date(2026, 3, 3), date(2026, 3, 5)], None)]


def test_removing_an_override_is_announced(heard, django_capture_on_commit_callbacks):
    override = CalendarOverrideFactory(date=date(2026, 3, 3))
    with django_capture_on_commit_callbacks(execute=True):
        override.delete()
    assert heard == [([date(2026, 3, 3)], None)]


def test_a_rolled_back_change_is_not_announced(heard, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        CalendarOverrideFactory(date=date(2026, 3, 3))
    # The callbacks are only run on commit; a rollback drops them.
    assert len(callbacks) == 1
    assert heard == []


def deadline(received, amount, unit="working_days", key=None, **options):
    start = at(received)
    return Deadline(start, amount, unit, VN.due(start, amount, unit, **options), key=key, **options)


def test_reschedule_returns_only_the_deadlines_that_move_with_the_reason():
    items = [
        deadline("2026-03-02 09:00", 1, key="moves"),  # Tue 03/03 09:00 without the override
        deadline("2026-03-09 09:00", 1, key="stays"),
        deadline("2026-03-02 10:00", 0, cutoff=time(15), key="same day"),  # 02/03 17:00, untouched
    ]
    CalendarOverrideFactory(date=date(2026, 3, 3), name="Nghỉ do bão")
    moved = reschedule(items, calendar_for(None), changed_dates=[date(2026, 3, 3)])
    assert [item.deadline.key for item in moved] == ["moves"]
    assert moved[0].old == at("2026-03-03 09:00")
    assert moved[0].new == at("2026-03-04 09:00")
    assert "03/03/2026" in moved[0].reason
    assert "Nghỉ do bão" in moved[0].reason
    assert moved[0].changed_days[0].working is False


def test_reschedule_when_a_day_off_is_cancelled():
    override = CalendarOverrideFactory(date=date(2026, 3, 3), name="Nghỉ do bão")
    calendar = calendar_for(None)
    start = at("2026-03-02 09:00")
    item = Deadline(start, 1, "working_days", calendar.due(start, 1, "working_days"))
    override.delete()
    moved = reschedule([item], calendar_for(None), changed_dates=[date(2026, 3, 3)])
    assert (moved[0].old, moved[0].new) == (at("2026-03-04 09:00"), at("2026-03-03 09:00"))
    assert "03/03/2026" in moved[0].reason


def test_reschedule_without_dates_still_gives_a_reason():
    CalendarOverrideFactory(date=date(2026, 3, 3))
    moved = reschedule([deadline("2026-03-02 09:00", 1)], calendar_for(None))
    assert len(moved) == 1
    assert moved[0].reason
