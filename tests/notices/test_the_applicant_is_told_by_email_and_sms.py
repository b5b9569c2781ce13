"""The applicant hears of reception, supplement and payment requests, the result and an apology, in
Vietnamese, by e-mail and SMS when the dossier has an address and a phone, each with its idempotency key."""

from datetime import date

import pytest
from django.core import mail

from motcua.dossiers import services
from motcua.notices.models import LoggedSms, Message, Status
from motcua.notices.worker import run_pending
from motcua.org.models import Role
from tests.factories.dossiers import at_step, make_world, received, vn

pytestmark = pytest.mark.django_db


def test_reception_sends_a_vietnamese_email_and_sms_with_the_key(frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9), email="an.nguyen@example.vn")
    run_pending()
    (email,) = mail.outbox
    message = Message.objects.get(channel="email", kind="received")
    assert message.status == Status.DELIVERED and message.attempt_set.get().outcome == "delivered"
    assert email.to == ["an.nguyen@example.vn"]
    assert email.subject == f"Hồ sơ {dossier.code} đã được tiếp nhận"
    assert "Kính gửi Nguyễn Văn An," in email.body
    assert (
        f"Phường Nha Trang đã tiếp nhận hồ sơ {dossier.code} (Đăng ký thành lập hộ kinh doanh)" in email.body
    )
    assert "lúc 09:00, 02/03/2026" in email.body
    assert "Hẹn trả kết quả: 14:00, 04/03/2026." in email.body
    assert dossier.lookup_secret in email.body
    assert email.extra_headers["X-MotCua-Idempotency-Key"] == message.key
    sms = LoggedSms.objects.get()
    assert sms.phone == "0905123456" and sms.key == Message.objects.get(channel="sms").key
    assert sms.text.startswith(f"MotCua: hồ sơ {dossier.code} đã được tiếp nhận.")


def test_no_email_without_an_address(frozen_clock):
    world = make_world()
    received(world, frozen_clock, vn(2026, 3, 2, 9))
    assert list(Message.objects.values_list("channel", flat=True)) == ["sms"]


def test_supplement_payment_result_and_apology_each_reach_the_applicant(frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9), email="an.nguyen@example.vn")
    dossier = at_step(world, frozen_clock, dossier, Role.SPECIALIST)
    frozen_clock.set(vn(2026, 3, 2, 10))
    dossier = services.request_supplement(
        dossier, world.specialist, missing=["Bản sao hợp đồng thuê nhà"], reason="Thiếu giấy tờ địa điểm"
    )
    frozen_clock.set(vn(2026, 3, 3, 9))
    dossier = services.supplement(dossier, world.desk, documents=[services.ReceivedDocument(name="Hợp đồng")])
    dossier = services.request_payment(dossier, world.specialist)
    frozen_clock.set(vn(2026, 3, 3, 10))
    dossier = services.record_payment(dossier, world.desk, reference="BL-0001")
    dossier = services.apologise(dossier, world.leader, new_date=date(2026, 3, 10), reason="Chờ xác minh")
    dossier = at_step(world, frozen_clock, dossier, Role.LEADER)
    dossier = services.finish(dossier, world.leader, result_number="123/GCN")
    run_pending()
    subjects = [email.subject for email in mail.outbox]
    assert subjects == [
        f"Hồ sơ {dossier.code} đã được tiếp nhận",
        f"Hồ sơ {dossier.code} cần bổ sung giấy tờ",
        f"Phí, lệ phí cần nộp cho hồ sơ {dossier.code}",
        f"Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {dossier.code}",
        f"Đã có kết quả giải quyết hồ sơ {dossier.code}",
    ]
    supplement, payment, apology, result = (email.body for email in mail.outbox[1:])
    assert "  - Bản sao hợp đồng thuê nhà" in supplement and "Lý do: Thiếu giấy tờ địa điểm" in supplement
    assert "Lệ phí đăng ký hộ kinh doanh: 100.000 đồng" in payment
    assert "Lý do: Chờ xác minh" in apology and "Hẹn trả kết quả mới: 17:00, 10/03/2026." in apology
    assert "Số văn bản kết quả: 123/GCN." in result
    assert LoggedSms.objects.count() == 5
    assert not Message.objects.exclude(status=Status.DELIVERED).exists()
