"""The background tasks of MotCua (django-tasks): thin wrappers that call a service function.

Arguments are JSON: keys, names, ids and ISO instants, never model instances.
"""

from datetime import datetime

from django_tasks import task


def _worker(context) -> str:
    ids = context.task_result.worker_ids
    return ids[-1] if ids else ""


@task(takes_context=True)
def deliver_message(context, key: str) -> str:
    """One delivery try of an outbox message (see outbox.deliver)."""
    from . import outbox

    return outbox.deliver(key, worker=_worker(context))


@task()
def run_periodic_job(name: str):
    """A periodic job whose slot this worker claimed (see scheduler.JOBS)."""
    from .scheduler import JOBS

    return JOBS[name].run()


@task()
def send_agency_digests(agency_id: int, now: str) -> int:
    """The morning's reminder digests of one agency's officials (enqueued by the reminders job)."""
    from . import reminders

    return reminders.send_agency_digests(agency_id, datetime.fromisoformat(now))
