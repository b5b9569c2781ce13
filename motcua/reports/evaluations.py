"""The one door to the applicants' evaluations for the settlement report (domain reference §8).

A dossier's evaluations come from two places: the ratings app (`Rating`: the kiosk or the online page) and the
legacy import (`ImportedEvaluation`: what the old system recorded). Both writers keep what they add up to in
the dossier's own column, `Dossier.evaluation` (`dossiers.models.Evaluation`): empty when nobody evaluated
the dossier, "not_satisfied" when one of its evaluations says "not satisfied", otherwise "satisfied". The
report counts the column in its one aggregate, with the conditions below, instead of probing both tables for
every dossier; `tests/reports/test_the_dossier_keeps_its_evaluation.py` checks it against the two tables.
"""

from django.db.models import Q

from motcua.dossiers.models import Evaluation

# The values of `Dossier.evaluation` of an evaluated dossier, and of a satisfied one.
EVALUATED = (Evaluation.SATISFIED, Evaluation.NOT_SATISFIED)
SATISFIED = (Evaluation.SATISFIED,)


def evaluation_conditions() -> dict[str, Q]:
    """{"evaluated": Q, "satisfied": Q} on a dossier: evaluated when the applicant rated it (ratings app) or
    the old system recorded an evaluation (legacy import); satisfied when evaluated and none of these says
    "not satisfied". The report sums its cells by EVALUATED and SATISFIED, the same values."""
    return {
        "evaluated": Q(evaluation__in=EVALUATED),
        "satisfied": Q(evaluation__in=SATISFIED),
    }
