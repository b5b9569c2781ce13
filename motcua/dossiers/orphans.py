"""Orphaned uploads (tệp tải lên không thuộc hồ sơ nào): files of the upload directories no row refers to.

A file lands in storage before the row that refers to it is committed (`files.store`, a citizen's draft
upload): when the transaction rolls back, a request dies, or a draft's replaced file could not be deleted,
the file stays behind, unreferenced. The daily job `orphan-uploads` (notices/scheduler.py) deletes such a
file once it is older than `MOTCUA_ORPHAN_UPLOAD_GRACE_HOURS` (48): time enough for any transaction that is
about to refer to it to commit.

A file is live when any `FileField` of any installed model holds its name: the dossiers' scans and results
(`DossierFile`), the citizens' drafts (`DraftDocument`), feedback attachments, the catalogue's blank forms,
and whatever model a later app adds. The fields are found from the models, not listed by hand, so a new
FileField is protected without a change here. Only the directories uploads are written to are swept; the rest
of the media root is left alone.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone

logger = logging.getLogger("motcua.dossiers.orphans")

# Where uploads are written (files.store, citizens.filing, feedback.files, catalog.models.form_upload_to).
UPLOAD_DIRECTORIES = ("dossiers", "drafts", "feedback", "catalog/forms")


@dataclass
class Sweep:
    """What one run found: the files deleted (or, in a dry run, that would be), and the files kept."""

    deleted: list[str] = field(default_factory=list)
    kept: int = 0


def file_fields() -> list[tuple[type[models.Model], str]]:
    """(model, field name) of every FileField (ImageField included) of every installed model."""
    return [
        (model, model_field.name)
        for model in apps.get_models()
        for model_field in model._meta.get_fields()
        if isinstance(model_field, models.FileField) and model_field.concrete
    ]


def referenced_under(prefix: str) -> set[str]:
    """The stored names under `prefix` (a directory, ending in "/") that some row refers to."""
    names: set[str] = set()
    for model, name in file_fields():
        names.update(
            model._base_manager.filter(**{f"{name}__startswith": prefix}).values_list(name, flat=True)
        )
    return names


def is_referenced(stored_name: str) -> bool:
    return any(model._base_manager.filter(**{name: stored_name}).exists() for model, name in file_fields())


def grace() -> timedelta:
    return timedelta(hours=settings.MOTCUA_ORPHAN_UPLOAD_GRACE_HOURS)


def delete_orphaned_uploads(now: datetime | None = None, *, dry_run: bool = False) -> Sweep:
    """Delete the unreferenced files of the upload directories last modified before now - grace.

    Storage times are the world's time (the file system's), so `now` defaults to the real time, not the
    business clock. Directory by directory, so that memory holds one directory's names at a time."""
    cutoff = (now or timezone.now()) - grace()
    sweep = Sweep()
    for directory in UPLOAD_DIRECTORIES:
        if default_storage.exists(directory):
            _sweep_directory(directory, cutoff, sweep, dry_run)
    if sweep.deleted:
        logger.info(
            "orphaned uploads: %s %s file(s) older than %s that no record refers to; %s kept",
            "would delete" if dry_run else "deleted",
            len(sweep.deleted),
            cutoff.isoformat(timespec="seconds"),
            sweep.kept,
        )
    return sweep


def _sweep_directory(directory: str, cutoff: datetime, sweep: Sweep, dry_run: bool) -> None:
    subdirectories, names = default_storage.listdir(directory)
    if names:
        live = referenced_under(f"{directory}/")
        for name in sorted(names):
            stored = f"{directory}/{name}"
            if stored in live:
                sweep.kept += 1
                continue
            try:
                modified = default_storage.get_modified_time(stored)
                size = default_storage.size(stored)
            except FileNotFoundError:  # deleted meanwhile (a draft discarded, another worker)
                continue
            if modified >= cutoff or is_referenced(stored):  # recent, or referred to since the listing
                sweep.kept += 1
                continue
            if not dry_run:
                default_storage.delete(stored)
            sweep.deleted.append(stored)
            logger.info(
                "orphaned upload %s %s (%s bytes, last modified %s)",
                "would be deleted:" if dry_run else "deleted:",
                stored,
                size,
                modified.isoformat(timespec="seconds"),
            )
    for subdirectory in sorted(subdirectories):
        _sweep_directory(f"{directory}/{subdirectory}", cutoff, sweep, dry_run)
