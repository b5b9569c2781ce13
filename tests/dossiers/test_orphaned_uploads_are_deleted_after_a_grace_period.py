"""Files left in the upload directories with no row referring to them (an upload whose transaction rolled
back, a request that died) are deleted by the daily job once older than MOTCUA_ORPHAN_UPLOAD_GRACE_HOURS;
every file a row refers to stays: scans, results, supplements, drafts, feedback attachments, blank forms.
Real files on disk, in a media root of the test's own."""

import logging
import os
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import transaction

from motcua.catalog.models import RequiredDocument
from motcua.citizens import filing
from motcua.citizens.models import DraftDocument
from motcua.dossiers import files, services
from motcua.dossiers.models import DossierFile
from motcua.dossiers.orphans import UPLOAD_DIRECTORIES, delete_orphaned_uploads, file_fields
from motcua.feedback.models import FeedbackFile
from motcua.notices.scheduler import JOBS
from motcua.org.models import Role
from tests.citizens.factories import make_citizen
from tests.citizens.online import upload
from tests.factories.dossiers import PDF, at_step, intake, make_world, pdf, received, vn
from tests.factories.feedback import sent
from tests.factories.feedback import upload as feedback_upload

pytestmark = pytest.mark.django_db

HOUR = 3600


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MOTCUA_ORPHAN_UPLOAD_GRACE_HOURS = 48
    return Path(settings.MEDIA_ROOT)


def on_disk(media: Path) -> set[str]:
    return {path.relative_to(media).as_posix() for path in media.rglob("*") if path.is_file()}


def age(media: Path, hours: float, names=None) -> None:
    """Set the modification time of the files (all by default) `hours` back."""
    when = time.time() - hours * HOUR
    for name in names if names is not None else on_disk(media):
        os.utime(media / name, (when, when))


def write(media: Path, name: str, content: bytes = PDF) -> str:
    path = media / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return name


def a_rolled_back_upload(dossier, actor) -> None:
    """A scan stored for a dossier in a transaction that then failed: the row is gone, the file stays."""
    rows = DossierFile.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        files.store(dossier, pdf("lost.pdf"), actor)
        raise RuntimeError("the request died")
    assert DossierFile.objects.count() == rows


def test_every_referenced_upload_stays_and_only_old_orphans_go(media, frozen_clock, caplog):
    world = make_world()
    # The desk: a dossier received with its scans, taken through to its result; another one supplemented.
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    dossier = at_step(world, frozen_clock, dossier, Role.LEADER)
    dossier = services.finish(dossier, world.leader, result_number="12/GP", result_upload=pdf("kq.pdf"))
    asked = services.submit(intake(world), world.desk)
    asked = services.request_supplement(asked, world.desk, missing=["Giấy ủy quyền"], reason="Thiếu")
    services.supplement(
        asked, world.desk, documents=[services.ReceivedDocument(name="Giấy ủy quyền", upload=pdf("uq.pdf"))]
    )
    # A citizen's draft with an uploaded file, a feedback attachment and a blank form of the catalogue.
    citizen = make_citizen(email="an@example.com")
    draft = filing.start(citizen, world.version)
    filing.attach_upload(draft, world.version.documents.first(), upload("to-khai.pdf"))
    feedback = sent(world, frozen_clock, attachment=feedback_upload())
    form = RequiredDocument.objects.filter(version=world.version).first()
    form.form.save("mau-don.pdf", ContentFile(PDF))

    live = {
        *DossierFile.objects.values_list("file", flat=True),
        *DraftDocument.objects.exclude(file="").values_list("file", flat=True),
        *FeedbackFile.objects.filter(feedback=feedback).values_list("file", flat=True),
        form.form.name,
    }
    # 2 scans and the result of the first dossier, 2 scans and the supplement of the second, the draft's
    # upload, the feedback attachment, the blank form.
    assert dossier.result_file.file.name in live and len(live) == 9
    assert live <= on_disk(media)

    # Orphans: a scan whose transaction rolled back, stray files in the upload directories, and a file
    # outside them that the sweep must never touch.
    a_rolled_back_upload(asked, world.desk)
    rolled_back = on_disk(media) - live
    assert len(rolled_back) == 1 and next(iter(rolled_back)).startswith("dossiers/")
    stray = {
        write(media, "drafts/2026/01/abandoned.pdf"),
        write(media, "dossiers/2026/01/lost.png", b"\x89PNG\r\n\x1a\n"),
        write(media, "feedback/2026/02/lost.pdf"),
    }
    outside = write(media, "exports/so-lieu.pdf")
    age(media, 49)
    recent = write(media, "drafts/2026/03/being-attached.pdf")  # uploaded a moment ago: its row may come
    age(media, 47, [recent])

    with caplog.at_level(logging.INFO, logger="motcua.dossiers.orphans"):
        sweep = delete_orphaned_uploads()

    assert set(sweep.deleted) == rolled_back | stray
    assert on_disk(media) == live | {outside, recent}
    logged = caplog.text
    assert all(f"deleted: {name}" in logged for name in rolled_back | stray)
    assert "deleted 4 file(s)" in logged
    # Every referenced file is still readable through its row.
    assert dossier.result_file.file.open("rb").read() == PDF

    # A second run finds nothing more; the recent orphan goes once it is past the grace period.
    assert delete_orphaned_uploads().deleted == []
    age(media, 49, [recent])
    assert delete_orphaned_uploads().deleted == [recent]
    assert on_disk(media) == live | {outside}


def test_the_grace_period_is_a_setting(media, settings):
    name = write(media, "dossiers/2026/03/orphan.pdf")
    age(media, 5)
    settings.MOTCUA_ORPHAN_UPLOAD_GRACE_HOURS = 6
    assert delete_orphaned_uploads().deleted == []
    settings.MOTCUA_ORPHAN_UPLOAD_GRACE_HOURS = 4
    assert delete_orphaned_uploads(dry_run=True).deleted == [name] and name in on_disk(media)
    assert delete_orphaned_uploads().deleted == [name] and not on_disk(media)


def test_every_file_field_of_every_model_is_looked_at():
    found = {f"{model._meta.label}.{name}" for model, name in file_fields()}
    assert {
        "dossiers.DossierFile.file",
        "citizens.DraftDocument.file",
        "feedback.FeedbackFile.file",
        "catalog.RequiredDocument.form",
    } <= found
    assert set(UPLOAD_DIRECTORIES) == {"dossiers", "drafts", "feedback", "catalog/forms"}


def test_the_daily_job_runs_the_sweep(media):
    name = write(media, "drafts/2026/01/abandoned.pdf")
    age(media, 72)
    job = JOBS["orphan-uploads"]
    assert job.slot(vn(2026, 3, 6, 3, 29)) is None
    assert job.slot(vn(2026, 3, 6, 3, 30)) == "2026-03-06"
    assert job.run() == 1 and name not in on_disk(media)
