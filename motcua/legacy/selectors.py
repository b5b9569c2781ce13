"""Reads of what the legacy import left, for statistics and the admin.

    evaluation_counts(dossiers) -> {"dossiers", "evaluated", "satisfied"}   the old system's evaluations
    placeholder_agencies(), placeholder_procedures() -> querysets of what an administrator must sort out

The old system's evaluations are kept in `ImportedEvaluation` (one overall evaluation per dossier), not in the
ratings app (whose `Rating` is one citizen's answers through the kiosk or the online page). Statistics count a
dossier as evaluated when it has a rating or an imported evaluation, and as satisfied when none of them is
"not satisfied": the settlement report reads that from the dossier's `evaluation` column, which the import
writes with the dossier (`writing.py`); `evaluation_counts` reads the imported evaluations alone.
"""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from motcua.catalog.models import ProcedureVersion
from motcua.org.models import Agency

from .models import ImportedAgency, ImportedEvaluation, ImportedProcedure, Overall


def evaluation_counts(dossiers: QuerySet) -> dict[str, int]:
    """Of `dossiers`: how many, how many have an imported evaluation, how many of those are satisfied
    (the same contract as `ratings.selectors.evaluation_counts`)."""
    evaluated = Q(Exists(ImportedEvaluation.objects.filter(dossier=OuterRef("pk"))))
    unsatisfied = Q(
        Exists(ImportedEvaluation.objects.filter(dossier=OuterRef("pk"), overall=Overall.NOT_SATISFIED))
    )
    counts = dossiers.order_by().aggregate(
        dossiers=Count("pk", distinct=True),
        evaluated=Count("pk", filter=evaluated, distinct=True),
        satisfied=Count("pk", filter=evaluated & ~unsatisfied, distinct=True),
    )
    return {key: counts[key] or 0 for key in ("dossiers", "evaluated", "satisfied")}


def placeholder_agencies() -> QuerySet:
    return Agency.objects.filter(pk__in=ImportedAgency.objects.values("agency_id")).order_by("path")


def placeholder_procedures() -> QuerySet:
    return ProcedureVersion.objects.filter(pk__in=ImportedProcedure.objects.values("version_id")).order_by(
        "procedure__code"
    )
