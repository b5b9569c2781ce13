"""Each small form on the dossier page calls one service with the version the page was drawn from: the change
happens, or the refusal is shown in Vietnamese beside the form with everything typed kept."""

import pytest
from django.urls import reverse

from motcua.dossiers import services
from motcua.dossiers.lifecycle import State
from motcua.dossiers.models import Dossier
from motcua.org.models import Role
from tests.factories.dossiers import at_step, pdf, received, vn
from tests.office.helpers import online

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    frozen_clock.set(vn(2026, 3, 2, 10))
    return dossier


def act(client, dossier, action, data=None, htmx=False, **extra):
    data = {"expected_version": dossier.version, **(data or {})}
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(reverse("office:act", args=[dossier.pk, action]), data, **headers, **extra)


def fresh(dossier) -> Dossier:
    return Dossier.objects.get(pk=dossier.pk)


def page_of(client, dossier) -> str:
    return client.get(reverse("office:dossier", args=[dossier.pk])).content.decode()


def test_forward_hands_the_dossier_to_the_next_step(client, world, dossier):
    client.force_login(world.desk)
    assert 'id="action-forward"' in page_of(client, dossier)
    response = act(client, dossier, "forward", {"note": "Đủ hồ sơ"})
    assert response.status_code == 302 and response.url == reverse("office:dossier", args=[dossier.pk])
    assert fresh(dossier).current_step.role == Role.SPECIALIST
    assert "đã được chuyển đến: Thẩm định hồ sơ" in client.get(response.url).content.decode()


def test_through_htmx_a_success_redirects_the_browser_and_an_error_returns_the_form_only(
    client, world, dossier
):
    client.force_login(world.desk)
    response = act(client, dossier, "forward", htmx=True)
    assert response["HX-Redirect"] == reverse("office:dossier", args=[dossier.pk])
    response = act(client, dossier, "forward", {"note": "Lần hai"}, htmx=True)  # the page is stale now
    text = response.content.decode()
    assert text.lstrip().startswith('<details id="action-forward"')
    assert "Hồ sơ vừa được người khác cập nhật" in text and "Lần hai" in text


