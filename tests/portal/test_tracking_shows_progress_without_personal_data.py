"""Whoever holds the receipt sees the dossier's status, history, appointment and where to collect the result,
in plain words; never the applicant's name, ID number, phone or address, nor a staff member's name."""

from datetime import date
from urllib.parse import urlsplit

import pytest
from django.test import override_settings

from motcua.dossiers import services
from motcua.dossiers.lifecycle import ReturnMethod
from tests.factories.dossiers import vn

from .conftest import track_url

pytestmark = pytest.mark.django_db

PERSONAL = ["Nguyễn Văn An", "Nguyễn", "056090001234", "0905123456", "12 Trần Phú"]
STAFF = ["Trần Thị", "Lê Văn", "Phạm", "tiepnhan", "chuyenvien", "lanhdao"]


def tracked(client, dossier, **params) -> str:
    params = params or {"secret": dossier.lookup_secret}
    response = client.get(track_url(dossier, **params))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    return response.content.decode()


def assert_private(page: str):
    for text in PERSONAL + STAFF:
        assert text not in page, text


def test_status_history_appointment_and_initials(client, world, dossier):
    page = tracked(client, dossier)
    assert dossier.code in page
    assert "Đăng ký thành lập hộ kinh doanh" in page
    assert "N.V.A." in page
    assert "Đang giải quyết" in page
    assert "Phường Nha Trang" in page
    # Received Mon 02/03 09:00, 2.5 working days: due Wed 04/03 14:00.
    assert "14:00, Thứ 4, 04/03/2026" in page
    assert "Tiếp nhận tại Phường Nha Trang" in page
    assert "Chuyển đến bước “Thẩm định hồ sơ” tại Phường Nha Trang" in page
    assert_private(page)


def test_a_supplement_request_says_what_is_missing(client, world, dossier, frozen_clock):
    frozen_clock.set(vn(2026, 3, 3, 9))
    services.request_supplement(
        dossier, world.specialist, missing=["Bản sao hợp đồng thuê nhà"], reason="Thiếu giấy tờ về địa điểm"
    )
    page = tracked(client, dossier)
    assert "Cần bổ sung hồ sơ" in page
    assert "Giấy tờ còn thiếu" in page and "Bản sao hợp đồng thuê nhà" in page
    assert "tạm dừng" in page
    assert "Thiếu giấy tờ về địa điểm" not in page  # staff's free text stays inside
    assert_private(page)


def test_a_new_appointment_after_an_apology(client, world, dossier, frozen_clock):
    frozen_clock.set(vn(2026, 3, 4, 9))
    services.apologise(dossier, world.leader, new_date=date(2026, 3, 9), reason="Cần xác minh thêm")
    page = tracked(client, dossier)
    assert "xin lỗi" in page
    assert "17:00, Thứ 2, 09/03/2026" in page  # the new appointment
    assert "Hẹn lần đầu" in page and "14:00, Thứ 4, 04/03/2026" in page
    assert_private(page)


def test_a_result_ready_says_where_and_how_to_collect_it(client, world, dossier, frozen_clock):
    frozen_clock.set(vn(2026, 3, 3, 9))
    dossier = services.forward(dossier, world.specialist)
    dossier = services.finish(dossier, world.leader, result_number="123/GCN")
    page = tracked(client, dossier)
    assert "Đã có kết quả" in page
    assert "Nhận kết quả" in page
    assert "01 Lê Thánh Tôn, phường Nha Trang" in page
    assert "08:00-12:00, 13:00-17:00" in page
    assert_private(page)
    frozen_clock.set(vn(2026, 3, 3, 10))
    services.return_result(dossier, world.desk, method=ReturnMethod.POST)
    page = tracked(client, dossier)
    assert "Đã trả kết quả" in page and "bưu chính" in page
    assert_private(page)


def test_the_receipt_qr_code_url_opens_the_dossier(client, dossier):
    with override_settings(MOTCUA_PUBLIC_URL="https://dichvucong.khanhhoa.example.vn"):
        from django.conf import settings

        url = f"{settings.MOTCUA_PUBLIC_URL}/track/{dossier.code}/?secret={dossier.lookup_secret}"
    parts = urlsplit(url)
    response = client.get(f"{parts.path}?{parts.query}")
    assert response.status_code == 200
    assert "N.V.A." in response.content.decode()


def test_the_secret_may_be_typed_in_lower_case_with_spaces(client, dossier):
    secret = f" {dossier.lookup_secret[:3].lower()} {dossier.lookup_secret[3:].lower()} "
    assert "N.V.A." in tracked(client, dossier, secret=secret)


def test_the_tracking_form_leads_to_the_dossier(client, dossier):
    response = client.get("/track/", {"code": f" {dossier.code.lower()} ", "secret": dossier.lookup_secret})
    assert response.status_code == 302
    assert response.url == f"/track/{dossier.code}/?secret={dossier.lookup_secret}"
    assert "N.V.A." in client.get(response.url).content.decode()


def test_the_form_asks_for_the_secret_or_the_phone_digits(client, dossier):
    response = client.get("/track/", {"code": dossier.code})
    assert response.status_code == 400
    assert "Nhập mã tra cứu in trên giấy tiếp nhận" in response.content.decode()
    page = client.get(f"/track/{dossier.code}/").content.decode()  # the code alone: the form, filled in
    assert f'value="{dossier.code}"' in page and "N.V.A." not in page
