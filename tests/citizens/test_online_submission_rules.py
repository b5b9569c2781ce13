"""The rules of online submission, without the pages' steps: only procedures offered online, only citizens
the agency can reach, a draft is its owner's alone, and a file is checked exactly as at the desk."""

import pytest
from django.urls import reverse

from motcua.catalog.choices import OnlineLevel
from motcua.citizens import filing
from motcua.citizens.models import Draft, DraftDocument
from motcua.dossiers import services
from motcua.dossiers.lifecycle import Channel
from motcua.dossiers.models import Dossier
from tests.factories.catalog import RequiredDocumentFactory
from tests.factories.dossiers import intake, make_world

from .factories import log_in, make_citizen
from .online import ready_draft, signed_in, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def test_a_procedure_without_online_service_is_refused_and_has_no_button(client, world):
    world.version.online_level = OnlineLevel.NONE
    world.version.save()
    citizen = signed_in(client)
    with pytest.raises(filing.FilingError, match="không thể nộp trực tuyến"):
        filing.start(citizen, world.version)
    code = world.version.procedure.code
    assert "Nộp trực tuyến" not in client.get(reverse("portal:procedure", args=[code])).content.decode()
    response = client.post(reverse("citizens:file-start", args=[code]))
    assert response.status_code == 400 and not Draft.objects.exists()

    # A draft started while the procedure was online cannot be filed once it no longer is.
    world.version.online_level = OnlineLevel.FULL
    world.version.save()
    draft = ready_draft(world, citizen)
    world.version.online_level = OnlineLevel.NONE
    world.version.save()
    with pytest.raises(filing.FilingError):
        filing.file(draft)
    assert not Dossier.objects.exists()


def test_a_citizen_without_a_confirmed_contact_cannot_start(world):
    unconfirmed = make_citizen(email="chua@example.com", verified=False)
    with pytest.raises(filing.FilingError, match="Xác nhận"):
        filing.start(unconfirmed, world.version)


def test_a_draft_belongs_to_its_owner_only(client, world):
    owner = make_citizen(email="an@example.com")
    draft = ready_draft(world, owner)
    make_citizen(email="binh@example.com", full_name="Phạm Bình")
    log_in(client, "binh@example.com")
    for name in ("draft-applicant", "draft-documents", "draft-delivery", "draft-review", "draft-filed"):
        assert client.get(reverse(f"citizens:{name}", args=[draft.pk])).status_code == 404, name
    assert client.post(reverse("citizens:draft-review", args=[draft.pk])).status_code == 404
    assert client.post(reverse("citizens:draft-discard", args=[draft.pk])).status_code == 404
    assert filing.open_draft(owner, draft.pk) == draft and Draft.objects.filter(pk=draft.pk).exists()
    assert not Dossier.objects.exists()

    client.post(reverse("citizens:logout"))
    log_in(client, "an@example.com")
    assert client.get(reverse("citizens:draft-review", args=[draft.pk])).status_code == 200
    client.post(reverse("citizens:draft-discard", args=[draft.pk]))
    assert not Draft.objects.exists() and not DraftDocument.objects.exists()


def test_files_are_checked_as_at_the_desk_and_the_good_ones_are_kept(client, world, settings):
    signed_in(client)
    draft = ready_draft(world, make_citizen(email="other@example.com"))  # another citizen's, untouched
    client.post(reverse("citizens:file-start", args=[world.version.procedure.code]))
    mine = Draft.objects.exclude(pk=draft.pk).get()
    first, second = world.version.documents.all()
    url = reverse("citizens:draft-documents", args=[mine.pk])
    mine.step_done = 1
    mine.save()

    response = client.post(
        url,
        {
            f"doc-{first.pk}": upload("to-khai.pdf"),
            f"doc-{second.pk}": upload("cccd.docx", b"PK\x03\x04 not a scan", "application/msword"),
            "next": "1",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400 and "Tệp “cccd.docx” không phải là tệp PDF, JPEG hoặc PNG." in page
    assert [doc.original_name for doc in mine.documents.all()] == ["to-khai.pdf"]  # the good one is kept

    settings.MOTCUA_UPLOAD_MAX_MB = 0
    with pytest.raises(filing.FilingError, match="lớn hơn 0 MB"):
        filing.attach_upload(mine, second, upload("lon.pdf"))
    settings.MOTCUA_UPLOAD_MAX_MB = 20
    with pytest.raises(filing.FilingError, match="không có nội dung"):
        filing.attach_upload(mine, second, upload("rong.pdf", b""))
    # A component of another procedure, and a file that is not among the citizen's documents, are refused.
    other = RequiredDocumentFactory(name="Giấy khác")
    with pytest.raises(filing.FilingError):
        filing.attach_upload(mine, other, upload())
    someone_elses = services.submit(intake(world, channel=Channel.ONLINE), draft.citizen.user).files.first()
    with pytest.raises(filing.FilingError, match="không thuộc tài liệu của bạn"):
        filing.attach_reused(mine, second, someone_elses.pk)
    with pytest.raises(filing.FilingError, match="Thêm tệp cho"):
        filing.finish_documents(mine)


def test_a_file_from_my_documents_is_reused_in_a_new_dossier(world):
    citizen = make_citizen(email="an@example.com")
    earlier = services.submit(intake(world, channel=Channel.ONLINE), citizen.user)
    scan = earlier.files.first()
    draft = ready_draft(world, citizen)
    second = world.version.documents.all()[1]
    filing.attach_reused(draft, second, scan.pk)
    dossier = filing.file(draft)
    reused = dossier.documents.get(required_document=second).file
    assert reused.sha256 == scan.sha256 and reused.dossier == dossier and reused.pk != scan.pk
