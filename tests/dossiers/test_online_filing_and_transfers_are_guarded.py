"""Online filing is a citizen's own act; transfers go to an active agency; errors name their field."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.errors import InvalidRequest, NotAllowed
from motcua.dossiers.lifecycle import Channel, State
from motcua.org.models import Role
from tests.factories.dossiers import at_step, intake, make_world, received, vn
from tests.factories.org import AgencyFactory, UserFactory, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def test_a_citizen_files_online_but_a_staff_account_of_another_agency_may_not(world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    citizen = UserFactory(username="congdan")
    dossier = services.submit(intake(world, channel=Channel.ONLINE), citizen)
    assert (dossier.state, dossier.submitted_by) == (State.SUBMITTED, citizen)
    with pytest.raises(NotAllowed):
        services.submit(intake(world, channel=Channel.ONLINE), world.department_specialist)
    connector = staff(Role.DESK_OFFICER, world.ward, username="cong-dich-vu-cong")
    assert services.submit(intake(world, channel=Channel.ONLINE), connector).submitted_by == connector


def test_a_transfer_goes_to_an_active_agency(world, frozen_clock):
    dossier = at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.SPECIALIST)
    closed = AgencyFactory(parent=world.province, is_active=False)
    with pytest.raises(InvalidRequest) as error:
        services.forward(dossier, world.specialist, to_agency=closed, hours=8)
    assert error.value.details["field"] == "to_agency"
    moved = services.forward(dossier, world.specialist, to_agency=world.department, hours=8)
    assert moved.current_agency == world.department and moved.current_step.is_transfer


def test_a_missing_reason_names_the_reason_field(world, frozen_clock):
    dossier = at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.SPECIALIST)
    with pytest.raises(InvalidRequest) as error:
        services.send_back(dossier, world.specialist, reason="  ")
    assert error.value.details["field"] == "reason"
    assert error.value.message == "Lý do: không được để trống."


def test_the_printed_signer_is_a_person_not_an_account_name(world, frozen_clock):
    dossier = at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.LEADER)
    assert services.finish(dossier, world.leader, result_number="01/GCN").result_signer == "Phạm Hùng"
