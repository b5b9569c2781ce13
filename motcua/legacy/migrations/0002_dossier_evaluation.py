"""Fill `Dossier.evaluation` (dossiers 0004) from the old system's evaluations already imported:
"not_satisfied" for an imported "not satisfied", otherwise "satisfied". A value already worse (a rating's
"not_satisfied") is kept, so the two apps' fills may run in either order; running it again changes nothing.
From now on the import writes the column with the dossier."""

from django.db import migrations
from django.db.models import Case, Exists, OuterRef, Value, When


def fill(apps, schema_editor):
    Dossier = apps.get_model("dossiers", "Dossier")
    ImportedEvaluation = apps.get_model("legacy", "ImportedEvaluation")
    imported = ImportedEvaluation.objects.filter(dossier=OuterRef("pk"))
    Dossier.objects.filter(Exists(imported)).exclude(evaluation="not_satisfied").update(
        evaluation=Case(
            When(Exists(imported.filter(overall="not_satisfied")), then=Value("not_satisfied")),
            default=Value("satisfied"),
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0004_dossier_evaluation_and_fewer_indexes"),
        ("legacy", "0001_initial"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
