"""A catalogue file's content once validated, and the same shape read back from the database.

Import compares a file's record with the record of the version in the database (`snapshot`): equal records
mean "nothing changed". Export writes snapshots. Codes stand for related rows (field, agency kinds, agencies).
"""

import hashlib
import unicodedata
from dataclasses import dataclass
from dataclasses import field as attribute
from datetime import date, time
from pathlib import Path

from django.utils.translation import gettext as _

from .choices import Channel, Status
from .rules import Limit

RECEIVING = "receiving"  # a process step done by the agency that received the dossier


@dataclass(frozen=True)
class FieldRecord:
    code: str
    name: str


@dataclass(frozen=True)
class DocumentRecord:
    name: str
    originals: int
    copies: int
    required: bool
    form_digest: str | None = None  # sha256 of the blank form: the form's content is what counts
    form_path: Path | None = attribute(
        default=None, compare=False
    )  # where to read it (file) or its stored name


@dataclass(frozen=True)
class FeeRecord:
    name: str
    amount: int
    note: str


@dataclass(frozen=True)
class StepRecord:
    name: str
    agency: str  # an agency code, or RECEIVING
    role: str
    hours: object  # Decimal


@dataclass(frozen=True)
class ProcedureRecord:
    code: str = attribute(compare=False)
    status: str = attribute(compare=False)
    name: str
    field: str  # field code
    level: str
    agency_kinds: tuple[str, ...]  # sorted codes
    subjects: str
    channels: tuple[str, ...]  # in Channel order
    online_level: str
    legal: Limit
    committed: Limit
    same_day_cutoff: time | None
    fees: tuple[FeeRecord, ...]
    documents: tuple[DocumentRecord, ...]
    conditions: str
    result: str
    result_is_document: bool
    legal_basis: str
    publication_decision: str
    publication_date: date | None
    process: tuple[StepRecord, ...]


@dataclass(frozen=True)
class BundleRecord:
    code: str
    name: str
    description: str
    lead: str
    procedures: tuple[str, ...]


@dataclass
class Catalogue:
    fields: list[FieldRecord]
    procedures: list[ProcedureRecord]
    bundles: list[BundleRecord]


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong in a catalogue file, and where: sheet (Excel) or list (JSON), row, column."""

    file: str
    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        place = [self.file]
        if self.sheet:
            place.append(_("sheet %(sheet)s") % {"sheet": self.sheet})
        if self.row is not None:
            place.append(_("row %(row)s") % {"row": self.row})
        if self.column:
            place.append(_("column %(column)s") % {"column": self.column})
        return f"{', '.join(place)}: {self.message}"


class CatalogueImportError(Exception):
    """The file was refused; nothing was written. `errors` lists every problem found."""

    def __init__(self, errors: list[ImportProblem]):
        self.errors = list(errors)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


@dataclass
class ImportResult:
    created: int = 0  # procedures new to the catalogue
    new_versions: int = 0  # procedures whose content changed: a new version
    status_changed: int = 0  # same content, now amended or abolished
    unchanged: int = 0
    fields_created: int = 0
    fields_updated: int = 0
    bundles_created: int = 0
    bundles_updated: int = 0
    bundles_unchanged: int = 0

    @property
    def changed(self) -> bool:
        counts = [self.created, self.new_versions, self.status_changed, self.fields_created]
        counts += [self.fields_updated, self.bundles_created, self.bundles_updated]
        return any(counts)

    def __str__(self) -> str:
        return _(
            "Procedures: %(created)s new, %(new_versions)s new versions, %(status_changed)s status changes, "
            "%(unchanged)s unchanged. Fields: %(fields_created)s new, %(fields_updated)s renamed. "
            "Linked procedures: %(bundles_created)s new, %(bundles_updated)s changed, "
            "%(bundles_unchanged)s unchanged."
        ) % vars(self)


def clean_text(text: str) -> str:
    """Text as stored and compared: NFC, line breaks as \\n, no surrounding spaces."""
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").strip()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stored_digest(fieldfile) -> str | None:
    """The sha256 of a stored blank form, or None when there is none; a lost file reads as changed."""
    if not fieldfile:
        return None
    try:
        with fieldfile.storage.open(fieldfile.name, "rb") as handle:
            return digest(handle.read())
    except OSError:
        return "missing"


def snapshot(version) -> ProcedureRecord:
    """A version as a record, comparable with a record read from a file."""
    return ProcedureRecord(
        code=version.procedure.code,
        status=version.status,
        name=clean_text(version.name),
        field=version.field.code,
        level=version.level,
        agency_kinds=tuple(sorted(kind.code for kind in version.agency_kinds.all())),
        subjects=clean_text(version.subjects),
        channels=tuple(version.channels),
        online_level=version.online_level,
        legal=version.legal_limit,
        committed=version.committed_limit,
        same_day_cutoff=version.same_day_cutoff,
        fees=tuple(
            FeeRecord(clean_text(fee.name), fee.amount, clean_text(fee.note)) for fee in version.fees.all()
        ),
        documents=tuple(
            DocumentRecord(
                clean_text(doc.name),
                doc.originals,
                doc.copies,
                doc.required,
                stored_digest(doc.form),
                Path(doc.form.name) if doc.form else None,
            )
            for doc in version.documents.all()
        ),
        conditions=clean_text(version.conditions),
        result=clean_text(version.result),
        result_is_document=version.result_is_document,
        legal_basis=clean_text(version.legal_basis),
        publication_decision=clean_text(version.publication_decision),
        publication_date=version.publication_date,
        process=tuple(
            StepRecord(
                clean_text(step.name),
                step.agency.code if step.agency_id else RECEIVING,
                step.role,
                step.hours,
            )
            for step in version.steps.all()
        ),
    )


IMPORTABLE_STATUSES = [Status.IN_FORCE, Status.AMENDED, Status.ABOLISHED]
CHANNEL_ORDER = list(Channel.values)
