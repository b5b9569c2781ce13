"""Reading exports back: the workbook's cells, the PDF's words."""

import io

from openpyxl import load_workbook
from pypdf import PdfReader

HEADER_ROW = 6
FIRST_ROW = 8


def sheet(content: bytes):
    assert content[:2] == b"PK"
    return load_workbook(io.BytesIO(content)).active


def table(content: bytes) -> list[list]:
    """The table's lines below the headers and column numbers, until the first empty line."""
    ws = sheet(content)
    lines = []
    for row in ws.iter_rows(min_row=FIRST_ROW, max_col=13, values_only=True):
        if all(value is None for value in row):
            break
        lines.append(list(row))
    return lines


def pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF-")
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


def pdf_page_sizes(content: bytes) -> list[tuple[float, float]]:
    return [
        (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1))
        for page in PdfReader(io.BytesIO(content)).pages
    ]
