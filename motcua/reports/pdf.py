"""Biểu II.06a as PDF (WeasyPrint, A4 landscape) in the Liberation Serif bundled in motcua/static/fonts/.

Rendered by motcua.pdf, like every PDF of MotCua: it fetches nothing but those font files.
"""

from pathlib import Path

from motcua import pdf

from . import layout
from .settlement import Settlement

STYLESHEET = Path(__file__).resolve().parent / "templates" / "reports" / "settlement.css"


def document(report: Settlement) -> bytes:
    context = {
        "form": layout.FORM,
        "title": layout.TITLE,
        "unit": layout.UNIT,
        "agency": report.agency.name,
        "period": layout.period(report),
        "headers": layout.HEADERS,
        "lines": [
            (number, label, [layout.number(value) for value in columns], is_total)
            for number, label, columns, is_total in layout.lines(report)
        ],
        "summary": layout.summary(report),
    }
    title = f"{layout.TITLE} – {report.agency.name}"
    return pdf.render("reports/settlement.html", context, stylesheet=STYLESHEET, title=title)
