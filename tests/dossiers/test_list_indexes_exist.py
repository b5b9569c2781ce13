"""The indexes of migration 0003 (the office's lists and the visibility filter; figures in
docs/performance.md) exist on the database, SQLite and PostgreSQL alike, with their columns."""

from importlib import import_module

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_the_list_indexes_are_on_the_dossier_table():
    indexes = import_module("motcua.dossiers.migrations.0003_list_indexes").INDEXES
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "dossiers_dossier")
    found = {name: constraints[name]["columns"] for name in indexes if name in constraints}
    assert found == {
        "dossier_to_return": ["receiving_agency_id", "due_at", "id"],
        "dossier_open": ["state", "due_at", "id"],
        "dossier_visible_receiving": ["receiving_agency_id", "id"],
        "dossier_visible_current": ["current_agency_id", "id"],
    }
