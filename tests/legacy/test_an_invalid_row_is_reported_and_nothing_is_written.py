"""Every row is checked before anything is written: a problem is reported with its line and column, and
nothing of the file is written (not even the placeholders it would have needed)."""

import pytest

from motcua.catalog.models import Procedure
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.legacy import services
from motcua.legacy.models import ImportedEvaluation
from motcua.org.models import Agency
from tests.legacy.files import legacy_csv, row

pytestmark = pytest.mark.django_db

CASES = {
    "a date without offset": (row(received_at="2024-03-01T08:15:00"), "received_at"),
    "a date that is no date": (row(due_at="01/03/2024 08:15"), "due_at"),
    "an unknown status": (row(status="archived"), "status"),
    "a finished status without finished_at": (row(status="finished"), "finished_at"),
    "a refusal without its closing time": (row(status="refused"), "finished_at"),
    "a bad channel": (row(channel="fax"), "channel"),
    "an open dossier with a finish": (
        row(status="processing", finished_at="2024-03-02T08:00:00+07:00"),
        "finished_at",
    ),
    "a return before the finish": (
        row(
            status="returned",
            finished_at="2024-03-05T08:00:00+07:00",
            returned_at="2024-03-04T08:00:00+07:00",
        ),
        "returned_at",
    ),
    "a reception in the future": (row(received_at="2027-01-01T08:00:00+07:00"), "received_at"),
    "a bad evaluation": (row(evaluation="5 stars"), "evaluation"),
    "a bad supplement count": (row(supplement_count="two"), "supplement_count"),
    "an empty applicant": (row(applicant_name="  "), "applicant_name"),
    "a bad procedure code": (row(procedure_code="TT-01"), "procedure_code"),
    "a bad agency code": (row(agency_code="ward-1"), "agency_code"),
    "no appointment and an unknown procedure": (row(procedure_code="2.000002"), "due_at"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_bad_row_is_reported_with_its_line_and_column(tmp_path, now, ward, birth, case):
    bad, column = CASES[case]
    # Good rows around the bad one, one of them naming an unknown agency: no placeholder may be left behind.
    rows = [
        row(code="OK-1"),
        row(code="OK-2", agency_code="000.00.99.H34", agency_name="Xã Mới"),
        {**bad, "code": "BAD-1"},
        row(code="OK-3"),
    ]
    with pytest.raises(services.ImportRefused) as refused:
        services.import_dossiers(legacy_csv(tmp_path, rows), batch_size=1)
    assert [(error.line, error.column) for error in refused.value.errors] == [(4, column)]
    assert not Dossier.objects.exists() and not DossierEvent.objects.exists()
    assert not Agency.objects.filter(code="000.00.99.H34").exists()


def test_a_duplicate_code_names_both_lines(tmp_path, now, ward, birth):
    rows = [row(code="X-1"), row(code="X-2"), row(code="X-1")]
    with pytest.raises(services.ImportRefused) as refused:
        services.import_dossiers(legacy_csv(tmp_path, rows))
    [error] = refused.value.errors
    assert (error.line, error.column) == (4, "code")
    assert "2" in error.message  # the line where the code first appears
    assert not Dossier.objects.exists()


def test_every_problem_of_the_file_is_listed(tmp_path, now, ward, birth):
    rows = [
        row(code="E-1", channel="fax", status="archived"),
        row(code="E-2"),
        row(code="E-3", received_at=""),
    ]
    with pytest.raises(services.ImportRefused) as refused:
        services.import_dossiers(legacy_csv(tmp_path, rows))
    assert [(e.line, e.column) for e in refused.value.errors] == [
        (2, "channel"),
        (2, "status"),
        (4, "received_at"),
    ]


def test_a_file_without_a_needed_column_is_refused(tmp_path, now, ward, birth):
    path = tmp_path / "short.csv"
    path.write_text("code,status\nA-1,received\n", encoding="utf-8")
    with pytest.raises(services.ImportRefused) as refused:
        services.import_dossiers(path)
    [error] = refused.value.errors
    assert error.line == 1 and "procedure_code" in error.message
    assert not Procedure.objects.exclude(code="1.000001").exists()


def test_a_batch_is_written_whole_or_not_at_all(tmp_path, now, ward, birth, monkeypatch):
    """A failure while writing a batch (here after its dossiers, events, pauses and evaluations were sent, at
    its last step inside the transaction) leaves nothing of that batch; the batches before it stay, and
    running the import again completes the file."""
    from motcua.legacy import writing

    rows = [row(code=f"B-{n}", evaluation="satisfied") for n in range(5)]
    path = legacy_csv(tmp_path, rows)
    original = writing.Writer._bump_code_sequences
    calls = {"n": 0}

    def failing(self, records):
        calls["n"] += 1
        if calls["n"] == 2:  # the second batch
            raise RuntimeError("connection lost")
        return original(self, records)

    monkeypatch.setattr(writing.Writer, "_bump_code_sequences", failing)
    with pytest.raises(RuntimeError):
        services.import_dossiers(path, batch_size=2)
    assert sorted(Dossier.objects.values_list("code", flat=True)) == ["B-0", "B-1"]
    assert DossierEvent.objects.count() == 2
    assert ImportedEvaluation.objects.count() == 2
    monkeypatch.setattr(writing.Writer, "_bump_code_sequences", original)
    summary = services.import_dossiers(path, batch_size=2)
    assert (summary.imported, summary.skipped) == (3, 2)
    assert Dossier.objects.count() == DossierEvent.objects.count() == 5
