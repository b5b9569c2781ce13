"""What the import says about a file it refuses: each problem with its line and column."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class RowError:
    line: int  # 0: the file as a whole
    column: str  # "" when the problem is not one column's
    message: str

    def __str__(self) -> str:
        if not self.line:
            return self.message
        if not self.column:
            return _("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message}
        return _("Line %(line)s, column %(column)s: %(message)s") % {
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


class ImportRefused(Exception):
    """The file was not imported. `errors` lists every problem found (up to a limit, `more` saying how many
    were left out). `written` is 0 when the check refused the file (nothing of it was written); otherwise the
    file changed after it was checked, and `written` dossiers of the batches committed before the bad row stay
    (importing the corrected file again skips them)."""

    def __init__(self, errors: list[RowError], more: int = 0, written: int = 0):
        self.errors = errors
        self.more = more
        self.written = written
        super().__init__(self.text())

    def text(self) -> str:
        lines = [str(error) for error in self.errors]
        if self.more:
            lines.append(_("… and %(count)s more problems.") % {"count": self.more})
        return "\n".join(lines)
