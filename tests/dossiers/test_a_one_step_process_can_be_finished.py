"""A procedure whose process has a single step (or none) is settled from that step: it must not get stuck."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.lifecycle import State
from motcua.org.models import AgencyKind, Role
from tests.factories.catalog import ProcedureVersionFactory, ProcessStepFactory
from tests.factories.dossiers import make_world, received, vn

pytestmark = pytest.mark.django_db


def test_without_a_process_the_receiving_agency_specialist_issues_the_result(frozen_clock):
    world = make_world()
    version = ProcedureVersionFactory(agency_kinds=[AgencyKind.objects.get(code="commune")])
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9), version=version)
    assert dossier.state == State.RECEIVED and dossier.current_step.role == Role.SPECIALIST
    dossier = services.finish(dossier, world.specialist, result_number="15/GCN")
    assert dossier.state == State.RESULT_READY
    assert services.return_result(dossier, world.desk).state == State.RETURNED


def test_a_desk_only_process_is_settled_and_returned_at_the_desk(frozen_clock):
    world = make_world()
    version = ProcedureVersionFactory(agency_kinds=[AgencyKind.objects.get(code="commune")])
    ProcessStepFactory(
        version=version, order=1, name="Tiếp nhận và giải quyết", role=Role.DESK_OFFICER, hours=12
    )
    ProcessStepFactory(version=version, order=2, name="Trả kết quả", role=Role.DESK_OFFICER, hours=8)
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9), version=version)
    dossier = services.finish(dossier, world.desk, result_number="16/GCN")
    assert dossier.state == State.RESULT_READY and dossier.current_step.name == "Trả kết quả"
    assert services.return_result(dossier, world.desk).state == State.RETURNED
