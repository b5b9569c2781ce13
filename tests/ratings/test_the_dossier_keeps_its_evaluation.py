"""`Dossier.evaluation`, which the settlement report counts, follows the dossier's ratings: satisfied while
every rating says "satisfied" or "very satisfied", not satisfied for good after one "not satisfied", empty
before any. The report's evaluation figures are therefore those of the ratings themselves, and the migration
that fills the column for existing dossiers gives the same values."""

import importlib

import pytest
from django.apps import apps

from motcua.dossiers import services as dossiers
from motcua.dossiers.models import Dossier, Evaluation
from motcua.ratings.models import Channel, Overall
from motcua.reports.selectors import settlement
from tests.factories.dossiers import make_world, received, vn
from tests.ratings.helpers import rate

pytestmark = pytest.mark.django_db

MARCH = (vn(2026, 3, 1).date(), vn(2026, 3, 31).date())


def evaluation(dossier) -> str:
    return Dossier.objects.get(pk=dossier.pk).evaluation


def rated_dossiers(frozen_clock):
    world = make_world()
    made = {
        name: received(world, frozen_clock, vn(2026, 3, day, 9))
        for day, name in enumerate(["satisfied", "then_not", "not_then_very", "very", "unrated"], start=2)
    }
    return world, made


def test_each_rating_moves_the_column_and_the_report_counts_it(frozen_clock):
    world, made = rated_dossiers(frozen_clock)
    assert {name: evaluation(d) for name, d in made.items()} == dict.fromkeys(made, Evaluation.NONE)

    rate(made["satisfied"], overall=Overall.SATISFIED)
    rate(made["then_not"], overall=Overall.VERY_SATISFIED)
    assert evaluation(made["then_not"]) == Evaluation.SATISFIED
    rate(made["then_not"], Channel.KIOSK, officer=world.desk, overall=Overall.NOT_SATISFIED)
    rate(made["not_then_very"], overall=Overall.NOT_SATISFIED)
    rate(made["not_then_very"], Channel.KIOSK, officer=world.desk, overall=Overall.VERY_SATISFIED)
    rate(made["very"], Channel.KIOSK, officer=world.desk, overall=Overall.VERY_SATISFIED)

    assert {name: evaluation(d) for name, d in made.items()} == {
        "satisfied": Evaluation.SATISFIED,
        "then_not": Evaluation.NOT_SATISFIED,
        "not_then_very": Evaluation.NOT_SATISFIED,
        "very": Evaluation.SATISFIED,
        "unrated": Evaluation.NONE,
    }
    assert made["then_not"].evaluation == Evaluation.NOT_SATISFIED  # the object in memory too
    report = settlement(world.province, *MARCH).as_dict()["evaluations"]
    assert (report["dossiers"], report["evaluated"], report["satisfied"]) == (5, 4, 2)


def test_a_business_action_after_a_rating_keeps_the_column(frozen_clock):
    """The action locks and re-reads the row: the copy of the dossier the caller held before the rating
    does not write the old value back."""
    world, made = rated_dossiers(frozen_clock)
    before = Dossier.objects.get(pk=made["satisfied"].pk)
    rate(made["satisfied"], overall=Overall.NOT_SATISFIED)
    dossiers.forward(before, world.desk)
    assert evaluation(before) == Evaluation.NOT_SATISFIED


def test_the_migration_fills_the_column_from_the_ratings(frozen_clock):
    world, made = rated_dossiers(frozen_clock)
    rate(made["satisfied"], overall=Overall.SATISFIED)
    rate(made["then_not"], overall=Overall.SATISFIED)
    rate(made["then_not"], Channel.KIOSK, officer=world.desk, overall=Overall.NOT_SATISFIED)
    kept = {d.pk: d.evaluation for d in Dossier.objects.all()}
    Dossier.objects.update(evaluation=Evaluation.NONE)

    fill = importlib.import_module("motcua.ratings.migrations.0003_dossier_evaluation").fill
    fill(apps, None)
    assert {d.pk: d.evaluation for d in Dossier.objects.all()} == kept
    fill(apps, None)  # again: nothing changes
    assert {d.pk: d.evaluation for d in Dossier.objects.all()} == kept
