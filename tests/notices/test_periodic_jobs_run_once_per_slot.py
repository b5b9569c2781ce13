"""The worker schedules its periodic jobs itself: however many worker processes run, each job is enqueued
once per slot (a unique (job, slot) row decides), and the reminders only from the configured hour on."""

from datetime import UTC, datetime

import pytest
from django_tasks_db.models import DBTaskResult

from motcua.notices.models import PeriodicSlot
from motcua.notices.scheduler import JOBS, Scheduler
from motcua.notices.worker import run_pending
from tests.factories.dossiers import vn

pytestmark = pytest.mark.django_db


def test_two_workers_ticking_together_enqueue_each_job_once(settings):
    settings.MOTCUA_OUTBOX_SWEEP_SECONDS = 60
    settings.MOTCUA_REMINDER_HOUR = "07:30"
    one, two = Scheduler(worker="one"), Scheduler(worker="two")
    morning = vn(2026, 3, 6, 7, 30)
    assert sorted(one.tick(morning)) == [
        "abandoned-drafts",
        "clean-up",
        "escalations",
        "orphan-uploads",
        "outbox-sweep",
        "reminders",
    ]
    assert two.tick(morning) == []
    assert DBTaskResult.objects.filter(task_path__endswith="run_periodic_job").count() == 6
    assert set(PeriodicSlot.objects.values_list("worker", flat=True)) == {"one"}
    # A minute later: a new sweep slot, the same day for the reminders, the same ten minutes for escalations.
    later = vn(2026, 3, 6, 7, 31)
    assert two.tick(later) == ["outbox-sweep"] and one.tick(later) == []
    assert run_pending() == 7  # the jobs run (nothing to do in an empty database)


def test_slots_follow_the_configured_hour_and_interval(settings):
    settings.MOTCUA_REMINDER_HOUR = "06:45"
    settings.MOTCUA_OUTBOX_SWEEP_SECONDS = 30
    assert JOBS["reminders"].slot(vn(2026, 3, 6, 6, 44)) is None
    assert JOBS["reminders"].slot(vn(2026, 3, 6, 6, 45)) == "2026-03-06"
    sweep = JOBS["outbox-sweep"].slot
    assert sweep(datetime(2026, 3, 6, 0, 0, 29, tzinfo=UTC)) == sweep(
        datetime(2026, 3, 6, 0, 0, 0, tzinfo=UTC)
    )
    assert sweep(datetime(2026, 3, 6, 0, 0, 30, tzinfo=UTC)) != sweep(
        datetime(2026, 3, 6, 0, 0, 29, tzinfo=UTC)
    )
    assert JOBS["clean-up"].slot(vn(2026, 3, 6, 3, 0)) == "2026-03-06"
