"""Reading the catalogue: what other apps (dossiers, the office, the API) ask of it."""

from django.db.models import Q, QuerySet

from .models import Procedure, ProcedureVersion, Status


def procedures_in_force() -> QuerySet:
    """The versions in force, one per procedure, ready for lists (field, kinds, children prefetched)."""
    return (
        ProcedureVersion.objects.filter(status=Status.IN_FORCE)
        .select_related("procedure", "field")
        .prefetch_related("agency_kinds", "documents", "fees", "steps__agency")
        .order_by("procedure__code")
    )


def current_version(code: str) -> ProcedureVersion | None:
    """The version of procedure `code` in force now, or None (unknown, abolished, or only a draft)."""
    return procedures_in_force().filter(procedure__code=code).first()


def version_to_receive(code: str) -> ProcedureVersion | None:
    """`current_version` with only what an intake checks (the agency kinds that receive it, its documents)."""
    in_force = procedures_in_force().prefetch_related(None).prefetch_related("agency_kinds", "documents")
    return in_force.filter(procedure__code=code).first()


def version_in_force_at(code: str, moment) -> ProcedureVersion | None:
    """The version of procedure `code` that was in force at `moment` (for a dossier received then)."""
    return (
        ProcedureVersion.objects.filter(procedure__code=code, effective_at__lte=moment)
        .filter(Q(ended_at__isnull=True) | Q(ended_at__gt=moment))
        .exclude(status=Status.DRAFT)
        .order_by("-effective_at")
        .first()
    )


def latest_version(procedure: Procedure) -> ProcedureVersion | None:
    """The version that describes the procedure now: the one in force, else the last one published."""
    versions = procedure.versions.exclude(status=Status.DRAFT)
    return versions.filter(status=Status.IN_FORCE).first() or versions.order_by("-number").first()


def draft_of(procedure: Procedure) -> ProcedureVersion | None:
    return procedure.versions.filter(status=Status.DRAFT).first()
