"""Reading a catalogue workbook (.xlsx, layout in excel_layout.py) into raw items for checking.py.

Rows of the child sheets (documents, fees, process) are attached to their procedure by code, so the checks
are the JSON ones; every value keeps its place: sheet, row number and column ("K (Thời hạn cam kết)").
"""

import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from . import labels
from .checking import is_blank
from .excel_layout import BUNDLES, CHILD_SHEETS, FIELDS, PROCEDURES, Sheet
from .records import RECEIVING, ImportProblem


def read_excel(path: Path, problems: list[ImportProblem]) -> dict[str, list]:
    """{"fields"|"procedures"|"bundles": [(raw item, locate), ...]}; problems of the layout appended."""
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        problems.append(
            ImportProblem(path.name, "", None, "", _("The file is not an Excel workbook (.xlsx)."))
        )
        return {}
    try:
        reader = WorkbookReader(path.name, workbook, problems)
        return reader.items()
    finally:
        workbook.close()


def cell_code(value) -> str:
    """A procedure code as written in a cell (a number if the column was not formatted as text)."""
    if isinstance(value, float | Decimal):
        return f"{value:.6f}"
    return unicodedata.normalize("NFC", str(value)).strip() if value is not None else ""


class WorkbookReader:
    def __init__(self, name: str, workbook, problems: list[ImportProblem]):
        self.name = name
        self.workbook = workbook
        self.problems = problems
        self.titles = {labels.normal(title): title for title in workbook.sheetnames}

    def problem(self, sheet: Sheet, row, column: str, message: str) -> None:
        self.problems.append(ImportProblem(self.name, sheet.title, row, column, message))

    def rows(self, sheet: Sheet, required: bool) -> list[tuple[int, dict, dict]]:
        """(row number, {key: value}, {key: column label}) per non-empty row; [] if the layout is wrong."""
        title = self.titles.get(labels.normal(sheet.title))
        if title is None:
            if required:
                message = _("The sheet “%(sheet)s” is missing.") % {"sheet": sheet.title}
                self.problems.append(ImportProblem(self.name, sheet.title, None, "", message))
            return []
        values = list(self.workbook[title].iter_rows(values_only=True))
        header = values[0] if values else ()
        columns = self.columns(sheet, header)
        if columns is None:
            return []
        found = []
        for number, row in enumerate(values[1:], start=2):
            if all(is_blank(value) for value in row):
                continue
            cells = {
                key: row[index] if index < len(row) else None for index, (key, _label) in columns.items()
            }
            places = {key: label for _index, (key, label) in columns.items()}
            found.append((number, cells, places))
        return found

    def columns(self, sheet: Sheet, header) -> dict[int, tuple[str, str]] | None:
        """index -> (key, "C (header)"), or None when a column is missing, unknown or repeated."""
        by_word = {}
        for column in sheet.columns:
            by_word[labels.normal(column.header)] = column
            by_word[labels.normal(column.key)] = column
        columns, seen, ok = {}, set(), True
        for index, text in enumerate(header):
            if is_blank(text):
                continue
            place = f"{get_column_letter(index + 1)} ({text})"
            column = by_word.get(labels.normal(text))
            if column is None:
                expected = ", ".join(column.header for column in sheet.columns)
                message = _("Unknown column “%(column)s”; the columns are: %(expected)s.")
                self.problem(sheet, 1, place, message % {"column": text, "expected": expected})
                ok = False
            elif column.key in seen:
                self.problem(sheet, 1, place, _("The column “%(column)s” appears twice.") % {"column": text})
                ok = False
            else:
                seen.add(column.key)
                columns[index] = (column.key, place)
        for column in sheet.columns:
            if column.required and column.key not in seen:
                message = _("The required column “%(column)s” is missing.") % {"column": column.header}
                self.problem(sheet, 1, column.header, message)
                ok = False
        return columns if ok else None

    def locator(self, sheet: Sheet, row: int, places: dict[str, str]):
        def locate(key: str):
            return self.name, sheet.title, row, places.get(key, "")

        return locate

    def items(self) -> dict[str, list]:
        items = {"fields": [], "procedures": [], "bundles": []}
        for number, cells, places in self.rows(FIELDS, False):
            items["fields"].append((cells, self.locator(FIELDS, number, places)))
        procedures = {}  # code -> (raw, places of its own and its children's values, row)
        for number, cells, places in self.rows(PROCEDURES, True):
            raw = {key: value for key, value in cells.items() if "." not in key}
            for limit in ("legal_time_limit", "committed_time_limit"):
                raw[limit] = {part: cells.get(f"{limit}.{part}") for part in ("value", "unit")}
            raw.update({child.key: [] for child in CHILD_SHEETS})
            all_places = dict(places)
            item = (raw, all_places, number)
            items["procedures"].append(item)
            procedures.setdefault(cell_code(cells.get("code")), item)
        for sheet in CHILD_SHEETS:
            self.attach(sheet, procedures)
        items["procedures"] = [
            (raw, self.procedure_locator(number, places)) for raw, places, number in items["procedures"]
        ]
        for number, cells, places in self.rows(BUNDLES, False):
            items["bundles"].append((self.bundle(cells), self.locator(BUNDLES, number, places)))
        return items

    def attach(self, sheet: Sheet, procedures: dict) -> None:
        """Append each row of a child sheet to its procedure's list, remembering where its values are."""
        for number, cells, places in self.rows(sheet, False):
            code = cell_code(cells.pop("procedure"))
            if code not in procedures:
                if code:
                    message = _("There is no procedure %(code)s in the sheet “%(sheet)s”.")
                    message %= {"code": code, "sheet": PROCEDURES.title}
                else:
                    message = _("A value is required.")
                self.problem(sheet, number, places["procedure"], message)
                continue
            raw, all_places, _row = procedures[code]
            if sheet.key == "process" and is_blank(cells.get("agency")):
                cells["agency"] = RECEIVING
            raw[sheet.key].append(cells)
            index = len(raw[sheet.key])
            for key, place in places.items():
                all_places[f"{sheet.key}[{index}].{key}"] = (sheet, number, place)

    def procedure_locator(self, row: int, places: dict):
        def locate(key: str):
            place = places.get(key)
            if isinstance(place, tuple):
                sheet, number, column = place
                return self.name, sheet.title, number, column
            return self.name, PROCEDURES.title, row, place or places.get(key.partition(".")[0], "")

        return locate

    @staticmethod
    def bundle(cells: dict) -> dict:
        members = cells.get("procedures")
        if isinstance(members, str):
            cells["procedures"] = [
                part.strip() for part in members.replace(";", ",").replace("\n", ",").split(",")
            ]
            cells["procedures"] = [part for part in cells["procedures"] if part]
        elif members is not None:
            cells["procedures"] = [members]
        return cells
