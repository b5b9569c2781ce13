"""The electronic receipt (biên lai) of a paid online payment, as PDF (WeasyPrint, A5, bundled font).

It confirms what MotCua recorded from the gateway: the dossier's code, the fees and the amount (in figures and
in words), the gateway, its transaction number and the time. The payer appears by initials only. Like the
dossier slips, its text is Vietnamese written in the template (a document, not UI), and the PDF fetches
nothing but the font files in motcua/static/fonts/. The statutory receipt for fees and charges (biên lai thu
phí, lệ phí) is issued by the collecting agency; docs/payments.md says how it would plug in.
"""

import logging
import threading
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

import motcua
from motcua.text import nfc

from . import words
from .models import Payment, Status

FONTS_DIR = Path(motcua.__file__).resolve().parent / "static" / "fonts"
STYLESHEET = Path(__file__).resolve().parent / "templates" / "payments" / "receipt.css"
TITLE = "Biên lai thanh toán trực tuyến"

logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


class BundledFontsOnly(URLFetcher):
    def __init__(self):
        super().__init__(allowed_protocols=["file"], fail_on_errors=True)

    def fetch(self, url, headers=None):
        path = Path(unquote(urlsplit(url).path)).resolve()
        if path.parent != FONTS_DIR:
            raise ValueError(f"receipts fetch only the bundled fonts, not {url}")
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


def _dated(instant) -> str:
    local = timezone.localtime(instant)
    month = f"{local.month:02d}" if local.month < 3 else str(local.month)
    return f"ngày {local.day:02d} tháng {month} năm {local.year}"


def context(payment: Payment) -> dict:
    from .gateways import UnknownGateway, gateway_for

    dossier = payment.dossier
    agency = dossier.receiving_agency
    try:
        with translation.override("vi"):
            gateway = str(gateway_for(payment.gateway).label)
    except UnknownGateway:
        gateway = payment.gateway
    paid = timezone.localtime(payment.paid_at)
    return {
        "title": TITLE,
        "governing": nfc(agency.parent.name) if agency.parent_id else "",
        "issuer": nfc(agency.name),
        "dated": _dated(payment.paid_at),
        "number": payment.order_id,
        "code": dossier.code,
        "procedure": nfc(dossier.procedure_version.name),
        "payer": words.initials(dossier.applicant_name),
        "fees": [
            {"name": nfc(str(fee.get("name", ""))), "amount": words.thousands(int(fee.get("amount", 0)))}
            for fee in payment.fees
        ],
        "total": words.thousands(payment.amount),
        "total_words": words.in_words(payment.amount),
        "gateway": nfc(gateway),
        "transaction": payment.transaction_id,
        "paid_at": f"{paid:%H:%M:%S} {_dated(paid)}",
    }


def render_receipt(payment: Payment) -> bytes:
    """The receipt of `payment` as PDF bytes; ValueError unless it is paid."""
    if payment.status != Status.PAID:
        raise ValueError("only a paid payment has a receipt")
    html = unicodedata.normalize("NFC", render_to_string("payments/receipt.html", context(payment)))
    font_config, stylesheet, fetcher = _resources()
    document = HTML(string=html, base_url=FONTS_DIR.as_uri() + "/", url_fetcher=fetcher)
    rendered = document.render(stylesheets=[stylesheet], font_config=font_config)
    rendered.metadata.title = unicodedata.normalize("NFC", f"{TITLE} {payment.order_id}")
    rendered.metadata.authors = ["MotCua"]
    return rendered.write_pdf()
