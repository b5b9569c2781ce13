"""A citizen pays a dossier's fees online, in Debian's Chromium: the tracking page shows the dossier
waiting for payment with a "Pay fees online" button; the sandbox bank shows the order and the payer
clicks "Pay"; back on the tracking page the dossier is being processed again and the receipt
downloads as a PDF with the dossier's code, the amount and the transaction number. The bank's own
callback, delivered afterwards by the worker's task over HTTP, is recognised as a duplicate: the
fees are paid once. axe-core checks the pages on the way."""

from io import BytesIO
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from motcua.dossiers.models import DossierEvent
from motcua.notices.worker import run_pending
from motcua.payments.models import CallbackLog, Payment, SandboxTransaction, Status
from tests.payments.helpers import awaiting_payment, tracking_path

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_citizen_pays_the_fees_in_the_sandbox_and_downloads_the_receipt(
    page, live_server, settings, frozen_clock
):
    settings.MOTCUA_PAYMENT_SANDBOX = True
    settings.MOTCUA_PAYMENT_GATEWAY = "sandbox"
    settings.MOTCUA_PUBLIC_URL = live_server.url
    dossier = awaiting_payment(frozen_clock)

    page.goto(live_server.url + tracking_path(dossier))
    expect(page.get_by_role("heading", name="Tình trạng: Chờ nộp phí, lệ phí")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("100.000 đ")
    assert serious_violations(page) == []

    page.get_by_role("button", name="Thanh toán phí trực tuyến").click()
    expect(page.get_by_role("heading", name="Ngân hàng thử nghiệm", level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("100.000 đ")
    expect(page.get_by_role("main")).to_contain_text(dossier.code)
    assert serious_violations(page) == []

    page.get_by_role("button", name="Thanh toán", exact=True).click()
    expect(page.get_by_role("heading", name=f"Hồ sơ {dossier.code}", level=1)).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Đã nhận được khoản thanh toán")).to_be_visible()
    expect(page.get_by_role("heading", name="Tình trạng: Đang giải quyết")).to_be_visible()
    expect(page.get_by_role("button", name="Thanh toán phí trực tuyến")).to_have_count(0)
    assert serious_violations(page) == []

    payment = Payment.objects.get()
    ledger = SandboxTransaction.objects.get()
    assert payment.status == Status.PAID and payment.transaction_id == ledger.transaction_id

    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"Tải biên lai {payment.order_id} (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == f"bien-lai-{payment.order_id}.pdf"
    text = "\n".join(
        part.extract_text() for part in PdfReader(BytesIO(Path(download.path()).read_bytes())).pages
    )
    assert dossier.code in text and "100.000" in text and ledger.transaction_id in text

    # The bank's server-to-server notification, run by the worker's task loop, posts to the live server; the
    # loop also delivers the two SMS that told the applicant of the payment request and of the payment.
    assert run_pending() == 3
    assert list(CallbackLog.objects.order_by("pk").values_list("source", "outcome")) == [
        ("query", "paid"),
        ("callback", "duplicate"),
    ]
    assert DossierEvent.objects.filter(dossier=dossier, action="record_payment").count() == 1
    assert dossier.fees.filter(paid_at__isnull=False, paid_online=True).count() == 1
