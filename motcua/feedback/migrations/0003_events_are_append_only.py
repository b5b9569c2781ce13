"""The database itself refuses to change a recorded feedback event: no one can rewrite history or backdate."""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER feedback_event_append_only BEFORE UPDATE ON feedback_feedbackevent
       BEGIN SELECT RAISE(ABORT, 'feedback events are append-only'); END""",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS feedback_event_append_only"]

POSTGRESQL = [
    """CREATE OR REPLACE FUNCTION feedback_event_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'feedback events are append-only'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER feedback_event_append_only BEFORE UPDATE ON feedback_feedbackevent
       FOR EACH ROW EXECUTE FUNCTION feedback_event_append_only()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS feedback_event_append_only ON feedback_feedbackevent",
    "DROP FUNCTION IF EXISTS feedback_event_append_only()",
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
    dependencies = [("feedback", "0002_seed_time_limits")]
    operations = [migrations.RunPython(forward, backward)]
