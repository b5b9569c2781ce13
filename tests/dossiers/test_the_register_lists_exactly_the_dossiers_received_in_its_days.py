"""Mẫu 06, the tracking register: the dossiers an agency received on the days asked (Vietnamese dates), on A4
landscape pages that repeat the column headings."""

from datetime import date

import pytest

from motcua.dossiers import services, slips
from motcua.dossiers.errors import InvalidRequest
from motcua.org.models import Role
from tests.dossiers.pdf_reading import A4_LANDSCAPE, embedded_fonts, page_sizes, reader, text
from tests.factories.dossiers import intake, make_world, received, vn
from tests.factories.org import AgencyFactory, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def test_the_register_of_three_days_lists_the_dossiers_received_on_them_and_no_other(world, frozen_clock):
    before = received(world, frozen_clock, vn(2026, 2, 27, 16), name="Lê Thị Trước")
    first = received(world, frozen_clock, vn(2026, 3, 2, 9), name="Phạm Văn Một")
    second = received(world, frozen_clock, vn(2026, 3, 3, 14, 30), name="Võ Thị Hai")
    late_evening = received(world, frozen_clock, vn(2026, 3, 4, 23, 30), name="Đặng Văn Ba")
    after = received(world, frozen_clock, vn(2026, 3, 5, 6, 30), name="Hồ Thị Sau")  # 23:30 UTC on the 4th
    frozen_clock.set(vn(2026, 3, 3, 9))
    refused = services.submit(intake(world, name="Ngô Văn Từ Chối"), world.desk)
    services.refuse(refused, world.desk, reasons="Không thuộc thẩm quyền")
    neighbour = AgencyFactory(parent=world.province, commune=True, code="000.32.34.H34", name="Xã Vĩnh Lương")
    neighbour_desk = staff(Role.DESK_OFFICER, neighbour, username="tiepnhan2")
    frozen_clock.set(vn(2026, 3, 3, 9))
    elsewhere = services.receive(
        services.submit(intake(world, agency=neighbour, name="Lý Văn Khác"), neighbour_desk), neighbour_desk
    )

    pdf = slips.render_register(world.ward, date(2026, 3, 2), date(2026, 3, 4))
    words = text(pdf)
    assert page_sizes(pdf) == [A4_LANDSCAPE]
    assert all("LiberationSerif" in name for name in embedded_fonts(pdf))
    assert "SỔ THEO DÕI HỒ SƠ" in words and "PHƯỜNG NHA TRANG" in words
    assert "Từ ngày 02/03/2026 đến ngày 04/03/2026" in words
    for dossier in (first, second, late_evening):
        assert dossier.code in words and dossier.applicant_name in words
    for dossier in (before, after, refused, elsewhere):
        assert dossier.code not in words and dossier.applicant_name not in words
    assert words.index(first.code) < words.index(second.code) < words.index(late_evening.code)
    assert "1 000.31.34.H34-260302-0001 Đăng ký thành lập hộ kinh doanh Phạm Văn Một" in words
    assert "12 Trần Phú, Phường Nha Trang, Khánh Hòa ĐT: 0905123456" in words
    assert "09:00 02/03/2026 14:00 04/03/2026" in words  # received, appointment


def test_the_register_shows_the_transfer_and_the_returned_result(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    frozen_clock.set(vn(2026, 3, 2, 10))
    dossier = services.forward(dossier, world.desk)
    frozen_clock.set(vn(2026, 3, 3, 10))
    dossier = services.forward(dossier, world.specialist)
    dossier = services.finish(dossier, world.leader, result_number="01/GCN-HKD")
    frozen_clock.set(vn(2026, 3, 4, 8, 30))
    dossier = services.return_result(dossier, world.desk)
    words = text(slips.render_register(world.ward, date(2026, 3, 2), date(2026, 3, 2)))
    assert "10:00 02/03/2026 Phường Nha Trang 08:30 04/03/2026" in words  # transferred, returned


def test_a_long_register_runs_over_several_pages_each_with_the_column_headings(world, frozen_clock):
    for minute in range(45):
        received(world, frozen_clock, vn(2026, 3, 2, 8, minute))
    pdf = slips.render_register(world.ward, date(2026, 3, 2), date(2026, 3, 2))
    pages = reader(pdf).pages
    assert len(pages) > 1
    assert page_sizes(pdf) == [A4_LANDSCAPE] * len(pages)
    for number, page in enumerate(pages, start=1):
        words = " ".join(page.extract_text().split())
        assert "Tên thủ tục hành chính" in words
        assert f"Trang {number}/{len(pages)}" in words
    assert "000.31.34.H34-260302-0045" in text(pdf)


def test_an_empty_register_says_so_and_a_reversed_range_is_refused(world, frozen_clock):
    words = text(slips.render_register(world.ward, date(2026, 3, 2), date(2026, 3, 6)))
    assert "Không có hồ sơ nào được tiếp nhận trong thời gian này." in words
    with pytest.raises(InvalidRequest):
        slips.render_register(world.ward, date(2026, 3, 6), date(2026, 3, 2))
