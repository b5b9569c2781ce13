"""The slips' PDF rendering (through motcua.pdf, with the slips stylesheet) and their QR codes."""

from pathlib import Path

import segno

from motcua import pdf as documents

STYLESHEET = Path(__file__).resolve().parent.parent / "templates" / "dossiers" / "slips" / "slips.css"


def qr_svg(data: str) -> str:
    """An inline SVG QR code (error correction M, a quiet zone of 2 modules); its size is set by the CSS."""
    return segno.make(data, error="m", micro=False).svg_inline(border=2, omitsize=True, svgclass="qr")


def pdf(template: str, context: dict, *, title: str) -> bytes:
    """Render `template` with `context` to PDF bytes."""
    return documents.render(template, context, stylesheet=STYLESHEET, title=title)
