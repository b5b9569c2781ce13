"""HTML templates to PDF with WeasyPrint, in the bundled Liberation Serif, fetching nothing but those fonts.

The stylesheet (`templates/dossiers/slips/slips.css`, with its @font-face rules) and WeasyPrint's font
configuration are built once per thread and reused: parsing the CSS and loading the four font files is most of
the cost of a first render. WeasyPrint objects are not shared between threads.
"""

import logging
import threading
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import segno
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

import motcua

FONTS_DIR = Path(motcua.__file__).resolve().parent / "static" / "fonts"
STYLESHEET = Path(__file__).resolve().parent.parent / "templates" / "dossiers" / "slips" / "slips.css"

# WeasyPrint reports each rendering step at INFO, and production logs INFO: keep its progress out of the logs.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


class BundledFontsOnly(URLFetcher):
    """Fetch the bundled fonts and nothing else: a slip never reaches the network or other files."""

    def __init__(self):
        super().__init__(allowed_protocols=["file"], fail_on_errors=True)

    def fetch(self, url, headers=None):
        path = Path(unquote(urlsplit(url).path)).resolve()
        if path.parent != FONTS_DIR:
            raise ValueError(f"slips fetch only the bundled fonts, not {url}")
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


def qr_svg(data: str) -> str:
    """An inline SVG QR code (error correction M, a quiet zone of 2 modules); its size is set by the CSS."""
    return segno.make(data, error="m", micro=False).svg_inline(border=2, omitsize=True, svgclass="qr")


def html(template: str, context: dict) -> str:
    return unicodedata.normalize("NFC", render_to_string(template, context))


def pdf(template: str, context: dict, *, title: str) -> bytes:
    """Render `template` with `context` to PDF bytes."""
    font_config, stylesheet, fetcher = _resources()
    document = HTML(string=html(template, context), base_url=FONTS_DIR.as_uri() + "/", url_fetcher=fetcher)
    rendered = document.render(stylesheets=[stylesheet], font_config=font_config)
    rendered.metadata.title = unicodedata.normalize("NFC", title)
    rendered.metadata.authors = ["MotCua"]
    return rendered.write_pdf()
