"""HTML templates to PDF with WeasyPrint, in the Liberation Serif bundled in motcua/static/fonts/.

Every PDF MotCua writes (the dossier slips, the payment receipt, the settlement report) goes through `render`.
A document fetches nothing but those font files, so the output depends neither on the server's fonts nor on
its network. Parsing a stylesheet and loading the fonts is most of the cost of a first render, so each
stylesheet and WeasyPrint's font configuration are built once per thread and reused; WeasyPrint objects are
not shared between threads.
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

FONTS_DIR = Path(__file__).resolve().parent / "static" / "fonts"
FONTS_URL = FONTS_DIR.as_uri() + "/"

# WeasyPrint reports each rendering step at INFO, and production logs INFO: keep its progress out of the logs.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


class BundledFontsOnly(URLFetcher):
    """Fetch the bundled fonts and nothing else: a document never reaches the network or other files."""

    def __init__(self):
        super().__init__(allowed_protocols=["file"], fail_on_errors=True)

    def fetch(self, url, headers=None):
        path = Path(unquote(urlsplit(url).path)).resolve()
        if path.parent != FONTS_DIR:
            raise ValueError(f"PDF documents fetch only the bundled fonts, not {url}")
        return super().fetch(url, headers)


class _Prepared(threading.local):
    def __init__(self):
        self.fetcher = BundledFontsOnly()
        self.font_config = FontConfiguration()
        self.stylesheets: dict[Path, CSS] = {}

    def stylesheet(self, path: Path) -> CSS:
        if path not in self.stylesheets:
            self.stylesheets[path] = CSS(
                string=path.read_text(encoding="utf-8"),
                base_url=FONTS_URL,
                url_fetcher=self.fetcher,
                font_config=self.font_config,
            )
        return self.stylesheets[path]


_prepared = _Prepared()


def html(template: str, context: dict) -> str:
    return unicodedata.normalize("NFC", render_to_string(template, context))


def render(template: str, context: dict, *, stylesheet: Path, title: str) -> bytes:
    """The Django `template` rendered with `context` and the CSS file `stylesheet`, as PDF bytes."""
    css = _prepared.stylesheet(stylesheet)
    document = HTML(string=html(template, context), base_url=FONTS_URL, url_fetcher=_prepared.fetcher)
    rendered = document.render(stylesheets=[css], font_config=_prepared.font_config)
    rendered.metadata.title = unicodedata.normalize("NFC", title)
    rendered.metadata.authors = ["MotCua"]
    return rendered.write_pdf()
