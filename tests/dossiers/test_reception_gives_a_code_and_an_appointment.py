import re

import pytest

from motcua.dossiers import services
from motcua.dossiers.lifecycle import State
from tests.factories.dossiers import intake, make_world, received, vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def test_a_2_5_working_day_procedure_received_monday_9_00_is_due_wednesday_14_00(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    assert dossier.state == State.RECEIVED
    assert dossier.national_status == 2
    assert dossier.received_at == vn(2026, 3, 2, 9)
    assert dossier.due_at == dossier.original_due_at == vn(2026, 3, 4, 14)


def test_codes_follow_the_agency_and_reception_day_and_count_up(world, frozen_clock):
    first = received(world, frozen_clock, vn(2026, 3, 2, 9))
    second = received(world, frozen_clock, vn(2026, 3, 2, 10))
    next_day = received(world, frozen_clock, vn(2026, 3, 3, 9))
    assert first.code == "000.31.34.H34-260302-0001"
    assert second.code == "000.31.34.H34-260302-0002"
    assert next_day.code == "000.31.34.H34-260303-0001"
    assert re.fullmatch(r"[A-Z2-9]{6}", first.lookup_secret)


def test_the_vietnamese_date_names_the_code_even_when_utc_is_still_yesterday(world, frozen_clock):
    # 06:30 in Nha Trang is 23:30 UTC the day before.
    frozen_clock.set(vn(2026, 3, 3, 6, 30))
    dossier = services.submit(intake(world), world.desk)
    assert "-260303-" in dossier.code


def test_reception_records_who_and_when_and_copies_the_fees(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    events = list(dossier.events.order_by("number"))
    assert [(e.number, e.action, e.from_state, e.to_state) for e in events] == [
        (1, "submit", "", State.SUBMITTED),
        (2, "receive", State.SUBMITTED, State.RECEIVED),
    ]
    assert events[1].actor == world.desk and events[1].at == vn(2026, 3, 2, 9)
    assert events[1].data["due_at"] == "2026-03-04T14:00:00+07:00"
    assert dossier.version == 2
    assert [(fee.name, fee.amount) for fee in dossier.fees.all()] == [
        ("Lệ phí đăng ký hộ kinh doanh", 100000)
    ]
    assert dossier.documents.count() == 2 and all(doc.file.sha256 for doc in dossier.documents.all())


def test_the_first_step_is_the_desk_of_the_receiving_agency(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    step = dossier.current_step
    assert (step.name, step.agency, step.role) == ("Tiếp nhận hồ sơ", world.ward, "desk_officer")
    assert step.due_at == vn(2026, 3, 2, 11)


def test_a_receipt_after_hours_counts_from_the_next_opening(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 18, 30))
    assert dossier.due_at == vn(2026, 3, 5, 12)  # Tue 08:00 + 20 office hours


def test_an_agency_that_does_not_implement_the_procedure_cannot_receive_it(world, frozen_clock):
    from motcua.dossiers.errors import InvalidRequest
    from motcua.org.models import Role
    from tests.factories.org import staff

    officer = staff("desk_officer", world.department)
    assert Role.DESK_OFFICER == "desk_officer"
    with pytest.raises(InvalidRequest):
        services.submit(intake(world, agency=world.department), officer)


def test_names_are_stored_in_nfc_and_folded_for_search(world, frozen_clock):
    import unicodedata

    frozen_clock.set(vn(2026, 3, 2, 9))
    dossier = services.submit(intake(world, name=unicodedata.normalize("NFD", "Đỗ Thị Ánh")), world.desk)
    assert dossier.applicant_name == "Đỗ Thị Ánh"
    assert dossier.applicant_name_folded == "do thi anh"
