"""Biểu II.06a as an Excel workbook (openpyxl): title, agency, period, the 13 columns with their numbers, a
row per breakdown key and the total; then the rates and evaluations. A4 landscape, fitted to the page's width,
the header frozen and repeated on every printed page."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from . import layout
from .settlement import Settlement

FIRST_TABLE_ROW = 6  # headers; the row after holds the column numbers (1)...(13)
WIDTHS = (6, 46, *([12] * 11))
NUMBER_FORMAT = "#,##0"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def workbook(report: Settlement) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "II.06a"
    last = get_column_letter(len(layout.HEADERS))
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width

    sheet["A1"] = report.agency.name.upper()
    sheet["A1"].font = Font(bold=True)
    sheet[f"{last}1"] = layout.FORM
    sheet[f"{last}1"].alignment = Alignment(horizontal="right")
    for row, text, font in (
        (2, layout.TITLE, Font(bold=True, size=14)),
        (3, layout.period(report), Font(italic=True)),
        (4, layout.UNIT, Font(italic=True)),
    ):
        sheet.merge_cells(f"A{row}:{last}{row}")
        sheet[f"A{row}"] = text
        sheet[f"A{row}"].font = font
        sheet[f"A{row}"].alignment = Alignment(horizontal="center")

    header, numbers = FIRST_TABLE_ROW, FIRST_TABLE_ROW + 1
    for column, text in enumerate(layout.HEADERS, start=1):
        cell = sheet.cell(header, column, text)
        cell.font, cell.alignment, cell.border = Font(bold=True), CENTRE, BOX
        cell = sheet.cell(numbers, column, f"({column})")
        cell.font, cell.alignment, cell.border = Font(italic=True), CENTRE, BOX
    sheet.row_dimensions[header].height = 48

    row = numbers
    for number, label, columns, is_total in layout.lines(report):
        row += 1
        values = [number, label, *columns]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column, value)
            cell.border = BOX
            if column > 2:
                cell.number_format = NUMBER_FORMAT
            elif column == 1:
                cell.alignment = Alignment(horizontal="center")
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if is_total:
                cell.font = Font(bold=True)

    row += 2
    for label, value in layout.summary(report):
        sheet.cell(row, 2, label)
        sheet.cell(row, 3, value).alignment = Alignment(horizontal="right")
        row += 1

    sheet.freeze_panes = sheet.cell(numbers + 1, 3)  # headers above, numbers and labels on the left
    sheet.print_title_rows = f"{header}:{numbers}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    book.properties.title = f"{layout.TITLE} – {report.agency.name}"
    book.properties.creator = "MotCua"
    out = BytesIO()
    book.save(out)
    return out.getvalue()
