"""`motcua service-index`: the real-time service index (Decision 766) of an agency and its subtree.

    motcua service-index --agency CODE --from YYYY-MM-DD --to YYYY-MM-DD [--format json|text]

JSON (the same as GET /api/v1/service-index/) or a text table on standard output. Bad input: a one-line error
on standard error (English when LANG starts with "en", else Vietnamese) and exit code 2.
"""

import json

from django.core.management.base import BaseCommand
from django.utils.translation import gettext_lazy

from motcua.worktime.management.language import activate_from_environment, fail

from ...index import index
from ...inputs import InputErrors, parse_request
from ...presenting import as_text


class Command(BaseCommand):
    help = gettext_lazy("The real-time service index (Decision 766) of an agency and its subtree.")
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--agency", help=gettext_lazy("Agency code; the index covers its whole subtree."))
        parser.add_argument(
            "--from", dest="first", help=gettext_lazy("First day, YYYY-MM-DD (Vietnamese dates).")
        )
        parser.add_argument("--to", dest="last", help=gettext_lazy("Last day, YYYY-MM-DD, included."))
        parser.add_argument(
            "--format", dest="fmt", default="json", help=gettext_lazy("json (default) or text.")
        )

    def handle(self, *args, agency, first, last, fmt, **options):
        activate_from_environment()
        try:
            request = parse_request(agency, first, last, fmt)
        except InputErrors as error:
            fail(self, error.first())
        result = index(request.agency, request.first_day, request.last_day)
        if request.format == "text":
            self.stdout.write(as_text(result), ending="")
            return
        self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
