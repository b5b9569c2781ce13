"""Rows are keyed by code: a second import of the same file skips every row and writes nothing."""

import pytest

from motcua.catalog.models import ProcedureVersion
from motcua.dossiers.models import Dossier, DossierEvent, Pause
from motcua.legacy import services
from motcua.legacy.models import ImportedEvaluation
from motcua.org.models import Agency
from tests.legacy.files import legacy_csv, row

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "dossiers": sorted(
            Dossier.objects.values_list("code", "state", "due_at", "lookup_secret", "updated_at")
        ),
        "events": DossierEvent.objects.count(),
        "pauses": Pause.objects.count(),
        "evaluations": ImportedEvaluation.objects.count(),
        "agencies": sorted(Agency.objects.values_list("code", "path")),
        "versions": ProcedureVersion.objects.count(),
    }


def test_the_second_import_skips_every_row(tmp_path, now, ward, birth):
    rows = [
        row(code="T-1"),
        row(code="T-2", status="supplement"),
        row(code="T-3", status="finished", finished_at="2024-03-02T10:00:00+07:00", evaluation="satisfied"),
        row(
            code="T-4",
            agency_code="000.00.77.H34",
            procedure_code="9.000009",
            due_at="2024-03-10T17:00:00+07:00",
        ),
    ]
    path = legacy_csv(tmp_path, rows)
    first = services.import_dossiers(path)
    before = snapshot()
    second = services.import_dossiers(path)
    assert (first.imported, first.skipped) == (4, 0)
    assert (second.imported, second.skipped, second.evaluations) == (0, 4, 0)
    assert second.new_agencies == [] and second.new_procedures == []
    assert snapshot() == before


def test_rows_added_to_the_file_are_imported_the_next_time(tmp_path, now, ward, birth):
    services.import_dossiers(legacy_csv(tmp_path, [row(code="T-1")]))
    summary = services.import_dossiers(legacy_csv(tmp_path, [row(code="T-1"), row(code="T-2")]))
    assert (summary.imported, summary.skipped) == (1, 1)
    assert Dossier.objects.count() == DossierEvent.objects.count() == 2
