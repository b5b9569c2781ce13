"""The reception screen: find the procedure without diacritics, tick the documents, enter the applicant,
decide."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.dossiers.lifecycle import Channel, State
from motcua.dossiers.models import Dossier
from motcua.org.models import AgencyKind, Role
from tests.factories.catalog import BundleFactory, ProcedureVersionFactory, ProcessStepFactory
from tests.factories.dossiers import pdf, vn

pytestmark = pytest.mark.django_db

URL = reverse("office:reception")


@pytest.fixture
def desk(client, world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    client.force_login(world.desk)
    return client


def filled(world, **overrides):
    """A complete reception form: both documents ticked, the first with its scan."""
    first, second = world.version.documents.order_by("order")
    data = {
        "agency": world.ward.pk,
        "choice": f"v:{world.version.pk}",
        f"doc{first.pk}_received": "on",
        f"doc{first.pk}_form": "original",
        f"doc{first.pk}_quantity": "1",
        f"doc{first.pk}_file": pdf("don-de-nghi.pdf"),
        f"doc{second.pk}_received": "on",
        f"doc{second.pk}_form": "certified_copy",
        f"doc{second.pk}_quantity": "2",
        "other_form": "original",
        "kind": "person",
        "name": "Nguyễn Văn An",
        "id_number": "056 090 001 234",
        "birth_date": "1990-05-17",
        "address": "12 Trần Phú, Phường Nha Trang",
        "phone": "0905123456",
        "email": "an@example.vn",
        "representative_name": "",
        "channel": Channel.DIRECT,
        "delivery_choice": "post",
        "decision": "receive",
    }
    data.update(overrides)
    return data


def test_the_procedure_is_found_by_typing_without_diacritics(desk, world):
    other_kind = ProcedureVersionFactory(
        name="Đăng ký thành lập doanh nghiệp", agency_kinds=[AgencyKind.objects.get(code="department")]
    )
    page = desk.get(
        reverse("office:reception-procedures"), {"q": "thanh lap ho kinh", "agency": world.ward.pk}
    )
    text = page.content.decode()
    assert "Đăng ký thành lập hộ kinh doanh" in text
    assert f'value="v:{world.version.pk}"' in text
    page = desk.get(reverse("office:reception-procedures"), {"q": "thanh lap", "agency": world.ward.pk})
    assert other_kind.name not in page.content.decode()  # a ward does not receive a department's procedure


def test_choosing_a_procedure_shows_its_documents_and_the_appointment_if_received_now(desk, world):
    page = desk.get(
        reverse("office:reception-documents"), {"choice": f"v:{world.version.pk}", "agency": world.ward.pk}
    )
    text = page.content.decode()
    assert "Giấy đề nghị đăng ký hộ kinh doanh" in text
    assert "Bản sao giấy tờ pháp lý của cá nhân" in text
    assert "14:00 Thứ 4 04/03/2026" in text  # 2.5 working days from Monday 09:00
    assert "100.000 đ" in text
    assert 'hx-swap-oob="true"' in text  # the missing-document choices of the supplement panel follow


def test_receive_makes_a_received_dossier_with_its_documents_and_goes_to_its_page(desk, world):
    response = desk.post(URL, filled(world))
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("office:dossier", args=[dossier.pk])
    assert dossier.state == State.RECEIVED
    assert dossier.applicant_id_number == "056090001234"
    assert str(dossier.applicant_birth_date) == "1990-05-17"
    assert dossier.delivery_choice == "post"
    assert dossier.due_at == vn(2026, 3, 4, 14)
    documents = list(dossier.documents.order_by("pk"))
    assert [(d.form, d.quantity) for d in documents] == [("original", 1), ("certified_copy", 2)]
    assert documents[0].file.original_name == "don-de-nghi.pdf" and documents[1].file is None
    page = desk.get(response.url).content.decode()
    assert dossier.code in page
    assert "đã được tiếp nhận" in page  # the success message, in Vietnamese
    assert reverse("office:slip", args=[dossier.pk, "01"]) in page  # "Print the receipt (Mẫu 01)"


def test_through_htmx_success_is_a_client_redirect(desk, world):
    response = desk.post(URL, filled(world), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("office:dossier", args=[Dossier.objects.get().pk])


def test_an_error_keeps_everything_typed(desk, world):
    response = desk.post(URL, filled(world, name="", address="12 Trần Phú, Phường Nha Trang"))
    text = response.content.decode()
    assert response.status_code == 200 and not Dossier.objects.exists()
    assert "Trường này là bắt buộc" in text  # the name is required
    assert 'value="12 Trần Phú, Phường Nha Trang"' in text
    assert 'value="056 090 001 234"' in text
    assert f'value="v:{world.version.pk}" id="choice-v{world.version.pk}" checked' in text
    assert 'name="doc' in text  # the documents are still listed, ticked as typed
    assert 'checked id="id_doc' in text or "checked" in text


def test_through_htmx_an_error_swaps_only_the_summary_so_scans_stay_attached(desk, world):
    response = desk.post(URL, filled(world, name=""), HTTP_HX_REQUEST="true")
    assert response["HX-Retarget"] == "#reception-errors"
    text = response.content.decode()
    assert 'role="alert"' in text and "Trường này là bắt buộc" in text
    assert "<form" not in text


def test_a_scan_that_is_not_a_pdf_jpeg_or_png_is_refused_in_vietnamese_and_nothing_is_saved(desk, world):
    first = world.version.documents.order_by("order").first()
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = desk.post(URL, filled(world, **{f"doc{first.pk}_file": fake}))
    assert "Tệp “virus.pdf” không phải là tệp PDF, JPEG hoặc PNG." in response.content.decode()
    assert not Dossier.objects.exists()


def test_request_a_supplement_at_the_desk_lists_the_missing_documents(desk, world):
    data = filled(
        world,
        decision="supplement",
        missing_documents=["Bản sao giấy tờ pháp lý của cá nhân"],
        missing_other="Giấy ủy quyền có chứng thực",
        supplement_reason="Thiếu giấy tờ pháp lý và giấy ủy quyền",
    )
    response = desk.post(URL, data)
    dossier = Dossier.objects.get()
    assert dossier.state == State.SUPPLEMENT_REQUESTED and dossier.received_at is None
    event = dossier.events.latest("number")
    assert event.data["missing"] == ["Bản sao giấy tờ pháp lý của cá nhân", "Giấy ủy quyền có chứng thực"]
    assert response.url.endswith("?slip=02") or response.url == reverse("office:dossier", args=[dossier.pk])


def test_a_supplement_request_needs_what_is_missing_and_why(desk, world):
    response = desk.post(URL, filled(world, decision="supplement"))
    text = response.content.decode()
    assert "Cần nêu rõ giấy tờ còn thiếu." in text
    assert "Hãy nêu lý do yêu cầu bổ sung." in text
    assert not Dossier.objects.exists()


def test_refuse_at_the_desk_with_reasons(desk, world):
    desk.post(URL, filled(world, decision="refuse", refusal_reasons="Không thuộc thẩm quyền của phường"))
    dossier = Dossier.objects.get()
    assert dossier.state == State.NOT_RECEIVED
    assert dossier.events.latest("number").note == "Không thuộc thẩm quyền của phường"


def test_a_bundle_is_received_as_one_dossier_per_procedure(desk, world):
    residence = ProcedureVersionFactory(name="Đăng ký thường trú")
    ProcessStepFactory(version=residence, order=1, name="Giải quyết", role=Role.SPECIALIST, hours=8)
    bundle = BundleFactory(
        code="LT-HKD",
        name="Liên thông đăng ký hộ kinh doanh và thường trú",
        lead=world.version.procedure,
        procedures=[world.version.procedure, residence.procedure],
    )
    found = desk.get(
        reverse("office:reception-procedures"), {"q": "lien thong ho kinh", "agency": world.ward.pk}
    )
    assert f'value="b:{bundle.pk}"' in found.content.decode()
    response = desk.post(URL, filled(world, choice=f"b:{bundle.pk}"))
    dossiers = list(Dossier.objects.order_by("pk"))
    assert len(dossiers) == 2 and all(d.state == State.RECEIVED and d.group_id for d in dossiers)
    assert response.url.startswith(reverse("office:dossier", args=[dossiers[0].pk]))
    assert dossiers[0].documents.count() == 2 and dossiers[1].documents.count() == 0


def test_only_desk_officers_get_the_reception_screen(client, world):
    client.force_login(world.specialist)
    assert client.get(URL).status_code == 403
    assert client.post(URL, filled(world)).status_code == 403
    assert not Dossier.objects.exists()
