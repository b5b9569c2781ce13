"""The database itself refuses to change a recorded dossier event: no one can rewrite history or backdate."""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER dossiers_event_append_only BEFORE UPDATE ON dossiers_dossierevent
       BEGIN SELECT RAISE(ABORT, 'dossier events are append-only'); END""",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS dossiers_event_append_only"]

POSTGRESQL = [
    """CREATE OR REPLACE FUNCTION dossiers_event_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'dossier events are append-only'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER dossiers_event_append_only BEFORE UPDATE ON dossiers_dossierevent
       FOR EACH ROW EXECUTE FUNCTION dossiers_event_append_only()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS dossiers_event_append_only ON dossiers_dossierevent",
    "DROP FUNCTION IF EXISTS dossiers_event_append_only()",
]


def forward(apps, schema_editor):
    statements = POSTGRESQL if schema_editor.connection.vendor == "postgresql" else SQLITE
    for statement in statements:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    statements = POSTGRESQL_REVERSE if schema_editor.connection.vendor == "postgresql" else SQLITE_REVERSE
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
