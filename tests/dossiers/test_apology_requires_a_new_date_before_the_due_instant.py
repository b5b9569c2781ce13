"""Mẫu 04: an apology comes before the appointment, names a later working day, and is given once."""

from datetime import date

import pytest

from motcua.dossiers import services
from motcua.dossiers.errors import InvalidRequest, NotAllowed, WrongState
from motcua.org.models import Role
from tests.factories.dossiers import at_step, make_world, received, vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


@pytest.fixture
def processing(world, frozen_clock):
    return at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.SPECIALIST)


def test_an_apology_moves_the_appointment_to_the_close_of_the_new_day(world, processing, frozen_clock):
    frozen_clock.set(vn(2026, 3, 3, 16))
    dossier = services.apologise(processing, world.leader, new_date=date(2026, 3, 9), reason="Chờ xác minh")
    assert dossier.due_at == vn(2026, 3, 9, 17)
    assert dossier.original_due_at == vn(2026, 3, 4, 14)
    apology = dossier.apologies.get()
    assert (apology.previous_due_at, apology.new_due_at, apology.issued_by) == (
        vn(2026, 3, 4, 14),
        vn(2026, 3, 9, 17),
        world.leader,
    )


def test_only_one_new_date_unless_an_administrator_allows_another(world, processing, frozen_clock):
    frozen_clock.set(vn(2026, 3, 3, 16))
    dossier = services.apologise(processing, world.leader, new_date=date(2026, 3, 9), reason="Chờ xác minh")
    with pytest.raises(WrongState):
        services.apologise(dossier, world.leader, new_date=date(2026, 3, 10), reason="Vẫn chờ")
    with pytest.raises(NotAllowed):
        services.allow_another_apology(dossier, world.leader, reason="Trường hợp đặc biệt")
    dossier = services.allow_another_apology(dossier, world.administrator, reason="Trường hợp đặc biệt")
    dossier = services.apologise(dossier, world.leader, new_date=date(2026, 3, 10), reason="Vẫn chờ")
    assert dossier.due_at == vn(2026, 3, 10, 17) and dossier.apology_count == 2


def test_too_late_for_an_apology_once_the_appointment_has_passed(world, processing, frozen_clock):
    frozen_clock.set(vn(2026, 3, 4, 14, 1))
    with pytest.raises(WrongState):
        services.apologise(processing, world.leader, new_date=date(2026, 3, 9), reason="Chờ xác minh")


@pytest.mark.parametrize("new_date", [date(2026, 3, 7), date(2026, 3, 4), date(2026, 3, 3)])
def test_the_new_date_is_a_later_working_day(world, processing, frozen_clock, new_date):
    # 07/03 is a Saturday; 04/03 17:00 is after 14:00 but the same day is allowed... only if later: it is.
    frozen_clock.set(vn(2026, 3, 3, 16))
    if new_date == date(2026, 3, 4):
        assert services.apologise(processing, world.leader, new_date=new_date, reason="Chờ").due_at == vn(
            2026, 3, 4, 17
        )
        return
    with pytest.raises(InvalidRequest):
        services.apologise(processing, world.leader, new_date=new_date, reason="Chờ xác minh")


def test_a_supplement_after_the_apology_still_pauses_the_new_appointment(world, processing, frozen_clock):
    frozen_clock.set(vn(2026, 3, 3, 9))
    dossier = services.apologise(processing, world.leader, new_date=date(2026, 3, 9), reason="Chờ xác minh")
    frozen_clock.set(vn(2026, 3, 5, 8))
    dossier = services.request_supplement(dossier, world.specialist, missing=["Tờ khai"], reason="Sai")
    frozen_clock.set(vn(2026, 3, 5, 17))
    dossier = services.supplement(dossier, world.desk, documents=[services.ReceivedDocument("Tờ khai")])
    assert dossier.due_at == vn(2026, 3, 10, 17)  # one whole working day paused
