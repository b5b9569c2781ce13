"""Imported dossiers are counted by the settlement report (Biểu II.06a) like any other: by their
reception, finish and appointment instants, classified by the working-time engine's rule; and the old system's
evaluations are counted in the report's evaluations."""

from datetime import date

import pytest

from motcua.legacy import services
from motcua.reports.selectors import settlement
from tests.legacy.files import legacy_csv, row

pytestmark = pytest.mark.django_db

# Procedure 1.000001: 3 working days. Received Friday 1 March 2024 08:15: due Wednesday 6 March 08:15.
ROWS = [
    row(code="R-early", status="finished", finished_at="2024-03-05T16:00:00+07:00", evaluation="satisfied"),
    row(
        code="R-on-time",
        status="returned",
        finished_at="2024-03-06T08:00:00+07:00",
        returned_at="2024-03-07T09:00:00+07:00",
        evaluation="unsatisfied",
    ),
    row(code="R-late", status="finished", finished_at="2024-03-07T10:00:00+07:00"),
    row(
        code="R-late-given",
        status="stopped",
        due_at="2024-03-04T17:00:00+07:00",
        finished_at="2024-03-05T08:00:00+07:00",
    ),
    row(code="R-overdue", status="processing", channel="online", evaluation="very_satisfied"),
    row(code="R-paused", status="supplement", channel="postal", supplement_count="1"),
    row(code="R-within", status="received", received_at="2024-03-29T10:00:00+07:00"),
    row(code="R-carried", status="processing", received_at="2024-02-26T08:00:00+07:00"),
    row(
        code="R-before",
        status="returned",
        received_at="2024-02-01T08:00:00+07:00",
        finished_at="2024-02-02T08:00:00+07:00",
        returned_at="2024-02-02T09:00:00+07:00",
    ),
]


def test_the_report_classifies_imported_dossiers(tmp_path, now, ward, birth):
    services.import_dossiers(legacy_csv(tmp_path, ROWS))
    report = settlement(ward.parent, date(2024, 3, 1), date(2024, 3, 31)).as_dict()
    assert report["received"] == {"total": 8, "online": 1, "direct_postal": 6, "carried_over": 1}
    assert report["resolved"] == {"total": 4, "early": 1, "on_time": 1, "late": 2}
    # R-within is due in April; R-paused waits for a supplement; R-overdue and R-carried are past their due.
    assert report["in_progress"] == {"total": 4, "within_time": 2, "overdue": 2}


def test_the_old_systems_evaluations_are_counted(tmp_path, now, ward, birth):
    services.import_dossiers(legacy_csv(tmp_path, ROWS))
    report = settlement(ward.parent, date(2024, 3, 1), date(2024, 3, 31), by="channel").as_dict()
    assert report["evaluations"] == {
        "dossiers": 7,
        "evaluated": 3,
        "satisfied": 2,
        "rates": {"evaluated": "42.86", "satisfied": "66.67"},
    }
    by_channel = {row["key"]: row["evaluations"] for row in report["rows"]}
    assert (by_channel["online"]["evaluated"], by_channel["online"]["satisfied"]) == (1, 1)  # very satisfied
    assert (by_channel["direct"]["evaluated"], by_channel["direct"]["satisfied"]) == (2, 1)
