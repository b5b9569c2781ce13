"""Indexes for the office's lists and the visibility filter (measured: bench/indexes.py, docs/performance.md).

- dossier_to_return: the desk's queue of results to return, in its order (due_at, id); partial, over the
  results waiting at a desk only, so that it costs nothing to the history's rows. (A partial index over all
  the desk's states, `state IN (...)`, was tried: it made PostgreSQL plan the staff home page's one counting
  query, an OR of every queue, in 22 ms instead of 1.5 ms, for no gain in execution.)
- dossier_open: dossiers not finished, by state and appointment: overdue filters, a monitor's list of one
  state by due date; partial too (history is finished).
- dossier_visible_receiving, dossier_visible_current: `selectors.visible_to` unions the dossiers received
  or held by the user's agencies; with the id in the index these are index-only scans, not heap reads.

Plain SQL that PostgreSQL and SQLite both read (partial indexes included). They are not declared in the
model's Meta (this migration was written where only migrations could be added): Django's migration state does
not know them, so `makemigrations` stays quiet. Migration 0004 declares them in Meta.indexes (state only:
SeparateDatabaseAndState), so that Django knows them from there on.
"""

from django.db import migrations

INDEXES = {
    "dossier_to_return": "(receiving_agency_id, due_at, id) WHERE state = 'result_ready'",
    "dossier_open": "(state, due_at, id) WHERE finished_at IS NULL",
    "dossier_visible_receiving": "(receiving_agency_id, id)",
    "dossier_visible_current": "(current_agency_id, id)",
}


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0002_events_are_append_only")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {name} ON dossiers_dossier {definition}",
            reverse_sql=f"DROP INDEX {name}",
        )
        for name, definition in INDEXES.items()
    ]
