import pytest

from motcua.dossiers import services
from motcua.dossiers.errors import NotAllowed
from motcua.dossiers.lifecycle import State
from motcua.org.models import Role
from tests.factories.dossiers import at_step, intake, make_world, received, vn
from tests.factories.org import AgencyFactory, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def test_only_a_desk_officer_of_the_receiving_agency_registers_and_receives(world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    for outsider in (world.specialist, world.monitor, world.department_specialist):
        with pytest.raises(NotAllowed):
            services.submit(intake(world), outsider)
    dossier = services.submit(intake(world), world.desk)
    other_ward = AgencyFactory(parent=world.province, commune=True)
    with pytest.raises(NotAllowed):
        services.receive(dossier, staff(Role.DESK_OFFICER, other_ward))
    assert services.receive(dossier, world.desk).state == State.RECEIVED


def test_each_step_is_worked_by_its_role(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    with pytest.raises(NotAllowed):
        services.forward(dossier, world.specialist)  # the reception step is the desk's
    dossier = services.forward(dossier, world.desk)
    with pytest.raises(NotAllowed):
        services.forward(dossier, world.desk)
    with pytest.raises(NotAllowed):
        services.forward(dossier, world.department_specialist)  # a specialist, but of another agency
    dossier = services.forward(dossier, world.specialist)
    assert dossier.current_step.role == Role.LEADER


def test_a_provincial_leader_may_approve_below_and_a_monitor_may_not(world, frozen_clock):
    dossier = at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.LEADER)
    with pytest.raises(NotAllowed):
        services.finish(dossier, world.monitor, result_number="01/GCN")
    dossier = services.finish(dossier, world.provincial_leader, result_number="01/GCN")
    assert dossier.state == State.RESULT_READY
    assert dossier.events.latest("number").actor == world.provincial_leader


def test_the_result_is_returned_by_the_receiving_desk(world, frozen_clock):
    dossier = at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.LEADER)
    dossier = services.finish(dossier, world.leader, result_number="01/GCN")
    with pytest.raises(NotAllowed):
        services.return_result(dossier, world.leader)
    assert services.return_result(dossier, world.desk).state == State.RETURNED


def test_a_refusal_needs_the_desk_and_a_stop_needs_a_leader(world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    submitted = services.submit(intake(world), world.desk)
    with pytest.raises(NotAllowed):
        services.refuse(submitted, world.specialist, reasons="Sai thẩm quyền")
    processing = services.forward(received(world, frozen_clock, vn(2026, 3, 2, 9)), world.desk)
    with pytest.raises(NotAllowed):
        services.stop(processing, world.specialist, reasons="Không đủ điều kiện")
    assert services.stop(processing, world.leader, reasons="Không đủ điều kiện").state == State.STOPPED
