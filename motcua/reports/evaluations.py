"""The one door to the ratings app for the settlement report's evaluations (domain reference §8).

`motcua.ratings.selectors.evaluation_counts(dossiers)` says, of a queryset of dossiers, how many there are,
how many were rated and how many are satisfied. Where the ratings app is not installed, nothing was rated:
the report still counts the dossiers.
"""

from django.apps import apps
from django.db.models import Q, QuerySet

EMPTY = {"dossiers": 0, "evaluated": 0, "satisfied": 0}


def evaluation_counts(dossiers: QuerySet, received: int) -> dict[str, int]:
    """{"dossiers", "evaluated", "satisfied"} of `dossiers`, whose number the caller knows (`received`): no
    query at all when it is 0."""
    if not received:
        return dict(EMPTY)
    counts = _ratings_counts()
    if counts is None:
        return {"dossiers": received, "evaluated": 0, "satisfied": 0}
    return counts(dossiers)


def evaluation_conditions() -> dict[str, Q]:
    """{"evaluated": Q, "satisfied": Q} on a dossier, the conditions `evaluation_counts` counts with (nothing
    matches where the ratings app is not installed)."""
    if not apps.is_installed("motcua.ratings"):
        return {"evaluated": Q(pk__in=[]), "satisfied": Q(pk__in=[])}
    from motcua.ratings import selectors

    return selectors.evaluation_conditions()


def _ratings_counts():
    if not apps.is_installed("motcua.ratings"):
        return None
    from motcua.ratings import selectors

    return getattr(selectors, "evaluation_counts", None)
