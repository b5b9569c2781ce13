"""An agency or procedure code the database lacks never stops a migration: it becomes a placeholder marked as
imported, named as the file names it, and the summary lists it."""

import pytest

from motcua.catalog.models import Status
from motcua.catalog.selectors import current_version, version_in_force_at
from motcua.dossiers.models import Dossier
from motcua.legacy import selectors, services
from motcua.legacy.models import ImportedAgency, ImportedProcedure
from tests.legacy.files import legacy_csv, row

pytestmark = pytest.mark.django_db

DUE = "2024-03-12T17:00:00+07:00"


@pytest.fixture
def summary(tmp_path, now, ward, birth):
    rows = [
        row(code="P-1"),
        row(code="P-2", agency_code="000.00.55.H34", agency_name="UBND xã Năm", due_at=DUE),
        row(code="P-3", procedure_code="2.000777", procedure_name="Cấp phép cũ", due_at=DUE),
        row(
            code="P-4",
            agency_code="000.00.55.H34",
            agency_name="Tên khác",
            procedure_code="2.000777",
            due_at=DUE,
        ),
    ]
    return services.import_dossiers(legacy_csv(tmp_path, rows))


def test_an_unknown_agency_is_placed_under_the_imported_root(summary):
    [placeholder] = selectors.placeholder_agencies().exclude(code="IMPORTED")
    assert (placeholder.code, placeholder.name, placeholder.is_active) == (
        "000.00.55.H34",
        "UBND xã Năm",
        False,
    )
    root = placeholder.parent
    assert root.code == "IMPORTED" and root.parent is None and root.kind.code == "imported"
    assert placeholder.kind == root.kind and placeholder.path.startswith(root.path)
    mark = ImportedAgency.objects.get(agency=placeholder)
    assert (mark.source_file, mark.line) == ("legacy.csv", 3)
    assert set(Dossier.objects.filter(receiving_agency=placeholder).values_list("code", flat=True)) == {
        "P-2",
        "P-4",
    }


def test_an_unknown_procedure_gets_a_version_never_in_force(summary):
    [version] = selectors.placeholder_procedures()
    assert (version.procedure.code, version.name, version.status) == (
        "2.000777",
        "Cấp phép cũ",
        Status.ABOLISHED,
    )
    assert version.effective_at is None
    assert current_version("2.000777") is None and version_in_force_at("2.000777", version.created_at) is None
    assert ImportedProcedure.objects.get(version=version).line == 4
    assert set(Dossier.objects.filter(procedure_version=version).values_list("code", flat=True)) == {
        "P-3",
        "P-4",
    }


def test_the_summary_lists_the_placeholders(summary):
    assert [(p.code, p.name, p.line) for p in summary.new_agencies] == [("000.00.55.H34", "UBND xã Năm", 3)]
    assert [(p.code, p.name, p.line) for p in summary.new_procedures] == [("2.000777", "Cấp phép cũ", 4)]
    text = str(summary)
    assert "000.00.55.H34" in text and "2.000777" in text and "UBND xã Năm" in text


def test_a_later_file_reuses_the_placeholders(summary, tmp_path):
    rows = [row(code="P-9", agency_code="000.00.55.H34", procedure_code="2.000777", due_at=DUE)]
    later = services.import_dossiers(legacy_csv(tmp_path, rows, name="later.csv"))
    assert later.imported == 1 and later.new_agencies == [] and later.new_procedures == []
    assert selectors.placeholder_procedures().count() == 1
    assert selectors.placeholder_agencies().count() == 2  # the root and the commune
