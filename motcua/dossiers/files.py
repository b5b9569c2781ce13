"""Uploaded files: checked by size and by content (PDF, JPEG, PNG), stored under a name MotCua chooses.

The client's file name is kept only as a label; the stored path is <year>/<month>/<random>.<type>, so no name
can climb directories, overwrite a file, or reveal personal data in a path.
"""

import hashlib
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import File
from django.utils.translation import gettext as _

from motcua import clock
from motcua.text import nfc

from .errors import InvalidRequest
from .models import Dossier, DossierFile

SIGNATURES = [
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
]


def sniff(head: bytes) -> tuple[str, str] | None:
    """(content type, extension) recognised from the first bytes, or None."""
    for signature, content_type, extension in SIGNATURES:
        if head.startswith(signature):
            return content_type, extension
    return None


def max_upload_bytes() -> int:
    return settings.MOTCUA_UPLOAD_MAX_MB * 1024 * 1024


@dataclass(frozen=True)
class Checked:
    """What `check` found in an upload: its label, type, size and SHA-256."""

    name: str
    content_type: str
    extension: str
    size: int
    sha256: str


def check(upload: File) -> Checked:
    """Check one upload (size, type by content) and hash it; raise InvalidRequest (Vietnamese message) when
    refused. The desk, the API and the citizens' online submission all go through here."""
    name = nfc(getattr(upload, "name", "") or "").rsplit("/", 1)[-1][:255] or "file"
    if upload.size is None or upload.size > max_upload_bytes():
        raise InvalidRequest(
            _("“%(name)s” is larger than %(limit)s MB.")
            % {"name": name, "limit": settings.MOTCUA_UPLOAD_MAX_MB},
            field="file",
        )
    if upload.size == 0:
        raise InvalidRequest(_("“%(name)s” is empty.") % {"name": name}, field="file")
    upload.seek(0)
    kind = sniff(upload.read(16))
    if kind is None:
        raise InvalidRequest(_("“%(name)s” is not a PDF, JPEG or PNG file.") % {"name": name}, field="file")
    content_type, extension = kind
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks() if hasattr(upload, "chunks") else iter(lambda: upload.read(65536), b""):
        digest.update(chunk)
    upload.seek(0)
    return Checked(name, content_type, extension, upload.size, digest.hexdigest())


def store(dossier: Dossier, upload: File, actor=None) -> DossierFile:
    """Check and store one upload for `dossier`; raise InvalidRequest (Vietnamese message) when refused."""
    checked = check(upload)
    now = clock.now()
    stored = DossierFile(
        dossier=dossier,
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_at=now,
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    stored.file.save(f"dossiers/{now:%Y/%m}/{uuid.uuid4().hex}.{checked.extension}", upload, save=False)
    stored.save()
    return stored
