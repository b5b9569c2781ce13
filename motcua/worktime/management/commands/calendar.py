"""`motcua calendar show YEAR [--agency CODE]`: the year's days off and extra working days, with their names.

One day per line: date, weekday, kind, name, and for an override the decision behind it and its agency.
"""

from django.core.management.base import BaseCommand
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from motcua.worktime.engine import DAY_OFF, FIRST_YEAR, LAST_YEAR
from motcua.worktime.explanations import format_sessions
from motcua.worktime.inputs import find_agency
from motcua.worktime.selectors import calendar_for, calendar_year

from ..language import activate_from_environment, fail


class Command(BaseCommand):
    help = "Show the working calendar: motcua calendar show YEAR [--agency CODE]."
    requires_system_checks = []

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        show = actions.add_parser("show", help="days off and extra working days of a year")
        show.add_argument("year")
        show.add_argument("--agency", help="agency code (default: the national calendar)")

    def handle(self, *args, **options):
        activate_from_environment()
        year = options["year"]
        if not year.isdigit() or not FIRST_YEAR <= int(year) <= LAST_YEAR:
            fail(
                self,
                _("The year must be between %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR},
            )
        agency = None
        if options.get("agency"):
            try:
                agency = find_agency(options["agency"])
            except ValueError as error:
                fail(self, str(error))
        calendar = calendar_for(agency)
        scope = f"{agency.name} ({agency.code})" if agency else _("national calendar")
        self.stdout.write(
            _("Working calendar %(year)s, %(scope)s; sessions %(sessions)s")
            % {"year": year, "scope": scope, "sessions": format_sessions(calendar)}
        )
        for day in calendar_year(agency, int(year)):
            kind = _("day off") if day.kind == DAY_OFF else _("working day")
            line = f"{day.date:%d/%m/%Y}  {WEEKDAYS[day.date.weekday()]!s:<9} {kind:<14} {day.name}"
            if day.override is not None:
                where = day.override.agency or _("everywhere")
                line += (
                    " ["
                    + _("override: %(decision)s; %(where)s")
                    % {
                        "decision": day.override.decision,
                        "where": where,
                    }
                    + "]"
                )
            self.stdout.write(line)
