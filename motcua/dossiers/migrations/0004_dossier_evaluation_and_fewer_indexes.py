"""Two columns for the settlement report, and three fewer indexes on the dossier table.

- `evaluation` ('' / satisfied / not_satisfied, `models.Evaluation`): what the dossier's evaluations add up
  to, so that the settlement report counts them with a column instead of probing the ratings and the imported
  evaluations for every dossier. Added empty here; the ratings and legacy apps fill it from their rows in
  their own migrations (ratings 0003, legacy 0002), and their writers keep it.
- `finish_timeliness` (early / on_time / late, empty while not finished): the working-time engine's class of
  the finish, a column the database computes from `finished_at` and `due_at` on every write (a generated,
  stored column: `worktime.sql.timeliness`, the report's own expression), so that the report reads it
  instead of computing two Vietnamese dates per dossier in three of its figures. Adding it computes it for
  every existing row (on PostgreSQL the table is rewritten once).
- Dropped, because a composite index starting with the same column serves every query that used them (each
  write to the table paid for them: the legacy import above all):
  - `receiving_agency_id`: dossier_received, dossier_finished, dossier_visible_receiving (0003) start with it;
  - `current_agency_id`: dossier_queue, dossier_visible_current (0003) start with it;
  - the `_like` (varchar_pattern_ops) copy of `state` on PostgreSQL: no query searches a state by prefix. The
    state's own index stays, as `dossier_state` in Meta (a plain btree; Django's `db_index` comes with the
    `_like` copy): the staff home page counts every queue in one query, an OR of states within agencies
    given as subqueries, and without it PostgreSQL scans the table (bench/indexes.py on 300,000 dossiers:
    25-38 ms with it, 123 ms without). On PostgreSQL the two old indexes are dropped, `dossier_state` built.
- The four indexes of 0003 (plain SQL there) are declared in the model's Meta from here on: a state-only
  operation, nothing is built again on PostgreSQL.
- Kept: the `_like` copy of the unique `code`: `dossiers.selectors.search_dossiers` searches by the start of
  the code (`code__startswith`), which needs it on PostgreSQL outside the C collation.
"""

import django.db.models.deletion
import django.db.models.lookups
from django.db import migrations, models

import motcua.worktime.sql


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0003_list_indexes"),
        ("org", "0002_default_agency_kinds"),
    ]

    operations = [
        # The indexes of 0003 exist already; Django's state learns them here, so that SQLite, which rebuilds
        # the table for the AlterFields below, builds them again (it would drop indexes it does not know).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(
                    model_name="dossier",
                    index=models.Index(
                        condition=models.Q(("state", "result_ready")),
                        fields=["receiving_agency", "due_at", "id"],
                        name="dossier_to_return",
                    ),
                ),
                migrations.AddIndex(
                    model_name="dossier",
                    index=models.Index(
                        condition=models.Q(("finished_at__isnull", True)),
                        fields=["state", "due_at", "id"],
                        name="dossier_open",
                    ),
                ),
                migrations.AddIndex(
                    model_name="dossier",
                    index=models.Index(fields=["receiving_agency", "id"], name="dossier_visible_receiving"),
                ),
                migrations.AddIndex(
                    model_name="dossier",
                    index=models.Index(fields=["current_agency", "id"], name="dossier_visible_current"),
                ),
            ]
        ),
        migrations.AddField(
            model_name="dossier",
            name="evaluation",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "not evaluated"),
                    ("satisfied", "satisfied"),
                    ("not_satisfied", "not satisfied"),
                ],
                default="",
                max_length=14,
                verbose_name="evaluation",
            ),
        ),
        migrations.AlterField(
            model_name="dossier",
            name="current_agency",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="held_dossiers",
                to="org.agency",
                verbose_name="current agency",
            ),
        ),
        migrations.AlterField(
            model_name="dossier",
            name="receiving_agency",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="received_dossiers",
                to="org.agency",
                verbose_name="receiving agency",
            ),
        ),
        migrations.AlterField(
            model_name="dossier",
            name="state",
            field=models.CharField(
                choices=[
                    ("submitted", "submitted, not yet received"),
                    ("supplement_requested", "supplement requested"),
                    ("received", "received"),
                    ("processing", "processing"),
                    ("awaiting_payment", "awaiting payment"),
                    ("result_ready", "result ready"),
                    ("returned", "result returned"),
                    ("not_received", "not received"),
                    ("stopped", "processing stopped"),
                    ("withdrawn", "withdrawn"),
                ],
                max_length=30,
                verbose_name="state",
            ),
        ),
        migrations.AddIndex(
            model_name="dossier",
            index=models.Index(fields=["state"], name="dossier_state"),
        ),
        migrations.AddField(
            model_name="dossier",
            name="finish_timeliness",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Case(
                    models.When(finished_at__isnull=True, then=models.Value("")),
                    default=models.Case(
                        models.When(
                            django.db.models.lookups.GreaterThan(models.F("finished_at"), models.F("due_at")),
                            then=models.Value("late"),
                        ),
                        models.When(
                            django.db.models.lookups.LessThan(
                                motcua.worktime.sql.VietnameseDate(models.F("finished_at")),
                                motcua.worktime.sql.VietnameseDate(models.F("due_at")),
                            ),
                            then=models.Value("early"),
                        ),
                        default=models.Value("on_time"),
                        output_field=models.CharField(),
                    ),
                ),
                output_field=models.CharField(max_length=7),
                verbose_name="timeliness of the finish",
            ),
        ),
    ]
