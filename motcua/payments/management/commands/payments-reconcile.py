"""`motcua payments-reconcile`: ask the gateways about pending online payments, settle them (idempotent)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from motcua.payments import services
from motcua.payments.models import Outcome


class Command(BaseCommand):
    help = "Ask the gateway about each online payment pending for more than N minutes, and settle it once."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--older-than",
            type=int,
            default=None,
            metavar="MINUTES",
            help="Only payments started at least this many minutes ago "
            f"(default MOTCUA_PAYMENT_RECONCILE_MINUTES, now {settings.MOTCUA_PAYMENT_RECONCILE_MINUTES}).",
        )
        parser.add_argument(
            "--expire-after",
            type=int,
            default=None,
            metavar="HOURS",
            help="A payment still unknown at the gateway after this many hours becomes failed "
            f"(default MOTCUA_PAYMENT_EXPIRE_HOURS, now {settings.MOTCUA_PAYMENT_EXPIRE_HOURS}).",
        )

    def handle(self, *args, older_than: int | None, expire_after: int | None, **options) -> None:
        report = services.reconcile(
            older_than=None if older_than is None else timedelta(minutes=older_than),
            expire_after=None if expire_after is None else timedelta(hours=expire_after),
        )
        self.stdout.write(f"{report.checked} pending payments checked.")
        for outcome in Outcome:
            if report.count(outcome):
                self.stdout.write(f"  {outcome.value}: {report.count(outcome)}")
        if report.unreachable:
            self.stdout.write(f"  gateway not reachable or not enabled: {report.unreachable}")
