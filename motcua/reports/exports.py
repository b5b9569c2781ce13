"""The settlement report as a file: JSON (the API's body), or Excel or PDF (Biểu II.06a, always in
Vietnamese, the language of the form, whatever the user's language)."""

import json
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import translation

from motcua.org.models import Agency

from . import excel, pdf
from .settlement import settlement

FORMATS = ("json", "xlsx", "pdf")
CONTENT_TYPES = {
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class Export:
    content: bytes
    content_type: str
    filename: str


def filename(agency: Agency, first_day: date, last_day: date, by: str | None, fmt: str) -> str:
    parts = ["II06a", agency.code, first_day.strftime("%Y%m%d"), last_day.strftime("%Y%m%d"), by]
    return "-".join(part for part in parts if part) + f".{fmt}"


def settlement_json(
    agency: Agency, first_day: date, last_day: date, by: str | None = None, *, now: datetime | None = None
) -> dict:
    """The report as the JSON object of `motcua report settlement --format json` and of
    GET /api/v1/reports/settlement/ (docs/reports.md, "JSON")."""
    return settlement(agency, first_day, last_day, by, now=now).as_dict()


def export(
    agency: Agency, first_day: date, last_day: date, by: str | None, fmt: str, *, now: datetime | None = None
) -> Export:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if fmt == "json":
        data = settlement_json(agency, first_day, last_day, by, now=now)
        content = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
    else:
        with translation.override("vi"):
            report = settlement(agency, first_day, last_day, by, now=now)
            content = excel.workbook(report) if fmt == "xlsx" else pdf.document(report)
    return Export(content, CONTENT_TYPES[fmt], filename(agency, first_day, last_day, by, fmt))
