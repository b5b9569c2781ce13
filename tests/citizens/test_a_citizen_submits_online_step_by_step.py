"""A signed-in citizen files a dossier online in four saved steps (applicant, documents, delivery, review);
the dossier is submitted on channel online under the citizen's account, with the files as uploaded; a draft
left half-way is listed on "my dossiers" and resumes where it stopped; a wrong field loses nothing typed."""

import hashlib

import pytest
from django.urls import reverse

from motcua.citizens.models import Draft, DraftDocument
from motcua.dossiers.lifecycle import Channel, State
from motcua.dossiers.models import Dossier
from tests.factories.dossiers import PDF, make_world

from .online import PNG, signed_in, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def test_four_steps_submit_the_dossier_and_show_its_code_and_secret(client, world):
    citizen = signed_in(client, full_name="Nguyễn Văn An")
    code = world.version.procedure.code
    page = client.get(reverse("portal:procedure", args=[code])).content.decode()
    start = reverse("citizens:file-start", args=[code])
    assert f'href="{start}"' in page and "Nộp trực tuyến" in page

    response = client.post(start)
    draft = Draft.objects.get(citizen=citizen)
    assert response.url == reverse("citizens:draft-applicant", args=[draft.pk])
    page = client.get(response.url).content.decode()
    assert 'value="Nguyễn Văn An"' in page and 'value="an@example.com"' in page  # prefilled from the account

    response = client.post(
        response.url,
        {
            "receiving_agency": world.ward.pk,
            "name": "Nguyễn Văn An",
            "id_number": "056090001234",
            "birth_date": "05/09/1990",
            "address": "12 Trần Phú, Phường Nha Trang",
            "phone": "0905 123 456",
            "email": "an@example.com",
        },
    )
    assert response.url == reverse("citizens:draft-documents", args=[draft.pk])
    first, second = world.version.documents.all()
    response = client.post(
        response.url,
        {
            f"doc-{first.pk}": upload("to-khai.pdf"),
            f"doc-{second.pk}": upload("cccd.png", PNG, "image/png"),
            "next": "1",
        },
    )
    assert response.url == reverse("citizens:draft-delivery", args=[draft.pk])

    # Half-way: "my dossiers" lists the draft; the documents step shows what was saved.
    page = client.get(reverse("citizens:dossiers")).content.decode()
    assert "Hồ sơ đang soạn, chưa nộp" in page and world.version.name in page
    assert f'href="{reverse("citizens:draft-delivery", args=[draft.pk])}"' in page  # resumes where it stopped
    page = client.get(reverse("citizens:draft-documents", args=[draft.pk])).content.decode()
    assert "to-khai.pdf" in page and "cccd.png" in page

    response = client.post(response.url, {"choice": "post", "address": "5 Lê Lợi, Nha Trang"})
    assert response.url == reverse("citizens:draft-review", args=[draft.pk])
    page = client.get(response.url).content.decode()
    assert "to-khai.pdf" in page and "5 Lê Lợi, Nha Trang" in page and "Phường Nha Trang" in page

    response = client.post(response.url)
    dossier = Dossier.objects.get()
    assert response.url == reverse("citizens:draft-filed", args=[draft.pk])
    page = client.get(response.url).content.decode()
    assert dossier.code in page and dossier.lookup_secret in page

    assert dossier.state == State.SUBMITTED and dossier.channel == Channel.ONLINE
    assert dossier.submitted_by == citizen.user and dossier.receiving_agency == world.ward
    assert dossier.applicant_phone == "0905123456" and str(dossier.applicant_birth_date) == "1990-09-05"
    assert dossier.delivery_choice == "post"
    assert dossier.events.get(action="submit").data["delivery_address"] == "5 Lê Lợi, Nha Trang"
    documents = list(dossier.documents.select_related("file").order_by("required_document__order"))
    assert [(doc.required_document, doc.file.original_name) for doc in documents] == [
        (first, "to-khai.pdf"),
        (second, "cccd.png"),
    ]
    assert documents[0].file.sha256 == hashlib.sha256(PDF).hexdigest()
    assert documents[1].file.content_type == "image/png"
    # The draft is done: its own files are gone, it is no longer listed, and its steps answer 404.
    assert not DraftDocument.objects.exists()
    page = client.get(reverse("citizens:dossiers")).content.decode()
    assert "Hồ sơ đang soạn, chưa nộp" not in page and dossier.code in page
    assert client.get(reverse("citizens:draft-review", args=[draft.pk])).status_code == 404
    assert client.post(reverse("citizens:draft-review", args=[draft.pk])).status_code == 404
    assert Dossier.objects.count() == 1


def test_an_error_keeps_what_was_typed_and_explains_it_in_vietnamese(client, world):
    signed_in(client)
    client.post(reverse("citizens:file-start", args=[world.version.procedure.code]))
    draft = Draft.objects.get()
    url = reverse("citizens:draft-applicant", args=[draft.pk])
    response = client.post(
        url,
        {
            "receiving_agency": world.ward.pk,
            "name": "Nguyễn Văn An",
            "id_number": "12345",
            "birth_date": "31/02/1990",
            "address": "12 Trần Phú",
            "phone": "0905123456",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Số định danh có 12 chữ số" in page and "ngày/tháng/năm" in page
    assert 'value="12 Trần Phú"' in page and 'value="31/02/1990"' in page and 'value="12345"' in page
    draft.refresh_from_db()
    assert draft.step_done == 0

    # Steps cannot be skipped: the review sends back to the first step not done.
    assert client.get(reverse("citizens:draft-review", args=[draft.pk])).url == url

    response = client.post(
        reverse("citizens:draft-delivery", args=[draft.pk]), {"choice": "post", "address": ""}, follow=True
    )
    assert response.redirect_chain[-1][0] == url
