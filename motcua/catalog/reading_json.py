"""Reading a catalogue JSON file (docs/catalog-format.md) into raw items for checking.py.

Places in a JSON file: the "sheet" is the list ("procedures"), the row is the item's number in it (from 1),
and the column is the key path inside the item ("documents[2].copies").
"""

import json
from decimal import Decimal
from pathlib import Path

from django.utils.translation import gettext as _

from .records import ImportProblem

FORMAT = "motcua-catalogue"
VERSION = 1
LISTS = ["fields", "procedures", "bundles"]


def read_json(path: Path, problems: list[ImportProblem]) -> dict[str, list]:
    """{"fields"|"procedures"|"bundles": [(raw item, locate), ...]}; problems of the whole file appended."""
    name = path.name

    def problem(column, message, row=None):
        problems.append(ImportProblem(name, "", row, column, message))

    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except UnicodeDecodeError:
        problem("", _("The file is not UTF-8 text."))
        return {}
    except json.JSONDecodeError as error:
        message = _("The file is not valid JSON (%(reason)s at column %(column)s).")
        problem("", message % {"reason": error.msg, "column": error.colno}, row=error.lineno)
        return {}
    if not isinstance(data, dict):
        problem("", _("The file must hold one JSON object."))
        return {}
    if data.get("format") != FORMAT:
        problem("format", _("The key “format” must say “%(format)s”.") % {"format": FORMAT})
    if data.get("version") != VERSION:
        problem("version", _("Only version %(version)s of the format is known.") % {"version": VERSION})
    for key in data:
        if key not in ["format", "version", *LISTS]:
            message = _("Unknown key “%(key)s”; the keys are: %(allowed)s.")
            problem(key, message % {"key": key, "allowed": ", ".join(["format", "version", *LISTS])})
    items = {}
    for key in LISTS:
        value = data.get(key, [])
        if not isinstance(value, list):
            problem(key, _("A list is expected here."))
            value = []
        items[key] = [(raw, _locator(name, key, row)) for row, raw in enumerate(value, start=1)]
    return items


def _locator(name: str, sheet: str, row: int):
    def locate(key: str):
        return name, sheet, row, key

    return locate
