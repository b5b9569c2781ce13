"""A valid catalogue (the example of docs/catalog-format.md, grown to three procedures), and row counts."""

import json

from openpyxl import Workbook, load_workbook

from motcua.catalog.excel_layout import CHILD_SHEETS, GUIDE_TITLE, SHEETS
from motcua.catalog.models import (
    Bundle,
    BundleMember,
    Fee,
    Field,
    Procedure,
    ProcedureVersion,
    ProcessStep,
    RequiredDocument,
)

BIRTH = {
    "code": "1.001193",
    "name": "Thủ tục đăng ký khai sinh",
    "field": "HOTICH",
    "level": "commune",
    "agency_kinds": ["commune"],
    "subjects": "Công dân Việt Nam",
    "channels": ["direct", "online", "postal"],
    "online_level": "full",
    "legal_time_limit": {"value": "1", "unit": "working_days"},
    "committed_time_limit": {"value": "0.5", "unit": "working_days"},
    "same_day_cutoff": None,
    "fees": [{"name": "Lệ phí đăng ký khai sinh", "amount": 0, "note": "Miễn lệ phí khi đăng ký đúng hạn"}],
    "documents": [
        {"name": "Tờ khai đăng ký khai sinh", "originals": 1, "copies": 0, "required": True, "form": None}
    ],
    "conditions": "",
    "result": "Giấy khai sinh",
    "result_is_document": True,
    "legal_basis": (
        "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014\nNghị định số 123/2015/NĐ-CP ngày 15/11/2015"
    ),
    "status": "in_force",
    "publication_decision": "",
    "publication_date": None,
    "process": [
        {"name": "Tiếp nhận hồ sơ", "agency": "receiving", "role": "desk_officer", "hours": "1"},
        {"name": "Thẩm định, trình ký", "agency": "receiving", "role": "specialist", "hours": "2"},
        {"name": "Ký duyệt", "agency": "receiving", "role": "leader", "hours": "0.5"},
        {"name": "Trả kết quả", "agency": "receiving", "role": "desk_officer", "hours": "0.5"},
    ],
}
RESIDENCE = {
    "code": "1.004194",
    "name": "Đăng ký thường trú",
    "field": "CUTRU",
    "level": "commune",
    "agency_kinds": ["vertical"],
    "channels": ["direct", "online"],
    "online_level": "partial",
    "legal_time_limit": {"value": "7", "unit": "working_days"},
    "committed_time_limit": {"value": "6", "unit": "working_days"},
    "documents": [
        {"name": "Tờ khai thay đổi thông tin cư trú", "originals": 1, "copies": 0, "required": True}
    ],
    "result": "Thông báo kết quả đăng ký thường trú",
    "result_is_document": True,
    "publication_decision": "Quyết định số 320/QĐ-BCA",
    "publication_date": "2023-01-10",
    "process": [
        {"name": "Tiếp nhận", "agency": "receiving", "role": "desk_officer", "hours": "4"},
        {"name": "Xử lý", "agency": "000.00.31.H34", "role": "specialist", "hours": "40"},
        {"name": "Phê duyệt", "agency": "000.00.31.H34", "role": "leader", "hours": "4"},
    ],
}
COPY = {
    "code": "2.000815",
    "name": "Cấp bản sao có chứng thực từ bản chính",
    "field": "CHUNGTHUC",
    "level": "commune",
    "agency_kinds": ["commune", "district"],
    "channels": ["direct"],
    "online_level": "none",
    "legal_time_limit": {"value": "0", "unit": "working_days"},
    "committed_time_limit": {"value": "0", "unit": "working_days"},
    "same_day_cutoff": "15:00",
    "fees": [{"name": "Phí chứng thực", "amount": 2000, "note": "Mỗi trang"}],
    "documents": [{"name": "Bản chính giấy tờ", "originals": 1, "copies": 0, "required": True, "form": None}],
    "result": "Bản sao được chứng thực từ bản chính",
    "result_is_document": True,
}
CATALOGUE = {
    "format": "motcua-catalogue",
    "version": 1,
    "fields": [
        {"code": "HOTICH", "name": "Hộ tịch"},
        {"code": "CUTRU", "name": "Cư trú"},
        {"code": "CHUNGTHUC", "name": "Chứng thực"},
    ],
    "procedures": [BIRTH, RESIDENCE, COPY],
    "bundles": [
        {
            "code": "LT-KHAISINH",
            "name": "Liên thông đăng ký khai sinh, đăng ký thường trú",
            "description": "",
            "lead": "1.001193",
            "procedures": ["1.001193", "1.004194"],
        }
    ],
}
MODELS = [Field, Procedure, ProcedureVersion, RequiredDocument, Fee, ProcessStep, Bundle, BundleMember]


def write_json(path, data):
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def counts() -> dict[str, int]:
    """Rows of every catalogue table, to show a refused import wrote nothing."""
    return {model.__name__: model.objects.count() for model in MODELS}


def write_workbook(path, data):
    """The catalogue `data` (JSON shape) as an Excel workbook in the template's layout, values as codes."""
    workbook = Workbook()
    workbook.active.title = GUIDE_TITLE
    rows = {
        "fields": data.get("fields", []),
        "procedures": [_flat(procedure) for procedure in data.get("procedures", [])],
        "bundles": [{**bundle, "procedures": ", ".join(bundle["procedures"])} for bundle in data["bundles"]],
    }
    for child in CHILD_SHEETS:
        rows[child.key] = [
            {"procedure": procedure["code"], **item}
            for procedure in data.get("procedures", [])
            for item in procedure.get(child.key, [])
        ]
    for sheet in SHEETS:
        worksheet = workbook.create_sheet(sheet.title)
        worksheet.append([column.header for column in sheet.columns])
        for row in rows[sheet.key]:
            worksheet.append([_cell(row.get(column.key)) for column in sheet.columns])
    workbook.save(path)
    return path


def _flat(procedure: dict) -> dict:
    flat = dict(procedure)
    for limit in ("legal_time_limit", "committed_time_limit"):
        for part in ("value", "unit"):
            flat[f"{limit}.{part}"] = procedure[limit][part]
    return flat


def _cell(value):
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, bool):
        return "Có" if value else "Không"
    return value


def set_cell(path, sheet: str, row: int, header: str, value):
    """Change one cell of a workbook file, found by its sheet, row and column header."""
    workbook = load_workbook(path)
    worksheet = workbook[sheet]
    column = [cell.value for cell in worksheet[1]].index(header) + 1
    worksheet.cell(row, column).value = value
    workbook.save(path)


def delete_column(path, sheet: str, header: str):
    workbook = load_workbook(path)
    worksheet = workbook[sheet]
    worksheet.delete_cols([cell.value for cell in worksheet[1]].index(header) + 1)
    workbook.save(path)
