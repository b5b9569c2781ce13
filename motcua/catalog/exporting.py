"""Exporting the catalogue in the format the import reads (JSON or Excel), and the empty Excel template.

Each procedure is written as its version in force (or, if none, its last published version); drafts stay
in the system. Blank forms are copied beside the file, under forms/<procedure code>/.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from . import labels
from .excel_layout import BUNDLES, CHILD_SHEETS, FIELDS, GUIDE_TITLE, PROCEDURES, SHEETS, Sheet
from .models import Bundle, Field, Procedure, RequiredDocument
from .reading_json import FORMAT, VERSION
from .records import RECEIVING, ProcedureRecord, snapshot
from .rules import number
from .selectors import latest_version

FORMS_DIR = "forms"


@dataclass
class ExportResult:
    fields: int = 0
    procedures: int = 0
    bundles: int = 0
    forms: int = 0


def export_catalogue(path: Path) -> ExportResult:
    """Write the catalogue to `path`: JSON or Excel by the extension (.json, .xlsx)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".xlsx"):
        raise ValueError(_("Unknown file type “%(suffix)s”: use .json or .xlsx.") % {"suffix": path.suffix})
    path.parent.mkdir(parents=True, exist_ok=True)
    result = ExportResult()
    records = _records()
    fields = list(Field.objects.order_by("code"))
    bundles = list(
        Bundle.objects.select_related("lead").prefetch_related("members__procedure").order_by("code")
    )
    forms = _copy_forms(records, path.parent, result)
    if suffix == ".json":
        data = {
            "format": FORMAT,
            "version": VERSION,
            "fields": [{"code": field.code, "name": field.name} for field in fields],
            "procedures": [_procedure_json(record, forms) for record in records],
            "bundles": [_bundle_json(bundle) for bundle in bundles],
        }
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        _write_workbook(path, fields, records, bundles, forms)
    result.fields, result.procedures, result.bundles = len(fields), len(records), len(bundles)
    return result


def write_template(path: Path) -> None:
    """An empty workbook with the sheets, the headers and the guide."""
    _write_workbook(Path(path), [], [], [], {})


def _records() -> list[ProcedureRecord]:
    records = []
    for procedure in Procedure.objects.order_by("code"):
        version = latest_version(procedure)
        if version is not None:
            records.append(snapshot(version))
    return records


def _copy_forms(records, directory: Path, result: ExportResult) -> dict[str, str]:
    """Copy every blank form beside the file; stored name -> path relative to the file."""
    copied = {}
    storage = RequiredDocument._meta.get_field("form").storage
    for record in records:
        for doc in record.documents:
            if doc.form_path is None or str(doc.form_path) in copied:
                continue
            relative = f"{FORMS_DIR}/{record.code}/{doc.form_path.name}"
            target = directory / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(str(doc.form_path), "rb") as source:
                target.write_bytes(source.read())
            copied[str(doc.form_path)] = relative
            result.forms += 1
    return copied


def _procedure_json(record: ProcedureRecord, forms: dict[str, str]) -> dict:
    return {
        "code": record.code,
        "name": record.name,
        "field": record.field,
        "level": record.level,
        "agency_kinds": list(record.agency_kinds),
        "subjects": record.subjects,
        "channels": list(record.channels),
        "online_level": record.online_level,
        "legal_time_limit": {"value": number(record.legal.value), "unit": str(record.legal.unit)},
        "committed_time_limit": {"value": number(record.committed.value), "unit": str(record.committed.unit)},
        "same_day_cutoff": record.same_day_cutoff.strftime("%H:%M") if record.same_day_cutoff else None,
        "fees": [{"name": fee.name, "amount": fee.amount, "note": fee.note} for fee in record.fees],
        "documents": [
            {
                "name": doc.name,
                "originals": doc.originals,
                "copies": doc.copies,
                "required": doc.required,
                "form": forms.get(str(doc.form_path)) if doc.form_path else None,
            }
            for doc in record.documents
        ],
        "conditions": record.conditions,
        "result": record.result,
        "result_is_document": record.result_is_document,
        "legal_basis": record.legal_basis,
        "status": record.status,
        "publication_decision": record.publication_decision,
        "publication_date": record.publication_date.isoformat() if record.publication_date else None,
        "process": [
            {"name": step.name, "agency": step.agency, "role": step.role, "hours": number(step.hours)}
            for step in record.process
        ],
    }


def _bundle_json(bundle: Bundle) -> dict:
    return {
        "code": bundle.code,
        "name": bundle.name,
        "description": bundle.description,
        "lead": bundle.lead.code,
        "procedures": [member.procedure.code for member in bundle.members.all()],
    }


# Excel


