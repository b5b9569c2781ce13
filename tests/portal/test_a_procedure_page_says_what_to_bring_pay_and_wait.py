"""A procedure page: documents (with blank forms), fees in đồng, time limits and their reduction, the steps,
the legal basis, where and how to file, and a QR code of the page itself."""

from decimal import Decimal

import pytest
import segno
from django.core.files.base import ContentFile
from django.test import override_settings

from motcua.catalog import services
from motcua.org.models import Role
from tests.factories.catalog import (
    FeeFactory,
    ProcedureVersionFactory,
    ProcessStepFactory,
    RequiredDocumentFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC = "https://dichvucong.khanhhoa.example.vn"


@pytest.fixture
def household_business(world, centre, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    version = world.version  # Đăng ký thành lập hộ kinh doanh: 3 working days legal, 2.5 committed
    version.conditions = "Chủ hộ kinh doanh là cá nhân có năng lực hành vi dân sự đầy đủ."
    version.subjects = "Cá nhân, thành viên hộ gia đình"
    version.legal_basis = "Luật Doanh nghiệp số 59/2020/QH14\nNghị định số 168/2025/NĐ-CP"
    version.save()
    document = version.documents.get(order=1)
    document.form.save("mau-giay-de-nghi.docx", ContentFile(b"PK\x03\x04 form"), save=True)
    FeeFactory(version=version, name="Phí cung cấp thông tin", amount=1250000, note="Nộp khi nhận kết quả")
    return version


def page_of(client, code: str) -> str:
    response = client.get(f"/procedures/{code}/")
    assert response.status_code == 200
    return response.content.decode()


def test_fees_are_written_in_dong_the_vietnamese_way(client, household_business):
    page = page_of(client, household_business.code)
    assert "Lệ phí đăng ký hộ kinh doanh" in page and "100.000 đ" in page
    assert "1.250.000 đ" in page and "Nộp khi nhận kết quả" in page


def test_time_limits_and_their_reduction(client, household_business):
    page = page_of(client, household_business.code)
    assert "Thời hạn theo quy định" in page and "3 ngày làm việc" in page
    assert "Thời hạn cơ quan cam kết" in page and "2,5 ngày làm việc" in page
    assert "Rút ngắn" in page and "0,5 ngày làm việc (16,67%)" in page


def test_a_same_day_procedure_says_so(client, birth):
    page = page_of(client, birth.code)
    assert "Trong ngày làm việc nếu nộp hồ sơ trước 15:00" in page


def test_a_procedure_that_keeps_the_legal_limit_has_no_reduction(client):
    version = ProcedureVersionFactory(legal_limit_value=Decimal(1), committed_limit_value=Decimal(1))
    assert "cơ quan cam kết đúng thời hạn theo quy định" in page_of(client, version.code)


def test_documents_with_their_blank_forms(client, household_business):
    page = page_of(client, household_business.code)
    assert "Giấy đề nghị đăng ký hộ kinh doanh" in page
    assert "Bản sao giấy tờ pháp lý của cá nhân" in page
    assert 'href="/media/catalog/forms/' in page and "mau-giay-de-nghi" in page
    assert "Tải mẫu đơn, tờ khai" in page
    assert page.count("download>") == 1  # the second document has no form


def test_optional_documents_are_marked(client):
    version = ProcedureVersionFactory()
    RequiredDocumentFactory(version=version, name="Văn bản ủy quyền", required=False)
    assert "Văn bản ủy quyền <em>(nếu có)</em>" in page_of(client, version.code)


def test_the_internal_process_steps(client, household_business):
    page = page_of(client, household_business.code)
    for name in ("Tiếp nhận hồ sơ", "Thẩm định hồ sơ", "Phê duyệt, ký", "Trả kết quả"):
        assert name in page
    assert "14 giờ làm việc" in page
    assert "Cơ quan tiếp nhận hồ sơ" in page


def test_a_step_at_another_agency_names_it(client, world):
    version = ProcedureVersionFactory()
    ProcessStepFactory(
        version=version, name="Thẩm định tại Sở", agency=world.department, role=Role.SPECIALIST
    )
    assert "Sở Tư pháp" in page_of(client, version.code)


def test_legal_basis_conditions_subjects_and_result(client, household_business):
    page = page_of(client, household_business.code)
    assert "<li>Luật Doanh nghiệp số 59/2020/QH14</li>" in page
    assert "<li>Nghị định số 168/2025/NĐ-CP</li>" in page
    assert "năng lực hành vi dân sự đầy đủ" in page
    assert "Cá nhân, thành viên hộ gia đình" in page
    assert "Giấy chứng nhận" in page  # the result


def test_where_and_how_to_file(client, world, centre, household_business):
    page = page_of(client, household_business.code)
    assert "Phường Nha Trang" in page  # the ward: its kind implements the procedure
    assert "Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa" in page
    assert "Sở Tư pháp" not in page  # a department does not receive a commune procedure
    assert "Dịch vụ công trực tuyến một phần" in page
    assert "Trực tiếp; Trực tuyến" in page


@override_settings(MOTCUA_PUBLIC_URL=PUBLIC)
def test_the_qr_code_encodes_the_page_url(client, household_business):
    page = page_of(client, household_business.code)
    url = f"{PUBLIC}/procedures/{household_business.code}/"
    assert url in page
    expected = segno.make(url, error="m").svg_inline(border=2, omitsize=True, svgclass="portal-qr")
    assert expected in page


def test_the_page_is_in_english_on_request(client, household_business):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = page_of(client, household_business.code)
    assert "2.5 working days" in page and "Documents to file" in page
    assert "100.000 đ" in page


def test_a_procedure_not_in_force_has_no_page(client):
    abolished = services.abolish(ProcedureVersionFactory())
    draft = ProcedureVersionFactory(draft=True)
    assert client.get(f"/procedures/{abolished.code}/").status_code == 404
    assert client.get(f"/procedures/{draft.code}/").status_code == 404
    assert client.get("/procedures/9.999999/").status_code == 404
