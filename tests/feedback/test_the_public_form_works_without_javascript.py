"""A citizen sends feedback through a plain HTML form (no JavaScript), gets a reference code and a lookup
secret, follows it, and supplies information when asked; attachments are checked by their content, and a
dossier is referenced only with its code and its lookup secret."""

import pytest
from django.urls import reverse

from motcua.feedback import services
from motcua.feedback.lifecycle import Classification, State
from motcua.feedback.models import Feedback
from tests.factories.feedback import PNG, make_world, upload, vn

pytestmark = pytest.mark.django_db


def form_data(world, **changes):
    data = {
        "classification": Classification.BEHAVIOUR,
        "agency": world.ward.pk,
        "title": "Cán bộ tiếp nhận yêu cầu giấy tờ ngoài quy định",
        "content": "Ngày 02/03 cán bộ yêu cầu tôi nộp thêm giấy xác nhận cư trú.",
        "sender_name": "Trần Thị Bình",
        "sender_email": "",
        "sender_phone": "0905 111 222",
        "allows_publication": "on",
    }
    data.update(changes)
    return data


def test_the_form_page_is_accessible_html_without_scripts(client):
    make_world()
    page = client.get(reverse("feedback:send")).content.decode()
    assert "<script" not in page
    assert 'enctype="multipart/form-data"' in page
    assert '<label class="form-label" for="id_title">Tiêu đề' in page
    assert "<legend" in page and "Hành vi, thái độ của cán bộ, công chức".lower() in page.lower()


def test_sending_gives_a_code_and_a_secret(client, frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    data = form_data(world, attachment=upload("anh-chup.png", PNG, "image/png"))
    response = client.post(reverse("feedback:send"), data)
    assert response.status_code == 302
    receipt = client.get(response.url).content.decode()
    feedback = Feedback.objects.get()
    assert feedback.code in receipt and feedback.lookup_secret in receipt
    assert feedback.code.startswith("PAKN-260302-")
    assert (feedback.classification, feedback.sender_phone, feedback.allows_publication) == (
        "behaviour",
        "0905111222",
        True,
    )
    stored = feedback.files.get()
    assert (stored.content_type, stored.original_name) == ("image/png", "anh-chup.png")
    assert stored.added_with.action == "submit"
    assert feedback.lookup_secret not in response.url


def test_an_attachment_is_judged_by_its_content(client):
    world = make_world()
    fake = upload("bien-ban.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf")
    response = client.post(reverse("feedback:send"), form_data(world, attachment=fake))
    assert response.status_code == 400
    assert "không phải là tệp PDF, JPEG hoặc PNG" in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_way_to_reach_the_sender_is_required(client):
    world = make_world()
    response = client.post(reverse("feedback:send"), form_data(world, sender_phone=""))
    assert response.status_code == 400
    assert "thư điện tử hoặc số điện thoại" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()


def test_a_dossier_is_referenced_by_code_and_secret_never_by_code_alone(frozen_clock):
    from tests.factories.dossiers import make_world as dossier_world
    from tests.factories.dossiers import received

    world = dossier_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    base = {
        "classification": Classification.BEHAVIOUR,
        "title": "Hồ sơ bị yêu cầu bổ sung nhiều lần",
        "content": "Nội dung",
        "sender": services.Sender("Nguyễn Văn An", phone="0905123456"),
    }
    with pytest.raises(services.InvalidRequest):
        services.submit(services.Submission(**base, dossier_code=dossier.code))
    with pytest.raises(services.InvalidRequest):
        services.submit(services.Submission(**base, dossier_code=dossier.code, dossier_secret="ZZZZZZ"))
    feedback = services.submit(
        services.Submission(**base, dossier_code=dossier.code.lower(), dossier_secret=dossier.lookup_secret)
    )
    assert feedback.dossier == dossier
    assert feedback.agency == dossier.receiving_agency  # addressed to the agency that received the dossier


def test_the_sender_follows_and_supplements_with_the_secret(client, frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = services.submit(
        services.Submission(
            Classification.REGULATION,
            "Biểu mẫu",
            "Mẫu tờ khai khó hiểu",
            services.Sender("Lê Văn Cường", email="cuong@example.vn"),
            agency=world.ward,
        )
    )
    wrong = client.post(reverse("feedback:follow"), {"code": feedback.code, "secret": "AAAAAAAA"})
    assert wrong.status_code == 404
    assert "Không có phản ánh, kiến nghị nào với mã và mã tra cứu này" in wrong.content.decode()

    page = client.post(reverse("feedback:follow"), {"code": feedback.code, "secret": feedback.lookup_secret})
    assert "Chờ tiếp nhận" in page.content.decode()

    frozen_clock.set(vn(2026, 3, 2, 10))
    feedback = services.accept(feedback, world.desk)
    feedback = services.request_information(feedback, world.specialist, request="Mẫu tờ khai số mấy?")
    page = client.post(reverse("feedback:follow"), {"code": feedback.code, "secret": feedback.lookup_secret})
    assert "Mẫu tờ khai số mấy?" in page.content.decode()
    assert 'action="/feedback/follow/supplement/"' in page.content.decode()

    frozen_clock.set(vn(2026, 3, 3, 9))
    done = client.post(
        reverse("feedback:supplement"),
        {"code": feedback.code, "secret": feedback.lookup_secret, "text": "Mẫu số 01"},
    )
    assert done.status_code == 200
    assert "cơ quan đã nhận được thông tin bổ sung" in done.content.decode()
    feedback.refresh_from_db()
    assert feedback.state == State.SUPPLEMENTED
    assert feedback.events.latest("number").note == "Mẫu số 01"
