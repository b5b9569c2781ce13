"""Online submission (nộp hồ sơ trực tuyến): the rules of a citizen's draft, step by step, and its filing.

    offers_online(version)                  the catalogue offers partial or full online service for it
    may_file(citizen)                       a confirmed e-mail or phone, or VNeID (the agency must reach them)
    start(citizen, version) -> Draft        the citizen's open draft of that procedure, or a new one
    open_draft(citizen, pk) -> Draft|None   one of the citizen's own drafts not yet filed (else None: 404)
    save_applicant / attach_upload / attach_reused / remove_document / save_delivery
    missing_documents(draft)                required components that have no file yet
    file(draft) -> Dossier                  `dossiers.services.submit` on channel online; the draft is done
    discard(draft)
    kept_until(draft) / delete_abandoned()  drafts unsaved for MOTCUA_DRAFT_KEEP_DAYS go (a daily job)

Uploads are checked exactly as at the desk (`dossiers.files.check`: size, PDF/JPEG/PNG by content, SHA-256);
the draft keeps them under `drafts/`, and `file` hands them to `services.submit`, which checks and stores
them again as the dossier's files. Every function raises `FilingError` with a Vietnamese message.
"""

import logging
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from motcua import clock
from motcua.catalog.choices import OnlineLevel, Status
from motcua.catalog.models import ProcedureVersion, RequiredDocument
from motcua.dossiers import services
from motcua.dossiers.errors import InvalidRequest
from motcua.dossiers.files import check
from motcua.dossiers.intake import missing_delivery_address
from motcua.dossiers.lifecycle import Channel, ReturnMethod
from motcua.dossiers.models import Dossier, DossierDocument, DossierFile
from motcua.dossiers.rules import may_receive
from motcua.org.models import Agency
from motcua.text import nfc

from .models import Citizen, Draft, DraftDocument
from .selectors import reusable_documents

logger = logging.getLogger("motcua.citizens.filing")


class FilingError(Exception):
    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field


def offers_online(version: ProcedureVersion) -> bool:
    """Decree 42/2022: a procedure with partial (một phần) or full (toàn trình) online service, in force."""
    return (
        version.status == Status.IN_FORCE
        and version.channel_online
        and version.online_level in (OnlineLevel.PARTIAL, OnlineLevel.FULL)
    )


def may_file(citizen: Citizen) -> bool:
    return citizen.email_verified or citizen.phone_verified or citizen.vneid_linked


def start(citizen: Citizen, version: ProcedureVersion) -> Draft:
    if not offers_online(version):
        raise FilingError(_("This procedure cannot be filed online; file it at the desk."))
    if not may_file(citizen):
        raise FilingError(
            _("Confirm your e-mail address or phone number (or log in with VNeID) before filing online.")
        )
    existing = open_drafts(citizen).filter(procedure_version=version).first()
    if existing is not None:
        return existing
    now = clock.now()
    return Draft.objects.create(
        citizen=citizen,
        procedure_version=version,
        applicant_name=citizen.full_name,
        applicant_id_number=citizen.id_number,
        applicant_phone=citizen.phone or "",
        applicant_email=citizen.email or "",
        created_at=now,
        updated_at=now,
    )


def open_drafts(citizen: Citizen):
    return (
        Draft.objects.filter(citizen=citizen, dossier__isnull=True, submitted_at__isnull=True)
        .select_related("procedure_version__procedure", "receiving_agency")
        .order_by("-updated_at", "-pk")
    )


def open_draft(citizen: Citizen, pk: int) -> Draft | None:
    """The citizen's own draft not yet filed; another citizen's draft is None, as one that does not exist."""
    return open_drafts(citizen).filter(pk=pk).first()


def filed_draft(citizen: Citizen, pk: int) -> Draft | None:
    return (
        Draft.objects.filter(citizen=citizen, pk=pk, dossier__isnull=False).select_related("dossier").first()
    )


def _still_offered(draft: Draft) -> None:
    if not offers_online(draft.procedure_version):
        raise FilingError(_("This procedure is no longer offered online; start again from its page."))


def _done(draft: Draft, step: int, fields: list[str]) -> None:
    draft.step_done = max(draft.step_done, step)
    draft.updated_at = clock.now()
    draft.save(update_fields=[*fields, "step_done", "updated_at"])


APPLICANT_FIELDS = [
    "receiving_agency",
    "applicant_name",
    "applicant_id_number",
    "applicant_birth_date",
    "applicant_address",
    "applicant_phone",
    "applicant_email",
]


