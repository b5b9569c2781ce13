"""The layout of Biểu II.06a (domain reference §7.1), shared by the Excel and PDF exports.

The title, the column headers and the fixed words of the form are statutory Vietnamese text: they are written
here as data, in Vietnamese, and printed the same whatever the user's language (like the slips of the dossiers
app), never passed through gettext. The summary below the table (rates, evaluations), which the form does not
have, is ordinary text through gettext; exports render it in Vietnamese with the rest (`exports.py`).
"""

from datetime import date

from django.utils.translation import gettext as _

from .settlement import Row, Settlement

FORM = "Biểu số II.06a/VPCP/KSTT"
TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
UNIT = "Đơn vị tính: Số hồ sơ TTHC"
TOTAL = "Tổng cộng"

# Columns 1 to 13 of the form, in order (statutory text).
HEADERS = (
    "STT",
    "Lĩnh vực, công việc giải quyết theo cấp",
    "Tổng số hồ sơ tiếp nhận",
    "Trong đó: Trực tuyến",
    "Trực tiếp, dịch vụ bưu chính",
    "Từ kỳ trước",
    "Số hồ sơ đã giải quyết",
    "Trước hạn",
    "Đúng hạn",
    "Quá hạn",
    "Số hồ sơ đang giải quyết",
    "Trong hạn",
    "Quá hạn",
)


def day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def number(value: int) -> str:
    """A count as Vietnamese documents write it: dots between thousands (1.234)."""
    return f"{value:,}".replace(",", ".")


def rate(value: str) -> str:
    """A rate of the JSON ("92.10") as Vietnamese documents write it: a decimal comma (92,10)."""
    return value.replace(".", ",")


def period(report: Settlement) -> str:
    return f"Từ ngày {day(report.first_day)} đến ngày {day(report.last_day)}"


def lines(report: Settlement) -> list[tuple[int | None, str, list[int], bool]]:
    """The table's lines: (number, label, columns 3-13, is the total), the rows then the total (no number)."""
    found = [(index, row.label, row.figures.columns(), False) for index, row in enumerate(report.rows, 1)]
    return [*found, (None, TOTAL, report.total.columns(), True)]


def summary(report: Settlement) -> list[tuple[str, str]]:
    """The rates and evaluations printed below the table (not part of the form)."""
    rates, evaluations = report.total.rates(), report.total.evaluations
    evaluation_rates = evaluations.as_dict()["rates"]
    return [
        (_("Resolved, of received (%)"), rate(rates["resolved"])),
        (_("Early, of resolved (%)"), rate(rates["early"])),
        (_("On time, of resolved (%)"), rate(rates["on_time"])),
        (_("Late, of resolved (%)"), rate(rates["late"])),
        (_("Dossiers received in the period"), number(evaluations.dossiers)),
        (_("Evaluated by the applicant"), number(evaluations.evaluated)),
        (_("Satisfied or very satisfied"), number(evaluations.satisfied)),
        (_("Evaluated, of received in the period (%)"), rate(evaluation_rates["evaluated"])),
        (_("Satisfied, of evaluated (%)"), rate(evaluation_rates["satisfied"])),
    ]


__all__ = [
    "FORM",
    "HEADERS",
    "TITLE",
    "TOTAL",
    "UNIT",
    "Row",
    "day",
    "lines",
    "number",
    "period",
    "rate",
    "summary",
]