def test_a_stale_page_gets_a_clear_error_and_no_silent_overwrite(client, world, dossier):
    client.force_login(world.desk)
    stale_version = dossier.version
    services.forward(dossier, world.desk)  # somebody else, meanwhile
    client.force_login(world.specialist)
    response = client.post(
        reverse("office:act", args=[dossier.pk, "request_supplement"]),
        {"expected_version": stale_version, "missing": "Sổ hộ khẩu", "reason": "Bản sao mờ, không đọc được"},
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại và thực hiện lại." in text
    assert "Tải lại hồ sơ" in text
    assert "Bản sao mờ, không đọc được" in text and "Sổ hộ khẩu" in text  # nothing typed is lost
    assert (fresh(dossier).state, fresh(dossier).supplement_count) == (State.PROCESSING, 0)


def test_a_refused_transition_is_explained_in_vietnamese(client, world, dossier):
    client.force_login(world.desk)
    response = act(client, dossier, "return_result", {"method": "desk"})
    assert "Không thể thực hiện thao tác này khi hồ sơ đang ở trạng thái “đã tiếp nhận”." in (
        response.content.decode()
    )
    assert fresh(dossier).state == State.RECEIVED


def test_finishing_before_the_last_step_is_refused_with_the_reason(client, world, frozen_clock, dossier):
    dossier = at_step(world, frozen_clock, dossier, Role.SPECIALIST)
    client.force_login(world.specialist)
    response = act(client, dossier, "finish", {"result_number": "01/GCN"})
    assert "Kết quả được ban hành ở bước xử lý cuối cùng." in response.content.decode()
    assert fresh(dossier).state == State.PROCESSING


def test_transfer_to_another_agency_needs_its_hours(client, world, frozen_clock, dossier):
    dossier = at_step(world, frozen_clock, dossier, Role.SPECIALIST)
    client.force_login(world.specialist)
    response = act(client, dossier, "forward", {"to_agency": world.department.pk})
    assert "Cần nêu số giờ làm việc giao cho cơ quan phối hợp." in response.content.decode()
    act(client, dossier, "forward", {"to_agency": world.department.pk, "hours": "8"})
    assert fresh(dossier).current_agency == world.department


def test_send_back_returns_to_the_previous_step_with_the_reason(client, world, frozen_clock, dossier):
    dossier = at_step(world, frozen_clock, dossier, Role.SPECIALIST)
    client.force_login(world.specialist)
    act(client, dossier, "send_back", {"reason": "Thiếu chữ ký của người nộp"})
    dossier = fresh(dossier)
    assert dossier.current_step.role == Role.DESK_OFFICER
    assert "Thiếu chữ ký của người nộp" in page_of(client, dossier)


def test_a_supplement_pauses_and_the_desk_resumes_it_with_an_upload(client, world, frozen_clock, dossier):
    dossier = at_step(world, frozen_clock, dossier, Role.SPECIALIST)
    client.force_login(world.specialist)
    act(client, dossier, "request_supplement", {"missing": "Sổ hộ khẩu\nTờ khai", "reason": "Thiếu giấy tờ"})
    dossier = fresh(dossier)
    assert dossier.state == State.SUPPLEMENT_REQUESTED and dossier.is_paused
    assert 'id="paused-marker"' in page_of(client, dossier)
    frozen_clock.set(vn(2026, 3, 4, 9))
    client.force_login(world.desk)
    response = act(
        client,
        dossier,
        "supplement",
        {
            "document_name": "Sổ hộ khẩu",
            "document_form": "copy",
            "document_quantity": "1",
            "document_file": pdf("so-ho-khau.pdf"),
        },
    )
    assert response.status_code == 302
    dossier = fresh(dossier)
    assert dossier.state == State.PROCESSING and dossier.due_at > dossier.original_due_at
    page = page_of(client, dossier)
    assert "so-ho-khau.pdf" in page
    assert "Ngày hẹn thay đổi" in page


def test_a_supplement_scan_of_the_wrong_type_is_refused_beside_its_field(
    client, world, frozen_clock, dossier
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    dossier = at_step(world, frozen_clock, dossier, Role.SPECIALIST)
    dossier = services.request_supplement(dossier, world.specialist, missing=["Tờ khai"], reason="Thiếu")
    client.force_login(world.desk)
    response = act(
        client,
        dossier,
        "supplement",
        {
            "document_name": "Tờ khai",
            "document_form": "original",
            "document_quantity": "1",
            "document_file": SimpleUploadedFile(
                "to-khai.docx", b"PK\x03\x04 word", content_type="application/pdf"
            ),
        },
    )
    text = response.content.decode()
    assert "Tệp “to-khai.docx” không phải là tệp PDF, JPEG hoặc PNG." in text
    assert 'value="Tờ khai"' in text
    assert fresh(dossier).state == State.SUPPLEMENT_REQUESTED


def test_payment_requested_then_recorded(client, world, frozen_clock, dossier):
    dossier = at_step(world, frozen_clock, dossier, Role.SPECIALIST)
    client.force_login(world.specialist)
    act(client, dossier, "request_payment", {"fee_name": "Phí thẩm định", "fee_amount": "50000"})
    dossier = fresh(dossier)
    assert dossier.state == State.AWAITING_PAYMENT and dossier.fees.count() == 2
    client.force_login(world.desk)
    act(client, dossier, "record_payment", {"reference": "BL-0012"})
    dossier = fresh(dossier)
    assert dossier.state == State.PROCESSING
    assert "BL-0012" in page_of(client, dossier)


def test_finish_with_a_result_file_then_return_at_the_desk(client, world, frozen_clock, dossier):
    dossier = at_step(world, frozen_clock, dossier, Role.LEADER)
    client.force_login(world.leader)
    response = act(
        client,
        dossier,
        "finish",
        {
            "result_number": "15/GCN-HKD",
            "result_date": "2026-03-02",
            "result_file": pdf("giay-chung-nhan.pdf"),
        },
    )
    assert response.status_code == 302
    dossier = fresh(dossier)
    assert dossier.state == State.RESULT_READY and dossier.result_file.original_name == "giay-chung-nhan.pdf"
    client.force_login(world.desk)
    page = page_of(client, dossier)
    assert "15/GCN-HKD" in page and reverse("office:file", args=[dossier.pk, dossier.result_file_id]) in page
    act(client, dossier, "return_result", {"method": "desk", "note": "Người nộp đã ký nhận"})
    assert fresh(dossier).state == State.RETURNED


def test_a_leader_stops_processing_with_reasons(client, world, frozen_clock, dossier):
    dossier = at_step(world, frozen_clock, dossier, Role.LEADER)
    client.force_login(world.leader)
    response = act(client, dossier, "stop", {"reasons": ""})
    assert "Trường này là bắt buộc." in response.content.decode()
    act(client, dossier, "stop", {"reasons": "Không đủ điều kiện cấp phép"})
    assert fresh(dossier).state == State.STOPPED


def test_the_desk_records_a_withdrawal(client, world, dossier):
    client.force_login(world.desk)
    act(client, dossier, "withdraw", {"reason": "Người nộp xin rút"})
    assert fresh(dossier).state == State.WITHDRAWN


def test_an_apology_is_offered_only_before_the_appointment(client, world, frozen_clock, dossier):
    dossier = at_step(world, frozen_clock, dossier, Role.LEADER)
    client.force_login(world.leader)
    assert 'id="action-apologise"' in page_of(client, dossier)
    act(client, dossier, "apologise", {"new_date": "2026-03-10", "reason": "Cần xác minh thêm"})
    dossier = fresh(dossier)
    assert dossier.due_at == vn(2026, 3, 10, 17) and dossier.apology_count == 1
    assert 'id="action-apologise"' not in page_of(client, dossier)  # one apology only
    other = at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.LEADER)
    frozen_clock.set(vn(2026, 3, 5, 9))  # after its appointment (Wed 04/03 14:00)
    assert 'id="action-apologise"' not in page_of(client, other)


def test_an_online_dossier_is_received_or_refused_from_its_page(client, world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 8, 30))
    first, second = online(world, name="Lê Thị Hoa"), online(world, name="Phan Văn Bình")
    client.force_login(world.desk)
    page = page_of(client, first)
    assert 'id="action-receive"' in page and 'id="action-refuse"' in page
    act(client, first, "receive")
    assert fresh(first).state == State.RECEIVED
    act(client, second, "refuse", {"reasons": "Hồ sơ không thuộc thẩm quyền"})
    assert fresh(second).state == State.NOT_RECEIVED


def test_an_unknown_action_is_404(client, world, dossier):
    client.force_login(world.desk)
    assert act(client, dossier, "delete").status_code == 404
