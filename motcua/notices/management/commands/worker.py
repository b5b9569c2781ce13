"""`motcua worker`: background tasks and periodic jobs until stopped (SIGTERM lets the current task end)."""

from django.core.management.base import BaseCommand

from motcua.notices import worker


class Command(BaseCommand):
    help = "Run the background worker: outbox deliveries, reminders, escalations, calendar rescheduling."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds to wait when no task is ready (default 1)."
        )
        parser.add_argument(
            "--batch", action="store_true", help="Run the tasks ready now, then exit (no periodic jobs)."
        )
        parser.add_argument(
            "--no-scheduler", action="store_true", help="Run tasks only; another worker schedules the jobs."
        )

    def handle(self, *args, interval: float, batch: bool, no_scheduler: bool, **options) -> None:
        if batch:
            worker.run_batch()
            return
        worker.run(interval=interval, with_scheduler=not no_scheduler)
