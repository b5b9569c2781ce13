"""`motcua report settlement`: the settlement report (Biểu II.06a) of an agency and its subtree.

    motcua report settlement --agency CODE --from YYYY-MM-DD --to YYYY-MM-DD
        [--format json|xlsx|pdf] [--by field|procedure|month|agency|level|channel] [--output FILE]

JSON goes to standard output unless --output is given; Excel and PDF are written to --output, or to a file
named after the agency and the period in the current directory, whose name is printed. Bad input: a one-line
error on standard error (English when LANG starts with "en", else Vietnamese) and exit code 2.
"""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.worktime.management.language import activate_from_environment, fail

from ...exports import export
from ...inputs import InputErrors, parse_settlement_request


class Command(BaseCommand):
    help = gettext_lazy("Statistics reports. motcua report settlement --agency CODE --from DATE --to DATE")
    requires_system_checks = []

    def add_arguments(self, parser):
        reports = parser.add_subparsers(dest="report", required=True)
        settlement = reports.add_parser(
            "settlement",
            help=gettext_lazy("Settlement of procedures (Biểu II.06a) of an agency and its subtree."),
        )
        settlement.add_argument(
            "--agency", help=gettext_lazy("Agency code; the report covers its whole subtree.")
        )
        settlement.add_argument(
            "--from", dest="first", help=gettext_lazy("First day, YYYY-MM-DD (Vietnamese dates).")
        )
        settlement.add_argument("--to", dest="last", help=gettext_lazy("Last day, YYYY-MM-DD, included."))
        settlement.add_argument(
            "--format", dest="fmt", default="json", help=gettext_lazy("json (default), xlsx or pdf.")
        )
        settlement.add_argument(
            "--by", help=gettext_lazy("One row per field, procedure, month, agency, level or channel.")
        )
        settlement.add_argument(
            "--output", help=gettext_lazy("File to write (default: standard output for JSON).")
        )

    def handle(self, *args, report, first, last, fmt, by, agency, output, **options):
        activate_from_environment()
        try:
            request = parse_settlement_request(agency, first, last, by, fmt)
        except InputErrors as error:
            fail(self, error.first())
        result = export(request.agency, request.first_day, request.last_day, request.by, request.format)
        if output is None and request.format == "json":
            self.stdout.write(result.content.decode(), ending="")
            return
        path = Path(output or result.filename)
        try:
            path.write_bytes(result.content)
        except OSError as error:
            fail(self, _("Cannot write %(file)s: %(reason)s") % {"file": path, "reason": error.strerror}, 1)
        self.stdout.write(_("Written to %(file)s.") % {"file": path})
