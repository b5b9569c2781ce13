"""Mẫu 01, the receipt and appointment slip: a real A5 PDF in the bundled font that says what the law asks."""

import unicodedata

import pytest
from django.test import override_settings

from motcua.dossiers import services, slips
from motcua.dossiers.lifecycle import Channel, ReturnMethod
from motcua.dossiers.models import DossierDocument
from motcua.org.models import AgencyKind, Role
from tests.dossiers.pdf_reading import A5, decoded_qr_codes, embedded_fonts, page_sizes, text
from tests.factories.catalog import BundleFactory, ProcedureVersionFactory, ProcessStepFactory
from tests.factories.dossiers import make_world, received, vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


@pytest.fixture
def receipt_of(world, frozen_clock):
    """A dossier received Monday 02/03/2026 09:00 for a 2.5-working-day procedure, and its receipt."""
    dossier = received(
        world, frozen_clock, vn(2026, 3, 2, 9), name=unicodedata.normalize("NFD", "Đỗ Thị Ánh")
    )
    return dossier, slips.render_slip(dossier, "01")


def test_the_receipt_names_the_dossier_the_applicant_and_the_procedure(receipt_of):
    dossier, pdf = receipt_of
    words = text(pdf)
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in words
    assert "000.31.34.H34-260302-0001" in words
    assert "Đỗ Thị Ánh" in words  # typed decomposed, stored and printed composed
    assert "Đăng ký thành lập hộ kinh doanh" in words
    assert "12 Trần Phú, Phường Nha Trang, Khánh Hòa" in words


def test_the_receipt_gives_the_reception_instant_and_the_appointment(receipt_of):
    _dossier, pdf = receipt_of
    words = text(pdf)
    assert "Thời gian nhận hồ sơ: 09:00 ngày 02/03/2026" in words
    assert "Thời gian trả kết quả giải quyết hồ sơ: 14:00 ngày 04/03/2026" in words
    assert "theo quy định: 3 ngày làm việc" in words
    assert "theo cam kết của cơ quan: 2,5 ngày làm việc" in words


def test_the_receipt_lists_the_documents_received_with_their_form_and_quantity(receipt_of):
    words = text(receipt_of[1])
    assert "1 Giấy đề nghị đăng ký hộ kinh doanh Bản chính 01" in words
    assert "2 Bản sao giấy tờ pháp lý của cá nhân Bản chính 01" in words


def test_the_receipt_has_the_header_the_delivery_the_secret_and_both_signatures(world, receipt_of):
    dossier, pdf = receipt_of
    words = text(pdf)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in words
    assert "Độc lập - Tự do - Hạnh phúc" in words
    assert "PHƯỜNG NHA TRANG" in words and "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA" in words
    assert "Khánh Hòa, ngày 02 tháng 3 năm 2026" in words  # Decree 30/2020: no zero before month 3
    assert "Nhận trực tiếp tại Bộ phận Tiếp nhận và Trả kết quả" in words
    assert f"Mã tra cứu hồ sơ: {dossier.lookup_secret}" in words
    assert "Lệ phí đăng ký hộ kinh doanh: 100.000 đồng" in words
    assert "NGƯỜI NỘP HỒ SƠ" in words and "NGƯỜI TIẾP NHẬN HỒ SƠ" in words
    assert world.desk.get_full_name() in words


def test_the_receipt_is_a5_in_the_bundled_liberation_serif(receipt_of):
    pdf = receipt_of[1]
    assert page_sizes(pdf) == [A5]
    fonts = embedded_fonts(pdf)  # "ABCDEF+MotCua-LiberationSerif-Bold": a subset of the bundled family
    assert fonts and all(name.split("+")[1].startswith("MotCua-LiberationSerif") for name in fonts)
    assert any("Bold" in name for name in fonts)


