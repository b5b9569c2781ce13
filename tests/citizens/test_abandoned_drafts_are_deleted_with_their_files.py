"""An online draft nobody saved for MOTCUA_DRAFT_KEEP_DAYS (90) is deleted by the daily job, with the files
uploaded to it; a draft saved since, a draft already filed, and the earlier dossier's file a draft reuses
stay. The citizen's list of drafts says how long a draft is kept. Real files, in a media root of the test's
own."""

import logging
from pathlib import Path

import pytest
from django.urls import reverse

from motcua.citizens import filing
from motcua.citizens.models import Draft, DraftDocument
from motcua.notices.scheduler import JOBS
from tests.factories.dossiers import make_world, vn

from .factories import log_in, make_citizen
from .online import ready_draft, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MOTCUA_DRAFT_KEEP_DAYS = 90
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def world():
    return make_world()


def test_a_draft_untouched_for_90_days_goes_with_its_uploads(
    media, world, frozen_clock, django_capture_on_commit_callbacks, caplog
):
    an = make_citizen(email="an@example.com")
    binh = make_citizen(email="binh@example.com", full_name="Phạm Bình")
    # January: An files a dossier online (its draft is filed), then starts another one and leaves it there,
    # with a new upload and a scan of the first dossier reused from "my documents".
    frozen_clock.set(vn(2026, 1, 5, 9))
    with django_capture_on_commit_callbacks(execute=True):
        filed = ready_draft(world, an)
        dossier = filing.file(filed)
    abandoned = filing.start(an, world.version)
    first, second = world.version.documents.all()
    with django_capture_on_commit_callbacks(execute=True):
        own = filing.attach_upload(abandoned, first, upload("don.pdf"))
        reused = filing.attach_reused(abandoned, second, dossier.files.first().pk)
    own_path = media / own.file.name
    reused_path = media / reused.reused.file.name
    assert own_path.is_file() and reused_path.is_file()
    # Bình's draft is a day younger and saved again later: each saved step starts the count anew.
    frozen_clock.set(vn(2026, 1, 6, 9))
    kept = filing.start(binh, world.version)
    with django_capture_on_commit_callbacks(execute=True):
        kept_upload = filing.attach_upload(kept, first, upload("to-khai.pdf"))

    # 90 days and a few hours after An's last save, 89 after Bình's: only An's open draft goes.
    assert filing.kept_until(Draft.objects.get(pk=abandoned.pk)) == vn(2026, 4, 5, 9)
    frozen_clock.set(vn(2026, 4, 5, 12))
    with (
        caplog.at_level(logging.INFO, logger="motcua.citizens.filing"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert filing.delete_abandoned() == 1
    assert not Draft.objects.filter(pk=abandoned.pk).exists()
    assert not DraftDocument.objects.filter(draft_id=abandoned.pk).exists()
    assert not own_path.exists()
    assert reused_path.is_file()  # the earlier dossier's scan is that dossier's
    assert Draft.objects.filter(pk=filed.pk, dossier=dossier).exists()
    assert Draft.objects.filter(pk=kept.pk).exists() and (media / kept_upload.file.name).is_file()
    assert f"abandoned draft {abandoned.pk} deleted" in caplog.text and "1 uploaded file(s)" in caplog.text

    # A day later Bình's turn comes, through the daily job.
    frozen_clock.set(vn(2026, 4, 6, 12))
    assert JOBS["abandoned-drafts"].slot(vn(2026, 4, 6, 3, 14)) is None
    assert JOBS["abandoned-drafts"].slot(vn(2026, 4, 6, 3, 15)) == "2026-04-06"
    with django_capture_on_commit_callbacks(execute=True):
        assert JOBS["abandoned-drafts"].run() == 1
    assert not Draft.objects.filter(pk=kept.pk).exists()
    assert not (media / kept_upload.file.name).exists()
    assert list(Draft.objects.all()) == [filed]


def test_the_number_of_days_is_a_setting(media, world, frozen_clock, settings):
    citizen = make_citizen(email="an@example.com")
    frozen_clock.set(vn(2026, 3, 2, 9))
    draft = filing.start(citizen, world.version)
    frozen_clock.set(vn(2026, 3, 20, 9))
    settings.MOTCUA_DRAFT_KEEP_DAYS = 30
    assert filing.delete_abandoned() == 0
    settings.MOTCUA_DRAFT_KEEP_DAYS = 14
    assert filing.kept_until(draft) == vn(2026, 3, 16, 9)
    assert filing.delete_abandoned() == 1 and not Draft.objects.exists()


def test_the_list_of_drafts_says_how_long_a_draft_is_kept(client, media, world, frozen_clock, settings):
    frozen_clock.set(vn(2026, 3, 2, 9))
    make_citizen(email="an@example.com")
    log_in(client, "an@example.com")
    client.post(reverse("citizens:file-start", args=[world.version.procedure.code]))
    assert Draft.objects.count() == 1
    page = client.get(reverse("citizens:dossiers")).content.decode()
    assert "Hồ sơ đang soạn, chưa nộp" in page
    assert "Hồ sơ đang soạn được giữ 90 ngày kể từ lần lưu cuối" in page
    assert "giữ đến 31/05/2026" in page

    settings.MOTCUA_DRAFT_KEEP_DAYS = 30
    page = client.get(reverse("citizens:dossiers")).content.decode()
    assert "Hồ sơ đang soạn được giữ 30 ngày kể từ lần lưu cuối" in page and "giữ đến 01/04/2026" in page
