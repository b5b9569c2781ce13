"""Liên thông "3 in 1": one receipt at the ward, one dossier per procedure, each to its own agency."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.lifecycle import Channel, State
from motcua.org.models import AgencyKind, Role
from tests.factories.catalog import BundleFactory, ProcedureVersionFactory, ProcessStepFactory
from tests.factories.dossiers import make_world, vn
from tests.factories.org import AgencyFactory, staff

pytestmark = pytest.mark.django_db


def test_three_linked_dossiers_under_one_receipt_each_reach_their_agency(frozen_clock):
    world = make_world()
    police = AgencyFactory(
        parent=world.province,
        code="000.00.40.H34",
        name="Công an tỉnh",
        kind=AgencyKind.objects.get(code="vertical"),
    )
    insurance = AgencyFactory(
        parent=world.province,
        code="000.00.41.H34",
        name="Bảo hiểm xã hội tỉnh",
        kind=AgencyKind.objects.get(code="vertical"),
    )
    birth = ProcedureVersionFactory(
        name="Đăng ký khai sinh", agency_kinds=[AgencyKind.objects.get(code="commune")]
    )
    residence = ProcedureVersionFactory(name="Đăng ký thường trú")
    card = ProcedureVersionFactory(name="Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi")
    for version, agency in ((birth, None), (residence, police), (card, insurance)):
        ProcessStepFactory(version=version, order=1, name="Tiếp nhận", role=Role.DESK_OFFICER, hours=2)
        ProcessStepFactory(
            version=version, order=2, name="Giải quyết", role=Role.SPECIALIST, hours=18, agency=agency
        )
    bundle = BundleFactory(
        code="LT-3-TRONG-1", lead=birth.procedure, procedures=[v.procedure for v in (birth, residence, card)]
    )

    frozen_clock.set(vn(2026, 3, 2, 9))
    applicant = services.Applicant(name="Nguyễn Thị Bình", id_number="056190004321")
    group = services.receive_bundle(
        bundle, services.Intake(birth, world.ward, Channel.DIRECT, applicant), world.desk
    )
    dossiers = list(group.dossiers.order_by("code"))
    assert [d.procedure_version for d in dossiers] == [birth, residence, card]
    assert [d.code[-4:] for d in dossiers] == ["0001", "0002", "0003"]
    assert all(d.state == State.RECEIVED and d.receiving_agency == world.ward for d in dossiers)

    forwarded = [services.forward(d, world.desk) for d in dossiers]
    assert [d.current_agency for d in forwarded] == [world.ward, police, insurance]
    police_specialist = staff(Role.SPECIALIST, police)
    with pytest.raises(services.NotAllowed):
        services.finish(forwarded[1], world.specialist, result_number="TT-01")
    assert services.finish(forwarded[1], police_specialist, result_number="TT-01").state == State.RESULT_READY
