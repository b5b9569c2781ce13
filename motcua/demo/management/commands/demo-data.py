from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from motcua.demo import province
from motcua.demo.services import load_demo
from motcua.dossiers.lifecycle import State
from motcua.org.models import Agency, Role


class Command(BaseCommand):
    help = (
        "Load the demo province (Khánh Hòa), its demo accounts, its procedure catalogue and a few hundred "
        "dossiers of the last sixty days. Safe to repeat."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-dossiers",
            action="store_true",
            help="Load the province, accounts and catalogue only, without the demo dossiers.",
        )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            result, dossiers = load_demo(with_dossiers=not options["no_dossiers"])
            self.stdout.write(
                _(
                    "Demo province loaded: %(agencies)d agencies created, %(updated)d updated, "
                    "%(users)d users created, %(memberships)d memberships created."
                )
                % {
                    "agencies": result.agencies_created,
                    "updated": result.agencies_updated,
                    "users": result.users_created,
                    "memberships": result.memberships_created,
                }
            )
            self.stdout.write(_("Catalogue: %(summary)s") % {"summary": result.catalogue})
            if dossiers is not None:
                self.write_dossiers(dossiers)
            self.stdout.write("")
            self.write_accounts(result.accounts)

    def write_dossiers(self, loaded):
        summary = loaded.summary
        if loaded.created:
            line = _("Demo dossiers: %(created)d created in %(seconds).1f s.") % {
                "created": loaded.created,
                "seconds": loaded.seconds,
            }
        else:
            line = _("Demo dossiers: %(total)d already present, none added.") % {"total": summary.total}
        self.stdout.write(line)
        width = max(len(State(state).label) for state in summary.by_state)
        for state, count in summary.by_state.items():
            self.stdout.write(f"  {capfirst(State(state).label).ljust(width)}  {count:>4}")
        self.stdout.write(
            _(
                "Late: %(late)d finished after their appointment, %(overdue)d open past it. "
                "Paused: %(paused)d. With an apology and a new appointment: %(apologised)d. "
                "Linked groups: %(groups)d (%(linked)d dossiers)."
            )
            % {
                "late": summary.finished_late,
                "overdue": summary.open_overdue,
                "paused": summary.paused,
                "apologised": summary.apologised,
                "groups": summary.groups,
                "linked": summary.linked,
            }
        )

    def write_accounts(self, accounts):
        names = dict(Agency.objects.values_list("code", "name"))
        rows = [(province.ADMIN_USERNAME, province.DEMO_PASSWORD, capfirst(_("superuser")), "")]
        rows += [
            (
                account.username,
                province.DEMO_PASSWORD,
                capfirst(Role(account.role).label),
                names[account.agency_code],
            )
            for account in accounts
        ]
        header = (_("User name"), _("Password"), _("Role"), _("Agency"))
        widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
        self.stdout.write(self.style.MIGRATE_HEADING(_("Demo accounts (every one has the same password)")))
        for row in [header, *rows]:
            line = "  ".join(value.ljust(width) for value, width in zip(row, widths, strict=True))
            self.stdout.write(line.rstrip())
