"""Rows of the citizen's pages: dossiers with their state in words and the tracking link, documents with
what they are."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from motcua.dossiers.lifecycle import State
from motcua.dossiers.models import Dossier, DossierDocument, DossierFile

from .models import Draft


@dataclass(frozen=True)
class DossierRow:
    code: str
    procedure: str
    state: str
    state_code: str
    submitted_at: datetime
    due_at: datetime | None
    tracking_url: str
    url: str


def tracking_url(dossier: Dossier) -> str:
    return f"{reverse('portal:track', args=[dossier.code])}?secret={dossier.lookup_secret}"


def dossier_rows(dossiers: QuerySet[Dossier]) -> list[DossierRow]:
    return [
        DossierRow(
            code=dossier.code,
            procedure=dossier.procedure_version.name,
            state=str(State(dossier.state).label),
            state_code=dossier.state,
            submitted_at=dossier.submitted_at,
            due_at=dossier.due_at,
            tracking_url=tracking_url(dossier),
            url=reverse("citizens:dossier", args=[dossier.code]),
        )
        for dossier in dossiers
    ]


@dataclass(frozen=True)
class DocumentRow:
    pk: int
    what: str
    file_name: str
    content_type: str
    size: int
    uploaded_at: datetime
    dossier_code: str
    procedure: str
    is_result: bool


def document_rows(files: QuerySet[DossierFile]) -> list[DocumentRow]:
    files = files.prefetch_related(
        Prefetch("documents", queryset=DossierDocument.objects.order_by("pk"), to_attr="scans")
    )
    rows = []
    for stored in files:
        is_result = stored.dossier.result_file_id == stored.pk
        what = _("Result of the dossier") if is_result else (stored.scans[0].name if stored.scans else "")
        rows.append(
            DocumentRow(
                pk=stored.pk,
                what=what,
                file_name=stored.original_name,
                content_type=stored.content_type,
                size=stored.size,
                uploaded_at=stored.uploaded_at,
                dossier_code=stored.dossier.code,
                procedure=stored.dossier.procedure_version.name,
                is_result=is_result,
            )
        )
    return rows


# The online submission's steps and their pages, in order.
STEPS = [
    (Draft.Step.APPLICANT, "citizens:draft-applicant"),
    (Draft.Step.DOCUMENTS, "citizens:draft-documents"),
    (Draft.Step.DELIVERY, "citizens:draft-delivery"),
    (Draft.Step.REVIEW, "citizens:draft-review"),
]


def resume_url(draft: Draft) -> str:
    """The page where a saved draft goes on: its first step not done (the review once all are)."""
    return reverse(STEPS[min(draft.step_done + 1, Draft.Step.REVIEW) - 1][1], args=[draft.pk])