@override_settings(MOTCUA_PUBLIC_URL="https://motcua.khanhhoa.gov.vn/")
def test_the_qr_code_and_the_printed_address_lead_to_the_tracking_page(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    pdf = slips.render_slip(dossier, "01")
    url = f"https://motcua.khanhhoa.gov.vn/track/{dossier.code}/?secret={dossier.lookup_secret}"
    assert url in text(pdf)
    assert decoded_qr_codes(pdf) == [url]


def test_an_online_filing_with_certified_copies_for_a_result_by_post_says_so(world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    documents = [
        services.ReceivedDocument(name="Giấy đề nghị đăng ký hộ kinh doanh"),
        services.ReceivedDocument(
            name="Bản sao giấy tờ pháp lý của cá nhân", form=DossierDocument.Form.CERTIFIED_COPY, quantity=2
        ),
    ]
    applicant = services.Applicant(
        name="Hoàng Thị Thu", address="5 Lê Thánh Tôn, Nha Trang", phone="0912345678"
    )
    filed = services.Intake(
        world.version, world.ward, Channel.ONLINE, applicant, documents, ReturnMethod.POST
    )
    dossier = services.receive(services.submit(filed, None), world.desk)
    words = text(slips.render_slip(dossier, "01"))
    assert "2 Bản sao giấy tờ pháp lý của cá nhân Bản sao chứng thực 02" in words
    assert "Cách thức nộp hồ sơ: Trực tuyến" in words
    assert "Hình thức nhận kết quả: Qua dịch vụ bưu chính công ích" in words


def test_a_linked_group_has_one_receipt_listing_every_member_with_its_appointment(world, frozen_clock):
    commune = AgencyKind.objects.get(code="commune")
    birth = ProcedureVersionFactory(name="Đăng ký khai sinh", agency_kinds=[commune])
    residence = ProcedureVersionFactory(name="Đăng ký thường trú", agency_kinds=[commune])
    card = ProcedureVersionFactory(
        name="Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", agency_kinds=[commune]
    )
    for version in (birth, residence, card):
        ProcessStepFactory(version=version, order=1, name="Tiếp nhận", role=Role.DESK_OFFICER, hours=2)
        ProcessStepFactory(version=version, order=2, name="Giải quyết", role=Role.SPECIALIST, hours=18)
    bundle = BundleFactory(
        code="LT-3-TRONG-1",
        name="Liên thông đăng ký khai sinh, thường trú, cấp thẻ bảo hiểm y tế",
        lead=birth.procedure,
        procedures=[v.procedure for v in (birth, residence, card)],
    )
    frozen_clock.set(vn(2026, 3, 2, 9))
    applicant = services.Applicant(name="Nguyễn Thị Bình", id_number="056190004321")
    group = services.receive_bundle(
        bundle, services.Intake(birth, world.ward, Channel.DIRECT, applicant), world.desk
    )
    codes = sorted(group.dossiers.values_list("code", flat=True))
    pdf = slips.render_group_receipt(group)
    words = text(pdf)
    assert page_sizes(pdf)[0] == A5
    assert "Liên thông đăng ký khai sinh, thường trú, cấp thẻ bảo hiểm y tế" in words
    for code, name in zip(
        codes, ["Đăng ký khai sinh", "Đăng ký thường trú", "Cấp thẻ bảo hiểm y tế"], strict=True
    ):
        assert code in words and name in words
    assert words.count("14:00 04/03/2026") == 3  # 2.5 working days from Monday 09:00, for each member
    # A member's own receipt is the group's receipt.
    member = group.dossiers.get(code=codes[1])
    assert all(code in text(slips.render_slip(member, "01")) for code in codes)


def test_rendering_fetches_nothing_but_the_bundled_fonts():
    from motcua.pdf import FONTS_DIR, BundledFontsOnly

    fetcher = BundledFontsOnly()
    font = fetcher.fetch((FONTS_DIR / "LiberationSerif-Regular.ttf").as_uri())
    assert font.read(4) == b"\x00\x01\x00\x00"  # a TrueType font
    font.close()
    for url in ("file:///etc/hostname", "http://127.0.0.1:8000/static/fonts/LiberationSerif-Regular.ttf"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