def _procedure_row(record: ProcedureRecord) -> dict:
    return {
        "code": record.code,
        "name": record.name,
        "field": record.field,
        "level": labels.label("level", record.level),
        "agency_kinds": ", ".join(record.agency_kinds),
        "subjects": record.subjects,
        "channels": ", ".join(labels.label("channel", code) for code in record.channels),
        "online_level": labels.label("online_level", record.online_level),
        "legal_time_limit.value": record.legal.value,
        "legal_time_limit.unit": labels.label("unit", record.legal.unit),
        "committed_time_limit.value": record.committed.value,
        "committed_time_limit.unit": labels.label("unit", record.committed.unit),
        "same_day_cutoff": record.same_day_cutoff.strftime("%H:%M") if record.same_day_cutoff else None,
        "conditions": record.conditions,
        "result": record.result,
        "result_is_document": labels.boolean_label(record.result_is_document),
        "legal_basis": record.legal_basis,
        "status": labels.label("status", record.status),
        "publication_decision": record.publication_decision,
        "publication_date": record.publication_date,
    }


def _child_rows(sheet: Sheet, record: ProcedureRecord, forms: dict[str, str]) -> list[dict]:
    if sheet.key == "documents":
        return [
            {
                "name": doc.name,
                "originals": doc.originals,
                "copies": doc.copies,
                "required": labels.boolean_label(doc.required),
                "form": forms.get(str(doc.form_path)) if doc.form_path else None,
            }
            for doc in record.documents
        ]
    if sheet.key == "fees":
        return [{"name": fee.name, "amount": fee.amount, "note": fee.note} for fee in record.fees]
    with translation.override("vi"):
        receiving = str(labels.RECEIVING_LABEL).capitalize()
    return [
        {
            "name": step.name,
            "agency": receiving if step.agency == RECEIVING else step.agency,
            "role": labels.label("role", step.role),
            "hours": step.hours,
        }
        for step in record.process
    ]


def _write_workbook(path: Path, fields, records, bundles, forms) -> None:
    workbook = Workbook()
    _write_guide(workbook.active)
    rows = {
        FIELDS.key: [{"code": field.code, "name": field.name} for field in fields],
        PROCEDURES.key: [_procedure_row(record) for record in records],
        BUNDLES.key: [
            {**_bundle_json(bundle), "procedures": ", ".join(_bundle_json(bundle)["procedures"])}
            for bundle in bundles
        ],
    }
    for sheet in CHILD_SHEETS:
        rows[sheet.key] = [
            {"procedure": record.code, **row}
            for record in records
            for row in _child_rows(sheet, record, forms)
        ]
    for sheet in SHEETS:
        _write_sheet(workbook.create_sheet(sheet.title), sheet, rows[sheet.key])
    workbook.save(path)


def _write_sheet(worksheet, sheet: Sheet, rows: list[dict]) -> None:
    worksheet.append([column.header for column in sheet.columns])
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    worksheet.freeze_panes = "A2"
    for row in rows:
        worksheet.append([row.get(column.key) for column in sheet.columns])
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        worksheet.column_dimensions[letter].width = max(14, min(50, len(column.header) + 6))
        if column.key in ("code", "procedure", "lead", "procedures"):
            # Codes are text: typed into a number cell, 2.000630 would become 2.00063.
            for (cell,) in worksheet.iter_rows(
                min_row=2, max_row=len(rows) + 200, min_col=index, max_col=index
            ):
                cell.number_format = "@"


def _write_guide(worksheet) -> None:
    worksheet.title = GUIDE_TITLE
    worksheet.append([_("MotCua procedure catalogue: how to fill in this workbook")])
    worksheet["A1"].font = Font(bold=True, size=14)
    lines = [
        _(
            "Each sheet holds one list; the first row holds the column headers, which must be kept as they "
            "are."
        ),
        _(
            "Values may be written as codes (e.g. working_days) or as their Vietnamese labels (Ngày làm "
            "việc)."
        ),
        _("An import checks the whole workbook first and writes nothing if any row is wrong."),
        _("A procedure whose content changed gets a new version; identical content changes nothing."),
    ]
    for line in lines:
        worksheet.append([line])
    worksheet.append([])
    worksheet.append([_("Sheet"), _("Column"), _("Required"), _("What to write")])
    for cell in worksheet[worksheet.max_row]:
        cell.font = Font(bold=True)
    for sheet in SHEETS:
        worksheet.append([sheet.title, "", "", str(sheet.help)])
        worksheet.cell(worksheet.max_row, 1).font = Font(bold=True)
        for column in sheet.columns:
            required = _("column required") if column.required else ""
            worksheet.append([sheet.title, column.header, required, str(column.help)])
    for letter, width in zip("ABCD", (22, 32, 18, 100), strict=True):
        worksheet.column_dimensions[letter].width = width
    for row in worksheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
