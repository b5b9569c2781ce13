"""Reading a legacy CSV file: UTF-8 (a byte order mark is allowed), a header row, one dossier per record.

`rows(path)` yields `(line, values)` with the line number where the record starts (a quoted value may span
lines) and the values in the order of `COLUMNS`, whatever the order of the file's columns; columns the import
does not know are ignored. A file that is not UTF-8, or lacks a column, is refused as a whole.
"""

import csv
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext as _

from .errors import ImportRefused, RowError

COLUMNS = (
    "code",
    "procedure_code",
    "procedure_name",
    "agency_code",
    "agency_name",
    "channel",
    "received_at",
    "due_at",
    "finished_at",
    "returned_at",
    "status",
    "supplement_count",
    "evaluation",
    "applicant_name",
)


class Progress:
    """Characters read so far, for a progress bar over the file's size."""

    def __init__(self) -> None:
        self.characters = 0


def _lines(handle, progress: Progress | None) -> Iterator[str]:
    if progress is None:
        yield from handle
        return
    for line in handle:
        progress.characters += len(line)
        yield line


def rows(path: Path, progress: Progress | None = None) -> Iterator[tuple[int, list[str]]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(_lines(handle, progress))
            header = next(reader, None)
            if header is None:
                raise ImportRefused([RowError(1, "", _("The file is empty: a header row is expected."))])
            names = [name.strip() for name in header]
            missing = [column for column in COLUMNS if column not in names]
            if missing:
                message = _("Columns missing from the header: %(columns)s.") % {"columns": ", ".join(missing)}
                raise ImportRefused([RowError(1, "", message)])
            positions = [names.index(column) for column in COLUMNS]
            width = len(names)
            identity = positions == list(range(len(COLUMNS)))
            start = reader.line_num + 1
            for record in reader:
                line, start = start, reader.line_num + 1
                if len(record) != width:
                    if not any(value.strip() for value in record):
                        continue  # a blank line
                    record = (record + [""] * width)[:width] if len(record) < width else record
                yield line, (record[: len(COLUMNS)] if identity else [record[i] for i in positions])
    except UnicodeDecodeError as error:
        message = _("The file is not UTF-8 text (byte %(position)s).") % {"position": error.start}
        raise ImportRefused([RowError(0, "", message)]) from None
    except csv.Error as error:
        raise ImportRefused(
            [RowError(0, "", _("The file is not valid CSV: %(reason)s") % {"reason": error})]
        ) from None
