"""Reads of what the legacy import left, for statistics and the admin.

    placeholder_agencies(), placeholder_procedures() -> querysets of what an administrator must sort out

The old system's evaluations are kept in `ImportedEvaluation` (one overall evaluation per dossier), not in the
ratings app (whose `Rating` is one citizen's answers through the kiosk or the online page). Statistics count a
dossier as evaluated when it has a rating or an imported evaluation, and as satisfied when none of them is
"not satisfied": the settlement report reads that from the dossier's `evaluation` column, which the import
writes with the dossier (`writing.py`).
"""

from django.db.models import QuerySet

from motcua.catalog.models import ProcedureVersion
from motcua.org.models import Agency

from .models import ImportedAgency, ImportedProcedure


def placeholder_agencies() -> QuerySet:
    return Agency.objects.filter(pk__in=ImportedAgency.objects.values("agency_id")).order_by("path")


def placeholder_procedures() -> QuerySet:
    return ProcedureVersion.objects.filter(pk__in=ImportedProcedure.objects.values("version_id")).order_by(
        "procedure__code"
    )
