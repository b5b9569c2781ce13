"""Mẫu 02, 03 and 04 print what was decided: what is missing and why, the refusal's reasons, the new date."""

import pytest

from motcua.dossiers import services, slips
from tests.dossiers.pdf_reading import A5, embedded_fonts, page_sizes, text
from tests.factories.dossiers import intake, make_world, received, vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def test_the_supplement_request_lists_what_is_missing_and_why_and_who_guides(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    dossier = services.forward(dossier, world.desk)
    frozen_clock.set(vn(2026, 3, 3, 10))
    dossier = services.request_supplement(
        dossier,
        world.specialist,
        missing=["Hợp đồng thuê địa điểm kinh doanh có công chứng", "Bản sao căn cước của chủ hộ"],
        reason="Địa chỉ kinh doanh trên tờ khai không khớp với giấy tờ về địa điểm",
    )
    pdf = slips.render_slip(dossier, "02")
    words = text(pdf)
    assert page_sizes(pdf) == [A5]
    assert all("LiberationSerif" in name for name in embedded_fonts(pdf))
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in words
    assert dossier.code in words and "Nguyễn Văn An" in words
    assert "1 Hợp đồng thuê địa điểm kinh doanh có công chứng" in words
    assert "2 Bản sao căn cước của chủ hộ" in words
    assert "Lý do: Địa chỉ kinh doanh trên tờ khai không khớp với giấy tờ về địa điểm" in words
    assert "tạm dừng kể từ 10:00 ngày 03/03/2026" in words  # asked during processing: the clock pauses
    assert "NGƯỜI HƯỚNG DẪN" in words and world.specialist.get_full_name() in words
    assert "Khánh Hòa, ngày 03 tháng 3 năm 2026" in words


def test_the_latest_supplement_request_is_the_one_printed(world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    dossier = services.submit(intake(world), world.desk)
    dossier = services.request_supplement(dossier, world.desk, missing=["Tờ khai"], reason="Thiếu chữ ký")
    dossier = services.supplement(dossier, world.desk, documents=[services.ReceivedDocument(name="Tờ khai")])
    dossier = services.request_supplement(dossier, world.desk, missing=["Giấy ủy quyền"], reason="Nộp thay")
    words = text(slips.render_slip(dossier, "02"))
    assert "Giấy ủy quyền" in words and "Lý do: Nộp thay" in words
    assert "Thiếu chữ ký" not in words
    assert "tạm dừng" not in words  # asked at the desk, before reception: no clock runs


def test_the_refusal_notice_gives_the_specific_reasons(world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 15))
    dossier = services.submit(intake(world, name="Trần Văn Bảy"), world.desk)
    dossier = services.refuse(
        dossier,
        world.desk,
        reasons="Ngành nghề đăng ký thuộc danh mục cấm kinh doanh theo Luật Đầu tư.",
    )
    pdf = slips.render_slip(dossier, "03")
    words = text(pdf)
    assert page_sizes(pdf) == [A5]
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in words
    assert dossier.code in words and "Trần Văn Bảy" in words and "Đăng ký thành lập hộ kinh doanh" in words
    assert "Ngành nghề đăng ký thuộc danh mục cấm kinh doanh theo Luật Đầu tư." in words
    assert "Thời điểm từ chối: 15:00 ngày 02/03/2026" in words
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in words


def test_a_dossier_stopped_after_appraisal_gets_the_refusal_notice_too(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    dossier = services.forward(dossier, world.desk)
    dossier = services.stop(dossier, world.leader, reasons="Địa điểm kinh doanh nằm trong khu vực cấm.")
    words = text(slips.render_slip(dossier, "03"))
    assert "từ chối giải quyết hồ sơ" in words
    assert "Địa điểm kinh doanh nằm trong khu vực cấm." in words


def test_the_apology_gives_the_reason_the_previous_and_the_new_appointment(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    dossier = services.forward(dossier, world.desk)
    frozen_clock.set(vn(2026, 3, 3, 9))
    dossier = services.apologise(
        dossier,
        world.leader,
        new_date=vn(2026, 3, 10).date(),
        reason="Cần xác minh thực địa địa điểm kinh doanh",
    )
    pdf = slips.render_slip(dossier, "04")
    words = text(pdf)
    assert page_sizes(pdf) == [A5]
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in words
    assert "Kính gửi: Nguyễn Văn An" in words and dossier.code in words
    assert "Lý do: Cần xác minh thực địa địa điểm kinh doanh" in words
    assert "Thời gian hẹn trả kết quả giải quyết hồ sơ: 14:00 ngày 04/03/2026" in words
    assert "hẹn trả kết quả giải quyết hồ sơ vào 17:00 ngày 10/03/2026" in words
    assert "THỦ TRƯỞNG CƠ QUAN" in words and world.leader.get_full_name() in words
    assert "Khánh Hòa, ngày 03 tháng 3 năm 2026" in words
    # The receipt keeps the appointment it gave.
    assert "14:00 ngày 04/03/2026" in text(slips.render_slip(dossier, "01"))
