"""After payment, the tracking page links to the electronic receipt: a PDF (read back with pypdf) with the
dossier's code, the amount written the Vietnamese way, in figures and in words, the gateway's transaction
number, the time, and the payer's initials only."""

from io import BytesIO

import pytest
from django.test import Client
from pypdf import PdfReader

from motcua.payments.words import in_words, vnd
from tests.payments.helpers import callback_body, post_callback, receipt_link_on, started, tracking_path


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


@pytest.mark.django_db
def test_the_receipt_pdf_reads_back_with_code_amount_and_transaction(dossier):
    payment = started(dossier)
    post_callback(callback_body(payment, transaction_id="SBX123456789012"))

    page = Client().get(tracking_path(dossier)).content.decode()
    assert "Đang giải quyết" in page
    assert "Thanh toán phí trực tuyến" not in page
    answer = Client().get(receipt_link_on(page))

    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    assert answer["Cache-Control"] == "no-store"
    assert f'filename="bien-lai-{payment.order_id}.pdf"' in answer["Content-Disposition"]
    text = pdf_text(answer.content)
    assert "BIÊN LAI THANH TOÁN TRỰC TUYẾN" in text
    assert dossier.code in text
    assert "100.000" in text
    assert "Một trăm nghìn đồng" in text
    assert "SBX123456789012" in text
    assert "Lệ phí đăng ký hộ kinh doanh" in text
    assert "Ngân hàng thử nghiệm" in text  # the gateway's name, in Vietnamese
    assert "10:00:00 ngày 02 tháng 3 năm 2026" in text
    assert "N.V.A." in text and "Nguyễn Văn An" not in text


@pytest.mark.django_db
def test_no_receipt_without_a_valid_link_or_before_payment(dossier):
    payment = started(dossier)
    client = Client()
    assert client.get(f"/payments/receipt/{payment.order_id}/").status_code == 404
    assert client.get(f"/payments/receipt/{payment.order_id}/?token=forged").status_code == 404
    from motcua.payments import access

    token = access.receipt_token(payment.order_id)
    assert client.get(f"/payments/receipt/{payment.order_id}/?token={token}").status_code == 404  # unpaid
    other = access.receipt_token("MC000000000000AAAAAA")
    assert client.get(f"/payments/receipt/{payment.order_id}/?token={other}").status_code == 404


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (15_000, "Mười lăm nghìn đồng"),
        (21_000, "Hai mươi mốt nghìn đồng"),
        (100_000, "Một trăm nghìn đồng"),
        (105_000, "Một trăm linh năm nghìn đồng"),
        (150_000, "Một trăm năm mươi nghìn đồng"),
        (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
        (2_500_000, "Hai triệu năm trăm nghìn đồng"),
        (1_000_000_000, "Một tỷ đồng"),
    ],
)
def test_amounts_in_words_as_receipts_write_them(amount, words):
    assert in_words(amount) == words


def test_amounts_in_figures_have_dots_between_thousands():
    assert vnd(1_250_000) == "1.250.000 đ"
