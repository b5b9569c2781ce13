"""The dossier page: header with the appointment explained, steps, documents, fees, history; files and slips
only for those who may view the dossier (404 for anybody else, never a public media URL)."""

import pytest
from django.urls import reverse

from motcua.dossiers import services
from motcua.office.presenting import instant
from motcua.org.models import AgencyKind, Role
from tests.dossiers.pdf_reading import text as pdf_text
from tests.factories.dossiers import at_step, received, vn
from tests.factories.org import AgencyFactory, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 2, 12, 9))  # Thursday before the 2026 Tết holiday
    frozen_clock.set(vn(2026, 2, 12, 10))
    return dossier


def page_of(client, dossier) -> str:
    response = client.get(reverse("office:dossier", args=[dossier.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_header_says_what_where_when_and_why_that_date(client, world, dossier):
    client.force_login(world.desk)
    page = page_of(client, dossier)
    assert dossier.code in page
    assert "Đăng ký thành lập hộ kinh doanh" in page
    assert "Nguyễn Văn An" in page and "056090001234" in page
    assert "Đã tiếp nhận" in page  # the state, in Vietnamese
    assert instant(dossier.due_at) in page
    explanation = page[page.index('id="appointment-explanation"') :][:2000]
    assert "Tết Nguyên Đán" in explanation  # the holiday skipped, named
    assert "Ngày nghỉ" in explanation


def test_the_history_steps_documents_and_fees_are_shown(client, world, dossier):
    client.force_login(world.desk)
    page = page_of(client, dossier)
    assert "Tiếp nhận, hẹn trả kết quả (Mẫu 01)" in page
    assert world.desk.get_full_name() in page
    assert "Tiếp nhận hồ sơ" in page and "đang xử lý" in page  # the current step
    assert "Giấy đề nghị đăng ký hộ kinh doanh" in page
    assert "Lệ phí đăng ký hộ kinh doanh" in page and "100.000 đ" in page
    assert "/media/" not in page


def test_scans_are_streamed_to_those_who_may_view_the_dossier(client, world, dossier):
    document = dossier.documents.exclude(file=None).first()
    url = reverse("office:file", args=[dossier.pk, document.file_id])
    client.force_login(world.desk)
    assert url in page_of(client, dossier)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "private" in response["Cache-Control"]
    client.force_login(world.department_specialist)  # the dossier never passed through the department
    assert client.get(url).status_code == 404


def test_a_user_of_another_agency_gets_404_for_the_page_a_file_and_a_slip(client, world, dossier):
    other_ward = AgencyFactory(parent=world.province, kind=AgencyKind.objects.get(code="commune"))
    client.force_login(staff(Role.DESK_OFFICER, other_ward))
    document = dossier.documents.exclude(file=None).first()
    assert client.get(reverse("office:dossier", args=[dossier.pk])).status_code == 404
    assert client.get(reverse("office:file", args=[dossier.pk, document.file_id])).status_code == 404
    assert client.get(reverse("office:slip", args=[dossier.pk, "01"])).status_code == 404
    assert (
        client.post(reverse("office:act", args=[dossier.pk, "forward"]), {"expected_version": 2}).status_code
        == 404
    )


def test_a_file_of_another_dossier_is_not_served_through_this_one(client, world, dossier, frozen_clock):
    other = received(world, frozen_clock, vn(2026, 2, 12, 11))
    stranger_file = other.documents.exclude(file=None).first().file_id
    client.force_login(world.desk)
    assert client.get(reverse("office:file", args=[dossier.pk, stranger_file])).status_code == 404


def test_a_provincial_leader_and_a_department_that_held_it_may_view(client, world, dossier, frozen_clock):
    client.force_login(world.provincial_leader)
    assert client.get(reverse("office:dossier", args=[dossier.pk])).status_code == 200
    dossier = services.forward(dossier, world.desk)
    dossier = services.forward(dossier, world.specialist, to_agency=world.department, hours=8)
    client.force_login(world.department_specialist)
    page = page_of(client, dossier)
    assert "Chuyển đến Sở Tư pháp" in page or "Sở Tư pháp" in page
    assert 'id="action-forward"' in page  # the transfer step is the department's to hand on


def test_the_receipt_and_the_register_are_real_pdfs(client, world, dossier):
    client.force_login(world.desk)
    page = page_of(client, dossier)
    assert "In giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)" in page
    receipt = client.get(reverse("office:slip", args=[dossier.pk, "01"]))
    assert receipt["Content-Type"] == "application/pdf" and receipt.content.startswith(b"%PDF")
    assert dossier.code in pdf_text(receipt.content)
    assert client.get(reverse("office:slip", args=[dossier.pk, "04"])).status_code == 404  # no apology yet
    register = client.get(
        reverse("office:register"),
        {"agency": world.ward.pk, "first_day": "2026-02-01", "last_day": "2026-02-28"},
    )
    assert register["Content-Type"] == "application/pdf"
    assert dossier.code in pdf_text(register.content)


def test_the_register_form_refuses_an_upside_down_range(client, world, dossier):
    client.force_login(world.desk)
    response = client.get(
        reverse("office:register"),
        {"agency": world.ward.pk, "first_day": "2026-02-28", "last_day": "2026-02-01"},
    )
    assert response["Content-Type"].startswith("text/html")
    assert "Ngày cuối đứng trước ngày đầu." in response.content.decode()


def test_the_late_marker_shows_once_the_appointment_has_passed(client, world, frozen_clock):
    dossier = at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.SPECIALIST)
    client.force_login(world.specialist)
    assert 'id="late-marker"' not in page_of(client, dossier)
    frozen_clock.set(vn(2026, 3, 5, 9))
    page = page_of(client, dossier)
    assert 'id="late-marker"' in page and "Quá hạn" in page


def test_nobody_logged_out_sees_anything(client, world, dossier):
    response = client.get(reverse("office:dossier", args=[dossier.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
