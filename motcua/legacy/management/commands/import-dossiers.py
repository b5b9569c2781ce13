"""`motcua import-dossiers FILE.csv [--batch-size N]`: dossiers from the system MotCua replaces.

The file is checked whole first; any problem is listed with its line and column on standard error
(English when LANG starts with "en", else Vietnamese), nothing is written, and the exit code is 2. Otherwise
the rows are written in batches and a summary is printed (with the placeholders created). A progress bar
is drawn on standard error when it is a terminal. Format and rules: docs/legacy-import.md.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.worktime.management.language import activate_from_environment, fail

from ... import services
from ...progress import TerminalProgress


class Command(BaseCommand):
    help = gettext_lazy(
        "Import dossiers from a legacy CSV file (checked whole first; existing codes skipped)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--batch-size",
            type=int,
            default=services.BATCH_SIZE,
            help=gettext_lazy("Rows written per transaction (default %(default)s)."),
        )

    def handle(self, *args, file: Path, batch_size: int, **options):
        activate_from_environment()
        if not file.is_file():
            fail(self, _("No such file: %(file)s") % {"file": file})
        if batch_size < 1:
            fail(self, _("The batch size must be at least 1."))
        try:
            summary = services.import_dossiers(
                file, batch_size=batch_size, progress=TerminalProgress.if_terminal(sys.stderr)
            )
        except services.ImportRefused as error:
            if error.written:
                self.stderr.write(
                    _(
                        "%(file)s changed after it was checked; the import stopped at the first bad row. "
                        "%(count)s dossiers written before it are kept: import the corrected file again "
                        "(they will be skipped):"
                    )
                    % {"file": file.name, "count": error.written}
                )
            else:
                self.stderr.write(_("%(file)s was not imported (nothing was written):") % {"file": file.name})
            self.stderr.write(error.text(), style_func=lambda text: text)
            sys.exit(2)
        self.stdout.write(str(summary))