def save_applicant(draft: Draft, *, receiving_agency: Agency, **applicant) -> None:
    """Step 1: who files, and where. The agency must receive the procedure (as at the desk)."""
    _still_offered(draft)
    if not receiving_agency.is_active or not may_receive(receiving_agency, draft.procedure_version):
        raise FilingError(
            _("%(agency)s does not receive this procedure.") % {"agency": receiving_agency.name},
            field="receiving_agency",
        )
    draft.receiving_agency = receiving_agency
    for name, value in applicant.items():
        setattr(draft, f"applicant_{name}", nfc(value) if isinstance(value, str) else value)
    if not draft.applicant_name:
        raise FilingError(_("The applicant's name is required."), field="name")
    _done(draft, Draft.Step.APPLICANT, APPLICANT_FIELDS)


def _component(draft: Draft, required: RequiredDocument) -> None:
    if required.version_id != draft.procedure_version_id:
        raise FilingError(_("This document is not one of the procedure's."), field="documents")


def attach_upload(draft: Draft, required: RequiredDocument, upload) -> DraftDocument:
    """Step 2: a new file for one component, checked as at the desk; it replaces the component's file."""
    _still_offered(draft)
    _component(draft, required)
    try:
        checked = check(upload)
    except InvalidRequest as error:
        raise FilingError(error.message, field=f"doc-{required.pk}") from error
    now = clock.now()
    path = default_storage.save(f"drafts/{now:%Y/%m}/{uuid.uuid4().hex}.{checked.extension}", upload)
    return _replace(
        draft,
        required,
        file=path,
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
    )


def attach_reused(draft: Draft, required: RequiredDocument, file_pk: int) -> DraftDocument:
    """Step 2: a file from the citizen's "my documents" (only their own earlier dossiers' files)."""
    _still_offered(draft)
    _component(draft, required)
    stored = reusable_documents(draft.citizen).filter(pk=file_pk).first()
    if stored is None:
        raise FilingError(_("This document is not among yours."), field=f"doc-{required.pk}")
    return _replace(
        draft,
        required,
        reused=stored,
        original_name=stored.original_name,
        content_type=stored.content_type,
        size=stored.size,
        sha256=stored.sha256,
    )


def _replace(draft: Draft, required: RequiredDocument, **fields) -> DraftDocument:
    with transaction.atomic():
        old = draft.documents.filter(required_document=required).first()
        if old is not None:
            _delete_files([old])
            old.delete()
        document = DraftDocument.objects.create(
            draft=draft, required_document=required, added_at=clock.now(), **fields
        )
        draft.updated_at = clock.now()
        draft.save(update_fields=["updated_at"])
    return document


def remove_document(draft: Draft, required_pk: int) -> None:
    documents = list(draft.documents.filter(required_document_id=required_pk))
    _delete_files(documents)
    DraftDocument.objects.filter(pk__in=[document.pk for document in documents]).delete()


def _delete_files(documents) -> None:
    names = [document.file.name for document in documents if document.file]
    transaction.on_commit(lambda: [default_storage.delete(name) for name in names])


def components(draft: Draft) -> list[tuple[RequiredDocument, DraftDocument | None]]:
    given = {document.required_document_id: document for document in draft.documents.select_related("reused")}
    return [(required, given.get(required.pk)) for required in draft.procedure_version.documents.all()]


def missing_documents(draft: Draft) -> list[RequiredDocument]:
    return [required for required, given in components(draft) if required.required and given is None]


def finish_documents(draft: Draft) -> None:
    missing = missing_documents(draft)
    if missing:
        raise FilingError(
            _("Add a file for: %(names)s.") % {"names": "; ".join(required.name for required in missing)},
            field="documents",
        )
    _done(draft, Draft.Step.DOCUMENTS, [])


def save_delivery(draft: Draft, *, choice: str, address: str = "") -> None:
    """Step 3: the result at the desk, by post (to `address`), or online (an electronic result)."""
    _still_offered(draft)
    if choice not in ReturnMethod.values:
        raise FilingError(_("Choose how you want to receive the result."), field="choice")
    address = nfc(address)
    if missing_delivery_address(choice, address):
        raise FilingError(_("Give the address to post the result to."), field="address")
    draft.delivery_choice = choice
    draft.delivery_address = address if choice == ReturnMethod.POST else ""
    _done(draft, Draft.Step.DELIVERY, ["delivery_choice", "delivery_address"])


