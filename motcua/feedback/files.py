"""Attachments of a feedback: the dossiers' rules (size limit, PDF/JPEG/PNG recognised by content), reused.

Stored under feedback/<year>/<month>/<random>.<type>; the sender's file name is only a label.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.files.base import File
from django.utils.translation import gettext as _

from motcua import clock
from motcua.dossiers.files import max_upload_bytes, sniff
from motcua.text import nfc

from .errors import InvalidRequest
from .models import Feedback, FeedbackEvent, FeedbackFile


def check(upload: File) -> tuple[str, str]:
    """(content type, extension) of an acceptable upload; InvalidRequest (translated) otherwise."""
    name = label(upload)
    if upload.size is None or upload.size > max_upload_bytes():
        raise InvalidRequest(
            _("“%(name)s” is larger than %(limit)s MB.")
            % {"name": name, "limit": settings.MOTCUA_UPLOAD_MAX_MB},
            field="attachment",
        )
    if upload.size == 0:
        raise InvalidRequest(_("“%(name)s” is empty.") % {"name": name}, field="attachment")
    upload.seek(0)
    kind = sniff(upload.read(16))
    upload.seek(0)
    if kind is None:
        raise InvalidRequest(
            _("“%(name)s” is not a PDF, JPEG or PNG file.") % {"name": name}, field="attachment"
        )
    return kind


def label(upload: File) -> str:
    return nfc(getattr(upload, "name", "") or "").rsplit("/", 1)[-1][:255] or "file"


def store(feedback: Feedback, upload: File, event: FeedbackEvent) -> FeedbackFile:
    """Store a checked upload for `feedback`, linked to the event that brought it."""
    content_type, extension = check(upload)
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks() if hasattr(upload, "chunks") else iter(lambda: upload.read(65536), b""):
        digest.update(chunk)
    upload.seek(0)
    now = clock.now()
    stored = FeedbackFile(
        feedback=feedback,
        original_name=label(upload),
        content_type=content_type,
        size=upload.size,
        sha256=digest.hexdigest(),
        uploaded_at=now,
        added_with=event,
    )
    stored.file.save(f"feedback/{now:%Y/%m}/{uuid.uuid4().hex}.{extension}", upload, save=False)
    stored.save()
    return stored
