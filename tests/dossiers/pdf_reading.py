"""Reading a rendered PDF back as a person (or a phone) would: its words, pages, fonts and QR code."""

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader

A5 = (419.5, 595.3)
A4_LANDSCAPE = (841.9, 595.3)


def reader(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def text(data: bytes) -> str:
    """The text of every page, whitespace collapsed (table cells and wrapped lines read as one line)."""
    pages = reader(data).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    return [
        (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1))
        for page in reader(data).pages
    ]


def embedded_fonts(data: bytes) -> set[str]:
    """Names of the fonts whose program is embedded (/FontFile2: TrueType) in the PDF."""
    names = set()
    for page in reader(data).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None and "/FontFile2" in descriptor.get_object():
                    names.add(str(descendant.get_object()["/BaseFont"]))
    return names


def decoded_qr_codes(data: bytes) -> list[str]:
    """The QR codes on the first page, decoded by zbarimg from a 300 dpi picture of it."""
    if not (shutil.which("zbarimg") and shutil.which("pdftoppm")):
        pytest.skip("zbarimg (Debian zbar-tools) or pdftoppm is not installed")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "slip.pdf"
        source.write_bytes(data)
        subprocess.run(
            ["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", str(source), str(Path(folder) / "page")],
            check=True,
        )
        picture = next(Path(folder).glob("page*.png"))
        found = subprocess.run(["zbarimg", "--raw", "-q", str(picture)], capture_output=True, text=True)
    return found.stdout.split()
