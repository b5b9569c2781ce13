import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from motcua.dossiers import files, services
from motcua.dossiers.errors import InvalidRequest
from tests.factories.dossiers import PDF, make_world, received, vn

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


@pytest.fixture
def dossier(frozen_clock, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    return received(make_world(), frozen_clock, vn(2026, 3, 2, 9))


@pytest.mark.parametrize(
    ("content", "kind"), [(PDF, "application/pdf"), (PNG, "image/png"), (JPEG, "image/jpeg")]
)
def test_pdf_png_and_jpeg_are_stored_with_size_and_sha256(dossier, content, kind):
    stored = files.store(dossier, SimpleUploadedFile("../../etc/passwd Nguyễn Văn An.pdf", content))
    assert (stored.content_type, stored.size, stored.sha256) == (
        kind,
        len(content),
        hashlib.sha256(content).hexdigest(),
    )
    assert stored.original_name == "passwd Nguyễn Văn An.pdf"
    assert (
        "passwd" not in stored.file.name and "Nguy" not in stored.file.name and ".." not in stored.file.name
    )
    with stored.file.open("rb") as handle:
        assert handle.read() == content


@pytest.mark.parametrize("content", [b"MZ\x90\x00 windows program", b"<html>not a pdf</html>", b""])
def test_other_content_is_refused_whatever_its_name(dossier, content):
    with pytest.raises(InvalidRequest):
        files.store(dossier, SimpleUploadedFile("ho-so.pdf", content))


@override_settings(MOTCUA_UPLOAD_MAX_MB=1)
def test_a_file_over_the_limit_is_refused_in_vietnamese(dossier):
    with pytest.raises(InvalidRequest) as error:
        files.store(dossier, SimpleUploadedFile("lon.pdf", PDF + b"0" * 1024 * 1024))
    assert "lớn hơn 1 MB" in error.value.message


def test_a_refused_file_leaves_the_dossier_unchanged(dossier, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    with pytest.raises(InvalidRequest):
        services.submit(
            services.Intake(
                dossier.procedure_version,
                dossier.receiving_agency,
                "direct",
                services.Applicant(name="Trần Văn Bình"),
                [services.ReceivedDocument("Tờ khai", upload=SimpleUploadedFile("x.pdf", b"MZ"))],
            ),
            dossier.events.first().actor,
        )
    assert dossier.receiving_agency.received_dossiers.count() == 1
