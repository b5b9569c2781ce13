"""The one door to the applicants' evaluations for the settlement report (domain reference §8).

A dossier's evaluation comes from two places: the ratings app (`Rating`: the kiosk or the online page) and the
legacy import (`ImportedEvaluation`: what the old system recorded). The report counts both, in its one
aggregate, with the conditions below; each app defines its own part.
"""

from django.apps import apps
from django.db.models import Q


def evaluation_conditions() -> dict[str, Q]:
    """{"evaluated": Q, "satisfied": Q} on a dossier: evaluated when the applicant rated it (ratings app) or
    the old system recorded an evaluation (legacy import); satisfied when evaluated and none of these says
    "not satisfied". Nothing matches where neither app is installed."""
    evaluated, unsatisfied = Q(pk__in=[]), Q(pk__in=[])
    if apps.is_installed("motcua.ratings"):
        from motcua.ratings import selectors as ratings

        rated = ratings.evaluation_conditions()
        evaluated, unsatisfied = evaluated | rated["evaluated"], unsatisfied | rated["unsatisfied"]
    if apps.is_installed("motcua.legacy"):
        from motcua.legacy import selectors as legacy

        evaluated, unsatisfied = evaluated | Q(legacy.evaluated()), unsatisfied | Q(legacy.unsatisfied())
    return {"evaluated": evaluated, "satisfied": evaluated & ~unsatisfied}
