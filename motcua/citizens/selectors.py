"""Reads for citizens' pages and for other apps (re-exported by services.py).

my_dossiers(citizen)               the citizen's online dossiers, newest first
reusable_documents(citizen)        DossierFile rows of the citizen's dossiers that a new submission may reuse
owned_file(citizen, pk)            one of those, or None (the view answers 404)
authenticated_with_vneid(user)     the national portal's TaiKhoanDuocXacThucVoiVNeID flag for an account
citizen_of(user)                   the Citizen of a user, or None (staff)
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from motcua.dossiers.lifecycle import State
from motcua.dossiers.models import Dossier, DossierDocument, DossierFile

from .models import Citizen, IdentitySource

# Results are offered once the dossier's result is issued (before, a result file may still be replaced).
RESULT_STATES = (State.RESULT_READY, State.RETURNED)


def my_dossiers(citizen: Citizen) -> QuerySet[Dossier]:
    return (
        Dossier.objects.filter(submitted_by_id=citizen.user_id)
        .select_related("procedure_version", "receiving_agency")
        .order_by("-submitted_at", "-pk")
    )


def reusable_documents(citizen: Citizen) -> QuerySet[DossierFile]:
    """The files of the citizen's earlier dossiers (those whose `submitted_by` is the citizen's account)
    that can be reused in a new submission: the scans of the documents handed in, and the results issued
    (state result ready or returned). Newest first, with the dossier (and its procedure version) joined.

    Each row is a `dossiers.DossierFile`; `row.dossier` is the dossier it came from. The signature is stable:
    the online submission relies on it (docs/citizens.md)."""
    scan = DossierDocument.objects.filter(file_id=OuterRef("pk"))
    result = Dossier.objects.filter(result_file_id=OuterRef("pk"), state__in=RESULT_STATES)
    return (
        DossierFile.objects.filter(dossier__submitted_by_id=citizen.user_id)
        .filter(Q(Exists(scan)) | Q(Exists(result)))
        .select_related("dossier", "dossier__procedure_version")
        .order_by("-uploaded_at", "-pk")
    )


def owned_file(citizen: Citizen, pk: int) -> DossierFile | None:
    return reusable_documents(citizen).filter(pk=pk).first()


def is_result(stored: DossierFile) -> bool:
    return stored.dossier.result_file_id == stored.pk


def citizen_of(user) -> Citizen | None:
    if user is None or not getattr(user, "pk", None):
        return None
    return Citizen.objects.filter(user_id=user.pk).first()


def authenticated_with_vneid(user) -> bool:
    """Whether an online dossier's account was authenticated with VNeID (for TaiKhoanDuocXacThucVoiVNeID)."""
    if user is None or not getattr(user, "pk", None):
        return False
    return Citizen.objects.filter(
        user_id=user.pk, identity_source=IdentitySource.VNEID, vneid_subject__isnull=False
    ).exists()
