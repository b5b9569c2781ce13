"""`motcua catalogue import FILE`, `motcua catalogue export FILE`, `motcua catalogue template FILE.xlsx`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.catalog import services


class Command(BaseCommand):
    help = gettext_lazy("Import, export or get a template of the procedure catalogue (JSON or Excel).")

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser(
            "import", help=_("Check a catalogue file, then import it, or nothing of it.")
        ).add_argument("file", type=Path)
        actions.add_parser("export", help=_("Write the catalogue to a .json or .xlsx file.")).add_argument(
            "file", type=Path
        )
        actions.add_parser("template", help=_("Write an empty Excel template with its guide.")).add_argument(
            "file", type=Path
        )

    def handle(self, *args, action, file: Path, **options):
        if action == "import":
            try:
                result = services.import_catalogue(file)
            except services.CatalogueImportError as error:
                message = _("The file was not imported (nothing was changed):")
                raise CommandError(f"{message}\n{error}") from None
            self.stdout.write(self.style.SUCCESS(str(result)))
        elif action == "export":
            try:
                result = services.export_catalogue(file)
            except ValueError as error:
                raise CommandError(str(error)) from None
            message = _(
                "Exported %(procedures)s procedures, %(fields)s fields, %(bundles)s linked procedures."
            )
            self.stdout.write(self.style.SUCCESS(message % vars(result)))
        else:
            if file.suffix.lower() != ".xlsx":
                raise CommandError(_("The template is an Excel file: give a name ending in .xlsx."))
            services.write_template(file)
            self.stdout.write(self.style.SUCCESS(_("Template written to %(file)s.") % {"file": file}))
