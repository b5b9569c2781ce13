"""The worker process: django-tasks-db's task loop, and the periodic-job scheduler beside it in a thread."""

import socket
import threading

from django.db import connection
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from .scheduler import Scheduler


def worker_id() -> str:
    return f"{socket.gethostname()[:40]}-{get_random_string(8)}"


def task_loop(worker: str, *, interval: float = 1.0, batch: bool = False) -> Worker:
    return Worker(
        queue_names=["*"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker,
        excluded_queue_names=[],
    )


def run(*, interval: float = 1.0, with_scheduler: bool = True) -> None:
    """Run until SIGTERM/SIGINT: the task loop in this (main) thread, the scheduler in a daemon thread."""
    name = worker_id()
    loop = task_loop(name, interval=interval)
    if with_scheduler:
        scheduler = Scheduler(worker=name)
        threading.Thread(target=_scheduler_thread, args=(scheduler,), name="scheduler", daemon=True).start()
    loop.configure_signals()
    loop.run()


def _scheduler_thread(scheduler: Scheduler) -> None:
    try:
        scheduler.run_forever()
    finally:
        connection.close()


def run_batch() -> None:
    """`motcua worker --batch`: the task loop until no task is ready, then return."""
    task_loop(f"batch-{get_random_string(8)}", interval=0, batch=True).run()


def run_pending(limit: int = 10_000) -> int:
    """Run the tasks ready now in this thread and connection, the way the task loop does, but without its
    connection housekeeping (which would close a test's transaction); return how many ran."""
    loop = task_loop(f"inline-{get_random_string(8)}", interval=0, batch=True)
    for count in range(limit):
        with exclusive_transaction():
            result = DBTaskResult.objects.ready().get_locked()
            if result is not None:
                result.claim(loop.worker_id)
        if result is None:
            return count
        loop.run_task(result)
    return limit
