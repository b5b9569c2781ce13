"""A valid file: each status becomes its state and national status, times are kept, an empty appointment is
the procedure's committed limit walked from reception by the engine, one "import" event per dossier."""

from datetime import datetime

import pytest

from motcua.dossiers.lifecycle import State
from motcua.dossiers.models import Dossier, DossierEvent, Pause
from motcua.legacy import services
from motcua.legacy.models import ImportedEvaluation
from motcua.worktime.selectors import calendar_for
from tests.legacy.conftest import VN
from tests.legacy.files import legacy_csv, row

pytestmark = pytest.mark.django_db

CLOSED = {"finished_at": "2024-03-05T16:00:00+07:00"}
ROWS = [
    row(code="A-1", status="received"),
    row(code="A-2", status="processing", due_at="2024-03-08T17:00:00+07:00"),
    row(code="A-3", status="supplement", supplement_count="1"),
    row(code="A-4", status="finished", evaluation="satisfied", **CLOSED),
    row(
        code="A-5",
        status="returned",
        returned_at="2024-03-06T09:00:00+07:00",
        evaluation="unsatisfied",
        **CLOSED,
    ),
    row(code="A-6", status="refused", **CLOSED),
    row(code="A-7", status="withdrawn", **CLOSED),
    row(code="A-8", status="stopped", channel="online", evaluation="very_satisfied", **CLOSED),
]
EXPECTED = {
    "A-1": (State.RECEIVED, 2),
    "A-2": (State.PROCESSING, 4),
    "A-3": (State.SUPPLEMENT_REQUESTED, 5),
    "A-4": (State.RESULT_READY, 9),
    "A-5": (State.RETURNED, 10),
    "A-6": (State.STOPPED, 8),
    "A-7": (State.WITHDRAWN, 7),
    "A-8": (State.STOPPED, 8),
}


@pytest.fixture
def imported(tmp_path, now, ward, birth):
    summary = services.import_dossiers(legacy_csv(tmp_path, ROWS), batch_size=3)
    return summary, {dossier.code: dossier for dossier in Dossier.objects.all()}


def test_each_status_becomes_its_state_and_national_status(imported):
    summary, dossiers = imported
    assert summary.imported == 8 and summary.skipped == 0 and summary.rows == 8
    assert {code: (d.state, d.national_status) for code, d in dossiers.items()} == EXPECTED


def test_times_are_kept_and_the_dossier_stays_where_it_was_received(imported, ward, birth):
    _summary, dossiers = imported
    received = datetime(2024, 3, 1, 8, 15, tzinfo=VN)
    for dossier in dossiers.values():
        assert dossier.received_at == dossier.submitted_at == received
        assert dossier.receiving_agency == dossier.current_agency == ward
        assert dossier.procedure_version == birth
        assert dossier.current_step is None and dossier.version == 1
        assert dossier.applicant_name == "Nguyễn Văn An" and dossier.applicant_name_folded == "nguyen van an"
        assert len(dossier.lookup_secret) == 6
    finished = datetime(2024, 3, 5, 16, 0, tzinfo=VN)
    assert [dossiers[code].finished_at for code in ("A-1", "A-2", "A-3")] == [None, None, None]
    assert all(dossiers[f"A-{n}"].finished_at == finished for n in range(4, 9))
    assert dossiers["A-5"].returned_at == datetime(2024, 3, 6, 9, 0, tzinfo=VN)
    assert dossiers["A-4"].returned_at is None


def test_an_empty_appointment_is_the_committed_limit_from_reception(imported, ward):
    _summary, dossiers = imported
    received = datetime(2024, 3, 1, 8, 15, tzinfo=VN)  # a Friday: 3 working days end on Wednesday 08:15
    engine = calendar_for(ward).due(received, 3, "working_days")
    assert engine == datetime(2024, 3, 6, 8, 15, tzinfo=VN)
    assert dossiers["A-1"].due_at == dossiers["A-1"].original_due_at == engine
    assert dossiers["A-2"].due_at == datetime(2024, 3, 8, 17, 0, tzinfo=VN)  # given: kept


def test_a_dossier_waiting_for_a_supplement_is_paused(imported):
    _summary, dossiers = imported
    waiting = dossiers["A-3"]
    assert waiting.paused_since == waiting.received_at and waiting.supplement_stage == "processing"
    assert waiting.supplement_count == 1
    pause = Pause.objects.get()
    assert (pause.dossier, pause.reason, pause.started_at, pause.ended_at) == (
        waiting,
        "supplement",
        waiting.received_at,
        None,
    )


def test_one_import_event_per_dossier(imported, now):
    _summary, dossiers = imported
    events = DossierEvent.objects.order_by("dossier__code")
    assert [event.dossier.code for event in events] == sorted(dossiers)
    for index, event in enumerate(events, start=2):
        assert (event.number, event.action, event.actor, event.at) == (1, "import", None, now)
        assert (event.from_state, event.to_state) == ("", event.dossier.state)
        assert event.agency == event.dossier.receiving_agency
        assert event.data == {"file": "legacy.csv", "line": index}


def test_evaluations_are_kept_with_the_dossier(imported):
    _summary, dossiers = imported
    evaluations = {e.dossier.code: e.overall for e in ImportedEvaluation.objects.select_related("dossier")}
    assert evaluations == {"A-4": "satisfied", "A-5": "not_satisfied", "A-8": "very_satisfied"}
    assert imported[0].evaluations == 3


def test_codes_are_kept_as_the_old_system_wrote_them(tmp_path, now, ward, birth):
    codes = ["H34.01-240301-0001", "hs/2024/00017", "000.00.01.H34-240301-0042"]
    services.import_dossiers(legacy_csv(tmp_path, [row(code=code) for code in codes]))
    assert sorted(Dossier.objects.values_list("code", flat=True)) == sorted(codes)
