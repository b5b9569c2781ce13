"""`motcua portal-reconcile`: re-send to the national portal what it does not hold (notices/reconcile.py)."""

from datetime import datetime, time, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from motcua.notices import services


class Command(BaseCommand):
    help = "Re-send to the national portal what it does not hold, for dossiers changed since a date."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--since", help="YYYY-MM-DD (Vietnamese date); default: 30 days ago.", default=None
        )
        parser.add_argument("--dry-run", action="store_true", help="Count only; send nothing.")

    def handle(self, *args, since: str | None, dry_run: bool, **options) -> None:
        if since:
            try:
                day = datetime.strptime(since, "%Y-%m-%d").date()
            except ValueError as error:
                raise CommandError("--since must be YYYY-MM-DD") from error
            start = datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())
        else:
            start = timezone.now() - timedelta(days=30)
        try:
            report = services.reconcile_portal(start, dry_run=dry_run)
        except ValueError as error:
            raise CommandError(str(error)) from error
        verb = "would be" if dry_run else "were"
        self.stdout.write(f"{report.dossiers} dossiers changed since {start:%Y-%m-%d %H:%M}.")
        self.stdout.write(f"{report.missing} latest events without a portal message {verb} written.")
        self.stdout.write(f"{report.dead} given-up messages {verb} tried again.")
        if report.asked_portal:
            self.stdout.write(
                f"{report.unacknowledged} delivered messages the portal does not hold {verb} sent again."
            )
        else:
            self.stdout.write(
                "The portal does not say which messages it holds; only our own records were used."
            )
