"""Fill `Dossier.evaluation` (dossiers 0004) from the ratings already given: "not_satisfied" when a rating of
the dossier says "not satisfied", otherwise "satisfied" when it has a rating. A value already worse (the
legacy import's "not_satisfied") is kept, so the two apps' fills may run in either order; running it again
changes nothing. From now on `services.submit` keeps the column."""

from django.db import migrations
from django.db.models import Case, Exists, OuterRef, Value, When


def fill(apps, schema_editor):
    Dossier = apps.get_model("dossiers", "Dossier")
    Rating = apps.get_model("ratings", "Rating")
    rated = Rating.objects.filter(dossier=OuterRef("pk"))
    Dossier.objects.filter(Exists(rated)).exclude(evaluation="not_satisfied").update(
        evaluation=Case(
            When(Exists(rated.filter(overall="not_satisfied")), then=Value("not_satisfied")),
            default=Value("satisfied"),
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0004_dossier_evaluation_and_fewer_indexes"),
        ("ratings", "0002_default_rules"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
