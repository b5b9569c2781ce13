"""What is handed in: the applicant, the documents (with their scans), and the intake of a new dossier."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from motcua import clock
from motcua.catalog.models import ProcedureVersion
from motcua.org.models import Agency
from motcua.text import nfc

from . import files
from .lifecycle import ReturnMethod
from .models import Dossier, DossierDocument, DossierEvent
from .recording import required_text


@dataclass(frozen=True)
class Applicant:
    name: str
    is_organisation: bool = False
    id_number: str = ""
    birth_date: date | None = None
    address: str = ""
    phone: str = ""
    email: str = ""
    representative_name: str = ""
    representative_id_number: str = ""
    representative_phone: str = ""


@dataclass(frozen=True)
class ReceivedDocument:
    """A document handed in: the required component it answers (if any), its form, quantity and scan."""

    name: str
    required_document_id: int | None = None
    form: str = DossierDocument.Form.ORIGINAL
    quantity: int = 1
    upload: object = None  # a Django File (UploadedFile), checked and stored by files.store


@dataclass(frozen=True)
class Intake:
    procedure_version: ProcedureVersion
    receiving_agency: Agency
    channel: str
    applicant: Applicant
    documents: Sequence[ReceivedDocument] = field(default_factory=tuple)
    delivery_choice: str = ReturnMethod.DESK
    delivery_address: str = ""  # where to post the result, when it is posted (kept in the submit event)


def missing_delivery_address(delivery_choice: str, delivery_address: str) -> bool:
    """A result to be posted needs the address to post it to. Checked where the address is typed (the API's
    submit, the desk's reception, the citizen's online draft); `services.submit` keeps what it is given."""
    return delivery_choice == ReturnMethod.POST and not nfc(delivery_address or "")


def documents_handed_in(
    dossier: Dossier, documents: Iterable[ReceivedDocument], actor
) -> list[DossierDocument]:
    """Check the documents and store their scans; the rows are written by `add_documents` once the event
    that records them exists."""
    added = []
    for document in documents:
        name = required_text(document.name, _("The document's name"), field="documents.name")
        stored = files.store(dossier, document.upload, actor) if document.upload is not None else None
        added.append(
            DossierDocument(
                dossier=dossier,
                required_document_id=document.required_document_id,
                name=name,
                form=document.form,
                quantity=max(1, document.quantity),
                file=stored,
                added_at=clock.now(),
            )
        )
    return added


def described(documents: Sequence[DossierDocument]) -> list[dict]:
    return [{"name": doc.name, "sha256": doc.file.sha256 if doc.file_id else None} for doc in documents]


def add_documents(documents: Sequence[DossierDocument], event: DossierEvent) -> None:
    """Write the document rows, each linked to the event that recorded it (one insert for all)."""
    for document in documents:
        document.added_with = event
    DossierDocument.objects.bulk_create(documents)
