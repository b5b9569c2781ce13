"""Periodic jobs, scheduled by the worker itself (no separate beat process).

Each job has a slot function: the slot due at an instant (a number of intervals since the epoch, or a day),
or None when none is due yet. Every `motcua worker` process runs `Scheduler.tick()` about once a second; for a
job whose slot changed, it inserts a `PeriodicSlot(job, slot)` row and, only if the row is new, enqueues the
job, in the same transaction. The unique (job, slot) constraint makes one process win: a job runs once per
slot however many workers run. A slot missed while no worker ran is not caught up, except today's reminders,
which go out when a worker starts later that day.
"""

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections, transaction
from django.utils import timezone

from . import escalation, outbox, reminders
from .models import PeriodicSlot

logger = logging.getLogger("motcua.notices.scheduler")

ESCALATION_EVERY_SECONDS = 600
KEEP_FINISHED_TASKS_DAYS = 7


def every(seconds: Callable[[], float]) -> Callable[[datetime], str]:
    def slot(now: datetime) -> str:
        return str(int(now.timestamp() // max(seconds(), 1)))

    return slot


def daily_at(hour: Callable[[], str]) -> Callable[[datetime], str | None]:
    """Once a day, from `hour` (HH:MM, Vietnamese time) on."""

    def slot(now: datetime) -> str | None:
        local = timezone.localtime(now)
        return local.date().isoformat() if local.time() >= time.fromisoformat(hour()) else None

    return slot


def clean_up() -> None:
    """Finished task rows older than a week, and old slots: the outbox keeps its own history."""
    call_command("prune_db_task_results", min_age_days=KEEP_FINISHED_TASKS_DAYS, verbosity=0)
    PeriodicSlot.objects.filter(
        claimed_at__lt=timezone.now() - timedelta(days=KEEP_FINISHED_TASKS_DAYS)
    ).delete()


def delete_orphaned_uploads() -> int:
    """Files of the upload directories no row refers to, older than the grace period (dossiers/orphans.py)."""
    from motcua.dossiers.orphans import delete_orphaned_uploads

    return len(delete_orphaned_uploads().deleted)


def delete_abandoned_drafts() -> int:
    """Citizens' online drafts not saved for MOTCUA_DRAFT_KEEP_DAYS, with their files (citizens/filing.py)."""
    from motcua.citizens.filing import delete_abandoned

    return delete_abandoned()


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[], object]
    slot: Callable[[datetime], str | None]


JOBS = {
    job.name: job
    for job in (
        Job("outbox-sweep", outbox.sweep, every(lambda: settings.MOTCUA_OUTBOX_SWEEP_SECONDS)),
        Job("escalations", escalation.escalate_overdue_steps, every(lambda: ESCALATION_EVERY_SECONDS)),
        Job("reminders", reminders.send_digests, daily_at(lambda: settings.MOTCUA_REMINDER_HOUR)),
        Job("clean-up", clean_up, daily_at(lambda: "03:00")),
        Job("abandoned-drafts", delete_abandoned_drafts, daily_at(lambda: "03:15")),
        Job("orphan-uploads", delete_orphaned_uploads, daily_at(lambda: "03:30")),
    )
}


def claim(job: Job, slot: str, worker: str = "") -> bool:
    """Enqueue `job` for `slot` unless another process already did; True when this one did."""
    from .tasks import run_periodic_job

    with transaction.atomic():
        _row, created = PeriodicSlot.objects.get_or_create(
            job=job.name, slot=slot, defaults={"worker": worker}
        )
        if created:
            run_periodic_job.enqueue(job.name)
    return created


class Scheduler:
    """The loop a worker process runs beside its task loop (in a thread of its own)."""

    def __init__(self, worker: str = "", jobs: dict[str, Job] | None = None) -> None:
        self.worker = worker
        self.jobs = JOBS if jobs is None else jobs
        self.seen: dict[str, str] = {}  # the last slot looked at, per job: one database visit per slot
        self.stopping = threading.Event()

    def tick(self, now: datetime | None = None) -> list[str]:
        now = now or timezone.now()
        enqueued = []
        for job in self.jobs.values():
            slot = job.slot(now)
            if slot is None or self.seen.get(job.name) == slot:
                continue
            if claim(job, slot, self.worker):
                enqueued.append(job.name)
                logger.info("periodic job %s enqueued for slot %s", job.name, slot)
            self.seen[job.name] = slot
        return enqueued

    def run_forever(self, pause: float = 1.0) -> None:
        while not self.stopping.is_set():
            try:
                self.tick()
            except Exception:  # the database may be away for a moment: try again at the next tick
                logger.exception("the scheduler could not claim its periodic jobs")
            finally:
                close_old_connections()
            self.stopping.wait(pause)
