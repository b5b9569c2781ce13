"""Biểu II.06a as PDF (WeasyPrint, A4 landscape) in the Liberation Serif bundled in motcua/static/fonts/.

Like the dossier slips, the document fetches nothing but those font files, so the output does not depend on
the server's fonts or network. The stylesheet and font configuration are built once per thread.
"""

import logging
import threading
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

import motcua

from . import layout
from .settlement import Settlement

FONTS_DIR = Path(motcua.__file__).resolve().parent / "static" / "fonts"
STYLESHEET = Path(__file__).resolve().parent / "templates" / "reports" / "settlement.css"

logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


class BundledFontsOnly(URLFetcher):
    def __init__(self):
        super().__init__(allowed_protocols=["file"], fail_on_errors=True)

    def fetch(self, url, headers=None):
        path = Path(unquote(urlsplit(url).path)).resolve()
        if path.parent != FONTS_DIR:
            raise ValueError(f"reports fetch only the bundled fonts, not {url}")
        return super().fetch(url, headers)


class _Prepared(threading.local):
    font_config: FontConfiguration | None = None
    stylesheet: CSS | None = None
    fetcher: BundledFontsOnly | None = None


_prepared = _Prepared()


def _resources() -> tuple[FontConfiguration, CSS, BundledFontsOnly]:
    if _prepared.stylesheet is None:
        _prepared.fetcher = BundledFontsOnly()
        _prepared.font_config = FontConfiguration()
        _prepared.stylesheet = CSS(
            string=STYLESHEET.read_text(encoding="utf-8"),
            base_url=FONTS_DIR.as_uri() + "/",
            url_fetcher=_prepared.fetcher,
            font_config=_prepared.font_config,
        )
    return _prepared.font_config, _prepared.stylesheet, _prepared.fetcher


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
    html = unicodedata.normalize("NFC", render_to_string("reports/settlement.html", context))
    font_config, stylesheet, fetcher = _resources()
    page = HTML(string=html, base_url=FONTS_DIR.as_uri() + "/", url_fetcher=fetcher)
    rendered = page.render(stylesheets=[stylesheet], font_config=font_config)
    rendered.metadata.title = unicodedata.normalize("NFC", f"{layout.TITLE} – {report.agency.name}")
    rendered.metadata.authors = ["MotCua"]
    return rendered.write_pdf()
