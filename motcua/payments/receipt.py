"""The electronic receipt (biên lai) of a paid online payment, as PDF (WeasyPrint, A5, bundled font).

It confirms what MotCua recorded from the gateway: the dossier's code, the fees and the amount (in figures and
in words), the gateway, its transaction number and the time. The payer appears by initials only. Like the
dossier slips, its text is Vietnamese written in the template (a document, not UI), and the PDF fetches
nothing but the font files in motcua/static/fonts/. The statutory receipt for fees and charges (biên lai thu
phí, lệ phí) is issued by the collecting agency; docs/payments.md says how it would plug in.
"""

from pathlib import Path

from django.utils import timezone, translation

from motcua import pdf
from motcua.text import nfc

from . import words
from .models import Payment, Status

STYLESHEET = Path(__file__).resolve().parent / "templates" / "payments" / "receipt.css"
TITLE = "Biên lai thanh toán trực tuyến"


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
    return pdf.render(
        "payments/receipt.html", context(payment), stylesheet=STYLESHEET, title=f"{TITLE} {payment.order_id}"
    )
