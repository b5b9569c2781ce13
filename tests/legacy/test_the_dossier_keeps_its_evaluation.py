"""The import writes the old system's evaluation into the dossier's `evaluation` column, which the settlement
report counts: very satisfied and satisfied as "satisfied", unsatisfied as "not_satisfied", none as empty;
a later rating in MotCua adds to it. The migration that fills the column for dossiers imported before gives
the same values, whichever of the ratings' and the import's fills runs first."""

import importlib
from datetime import date

import pytest
from django.apps import apps

from motcua.dossiers.models import Dossier, Evaluation
from motcua.legacy import services
from motcua.ratings.models import Overall
from motcua.reports.selectors import settlement
from tests.legacy.files import legacy_csv, row
from tests.ratings.helpers import rate

pytestmark = pytest.mark.django_db

MARCH = (date(2024, 3, 1), date(2024, 3, 31))
ROWS = [
    row(code="R-very", evaluation="very_satisfied"),
    row(code="R-satisfied", evaluation="satisfied"),
    row(code="R-unsatisfied", evaluation="unsatisfied"),
    row(code="R-none"),
    row(code="R-rated-later", evaluation="satisfied"),
]


def columns() -> dict[str, str]:
    return dict(Dossier.objects.values_list("code", "evaluation"))


def test_the_import_writes_the_column_and_a_rating_adds_to_it(tmp_path, now, ward, birth):
    services.import_dossiers(legacy_csv(tmp_path, ROWS))
    assert columns() == {
        "R-very": Evaluation.SATISFIED,
        "R-satisfied": Evaluation.SATISFIED,
        "R-unsatisfied": Evaluation.NOT_SATISFIED,
        "R-none": Evaluation.NONE,
        "R-rated-later": Evaluation.SATISFIED,
    }
    evaluations = settlement(ward.parent, *MARCH).as_dict()["evaluations"]
    assert (evaluations["dossiers"], evaluations["evaluated"], evaluations["satisfied"]) == (5, 4, 3)

    rate(Dossier.objects.get(code="R-rated-later"), overall=Overall.NOT_SATISFIED)
    rate(Dossier.objects.get(code="R-none"), overall=Overall.VERY_SATISFIED)
    assert columns()["R-rated-later"] == Evaluation.NOT_SATISFIED
    assert columns()["R-none"] == Evaluation.SATISFIED
    evaluations = settlement(ward.parent, *MARCH).as_dict()["evaluations"]
    assert (evaluations["dossiers"], evaluations["evaluated"], evaluations["satisfied"]) == (5, 5, 3)


@pytest.mark.parametrize("order", [("legacy", "ratings"), ("ratings", "legacy")])
def test_the_migrations_fill_the_column_from_both_sources(tmp_path, now, ward, birth, order):
    services.import_dossiers(legacy_csv(tmp_path, ROWS))
    rate(Dossier.objects.get(code="R-rated-later"), overall=Overall.NOT_SATISFIED)
    rate(Dossier.objects.get(code="R-none"), overall=Overall.SATISFIED)
    kept = columns()
    Dossier.objects.update(evaluation=Evaluation.NONE)

    migrations = {
        "legacy": "motcua.legacy.migrations.0002_dossier_evaluation",
        "ratings": "motcua.ratings.migrations.0003_dossier_evaluation",
    }
    for app in order:
        importlib.import_module(migrations[app]).fill(apps, None)
    assert columns() == kept


def test_the_service_index_counts_an_imported_dissatisfaction_as_the_reports_do(tmp_path, now, ward, birth):
    """Indicator 5.4 (satisfied with the settlement) loses a dossier evaluated "not satisfied", whether the
    evaluation was given in MotCua or in the old system before the import."""
    from motcua.serviceindex.definitions import Period, counts, lost

    on_time = {"status": "finished", "finished_at": "2024-03-04T10:00:00+07:00"}
    services.import_dossiers(
        legacy_csv(
            tmp_path,
            [
                row(code="S-satisfied", evaluation="satisfied", **on_time),
                row(code="S-unsatisfied", evaluation="unsatisfied", **on_time),
                row(code="S-none", **on_time),
                row(code="S-rated-here", **on_time),
            ],
        )
    )
    rate(Dossier.objects.get(code="S-rated-here"), overall=Overall.NOT_SATISFIED)
    period = Period(ward.parent, *MARCH, now=now)
    assert counts("5.4", period) == (2, 4)
    assert sorted(lost("5.4", period).values_list("code", flat=True)) == ["S-rated-here", "S-unsatisfied"]
