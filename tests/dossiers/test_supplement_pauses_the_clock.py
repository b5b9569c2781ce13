"""A supplement requested during processing stops the clock until the applicant supplies the documents."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.lifecycle import State, SupplementStage
from motcua.org.models import Role
from tests.factories.dossiers import at_step, intake, make_world, pdf, received, vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def supply(dossier, actor):
    return services.supplement(
        dossier, actor, documents=[services.ReceivedDocument("Sổ hộ khẩu", upload=pdf())]
    )


def test_sixteen_office_hours_paused_move_the_appointment_sixteen_office_hours(world, frozen_clock):
    # Received Mon 02/03 09:00, due Wed 04/03 14:00. Paused Tue 09:00 to Thu 09:00: Tue 7 h + Wed 8 h +
    # Thu 1 h = 16 office hours, so the appointment moves to Fri 06/03 14:00.
    dossier = at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.SPECIALIST)
    step_due = dossier.current_step.due_at
    frozen_clock.set(vn(2026, 3, 3, 9))
    dossier = services.request_supplement(dossier, world.specialist, missing=["Sổ hộ khẩu"], reason="Thiếu")
    assert (dossier.state, dossier.national_status) == (State.SUPPLEMENT_REQUESTED, 5)
    assert dossier.supplement_stage == SupplementStage.PROCESSING and dossier.is_paused
    frozen_clock.set(vn(2026, 3, 5, 9))
    dossier = supply(dossier, world.desk)
    assert dossier.state == State.PROCESSING and not dossier.is_paused
    assert dossier.due_at == vn(2026, 3, 6, 14)
    assert dossier.original_due_at == vn(2026, 3, 4, 14)
    assert dossier.paused_minutes == 16 * 60
    dossier.current_step.refresh_from_db()
    assert step_due == vn(2026, 3, 3, 16)  # 14 office hours from Mon 09:00 ...
    assert dossier.current_step.due_at == vn(2026, 3, 5, 16)  # ... plus the 16 paused hours
    event = dossier.events.latest("number")
    assert event.data["old_due_at"] == "2026-03-04T14:00:00+07:00"
    assert event.data["due_at"] == "2026-03-06T14:00:00+07:00"


def test_every_request_is_counted_and_each_pause_recorded(world, frozen_clock):
    dossier = at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.SPECIALIST)
    for day in (3, 4):
        frozen_clock.set(vn(2026, 3, day, 9))
        dossier = services.request_supplement(dossier, world.specialist, missing=["Tờ khai"], reason="Sai")
        frozen_clock.set(vn(2026, 3, day, 10))
        dossier = supply(dossier, world.desk)
    assert dossier.supplement_count == 2
    assert [(p.started_at, p.ended_at) for p in dossier.pauses.all()] == [
        (vn(2026, 3, 3, 9), vn(2026, 3, 3, 10)),
        (vn(2026, 3, 4, 9), vn(2026, 3, 4, 10)),
    ]
    assert dossier.due_at == vn(2026, 3, 4, 16)


def test_a_desk_request_before_reception_runs_no_clock_and_returns_to_the_desk_check(world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    dossier = services.submit(intake(world), world.desk)
    dossier = services.request_supplement(dossier, world.desk, missing=["Tờ khai"], reason="Thiếu tờ khai")
    assert dossier.supplement_stage == SupplementStage.DESK
    assert dossier.supplement_count == 0 and not dossier.is_paused and dossier.due_at is None
    frozen_clock.set(vn(2026, 3, 9, 9))
    dossier = supply(dossier, world.desk)
    assert dossier.state == State.SUBMITTED
    dossier = services.receive(dossier, world.desk)
    assert dossier.due_at == vn(2026, 3, 11, 14)  # the clock starts at reception, a week later


def test_the_applicant_may_supplement_their_own_online_dossier(world, frozen_clock):
    from motcua.dossiers.lifecycle import Channel
    from tests.factories.org import UserFactory

    citizen = UserFactory(username="congdan")
    frozen_clock.set(vn(2026, 3, 2, 9))
    dossier = services.submit(intake(world, channel=Channel.ONLINE), citizen)
    dossier = services.request_supplement(dossier, world.desk, missing=["Ảnh chụp CCCD"], reason="Mờ")
    stranger = UserFactory(username="nguoila")
    with pytest.raises(services.NotAllowed):
        supply(dossier, stranger)
    assert supply(dossier, citizen).state == State.SUBMITTED