def ready_for(draft: Draft, step: int) -> bool:
    """A step is open once the ones before it are done (the review needs all three)."""
    return draft.step_done >= step - 1


def file(draft: Draft) -> Dossier:
    """Step 4: file the dossier (state submitted, channel online) with the citizen's account as actor."""
    _still_offered(draft)
    if draft.step_done < Draft.Step.DELIVERY or draft.receiving_agency is None:
        raise FilingError(_("Complete every step before submitting."))
    finish_documents(draft)
    with transaction.atomic():
        locked = Draft.objects.select_for_update().get(pk=draft.pk)
        if locked.is_submitted:
            raise FilingError(_("This dossier was already submitted."))
        given = [document for _required, document in components(draft) if document is not None]
        handles = [_open(document) for document in given]
        try:
            intake = services.Intake(
                draft.procedure_version,
                draft.receiving_agency,
                Channel.ONLINE,
                services.Applicant(
                    name=draft.applicant_name,
                    id_number=draft.applicant_id_number,
                    birth_date=draft.applicant_birth_date,
                    address=draft.applicant_address,
                    phone=draft.applicant_phone,
                    email=draft.applicant_email,
                ),
                [
                    services.ReceivedDocument(
                        name=document.required_document.name,
                        required_document_id=document.required_document_id,
                        form=_form_of(document.required_document),
                        upload=handle,
                    )
                    for document, handle in zip(given, handles, strict=True)
                ],
                draft.delivery_choice,
                draft.delivery_address,
            )
            try:
                dossier = services.submit(intake, draft.citizen.user)
            except services.InvalidRequest as error:
                raise FilingError(error.message, field=error.details.get("field", "")) from error
        finally:
            for handle in handles:
                handle.close()
        locked.dossier = dossier
        locked.submitted_at = dossier.submitted_at
        locked.step_done = Draft.Step.REVIEW
        locked.save(update_fields=["dossier", "submitted_at", "step_done"])
        _delete_files(given)
        DraftDocument.objects.filter(draft=locked).delete()
    return dossier


def _form_of(required: RequiredDocument) -> str:
    return DossierDocument.Form.ORIGINAL if required.originals else DossierDocument.Form.COPY


def _open(document: DraftDocument) -> File:
    source: DossierFile | DraftDocument = document.reused if document.reused_id else document
    try:
        handle = source.file.open("rb")
    except FileNotFoundError as error:
        raise FilingError(
            _("The file “%(name)s” is no longer available; add it again.") % {"name": document.original_name},
            field=f"doc-{document.required_document_id}",
        ) from error
    return File(handle, name=document.original_name)


def discard(draft: Draft) -> None:
    with transaction.atomic():
        documents = list(draft.documents.all())
        _delete_files(documents)
        draft.delete()


# --- abandoned drafts -----------------------------------------------------------------------------------


def keep_days() -> int:
    return settings.MOTCUA_DRAFT_KEEP_DAYS


def kept_until(draft: Draft) -> datetime:
    """When the daily job deletes the draft if nobody saves it again (each saved step starts anew)."""
    return draft.updated_at + timedelta(days=keep_days())


def delete_abandoned(now: datetime | None = None) -> int:
    """Delete the drafts not filed and not saved for `MOTCUA_DRAFT_KEEP_DAYS`, with their uploaded files (the
    files of earlier dossiers a draft reuses stay: they are those dossiers'). Returns how many were deleted.

    Each draft is locked and checked again in its own transaction: one saved a moment ago is kept. Business
    time (`motcua.clock`), like the drafts' own `updated_at`."""
    cutoff = (now or clock.now()) - timedelta(days=keep_days())
    abandoned = Draft.objects.filter(updated_at__lt=cutoff, dossier__isnull=True, submitted_at__isnull=True)
    deleted = 0
    for pk in list(abandoned.values_list("pk", flat=True)):
        with transaction.atomic():
            draft = abandoned.select_for_update().filter(pk=pk).first()
            if draft is None:
                continue
            documents = list(draft.documents.all())
            _delete_files(documents)
            logger.info(
                "abandoned draft %s deleted (last saved %s, %s uploaded file(s))",
                draft.pk,
                draft.updated_at.isoformat(timespec="seconds"),
                sum(1 for document in documents if document.file),
            )
            draft.delete()
            deleted += 1
    return deleted
