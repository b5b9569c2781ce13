"""A small catalogue and a dossier world for the public portal's tests."""

from decimal import Decimal

import pytest
from django.test import Client

from motcua.catalog.models import Level, OnlineLevel
from motcua.dossiers import services
from motcua.org.models import Agency, AgencyKind, Role
from tests.factories.catalog import FieldFactory, ProcedureVersionFactory
from tests.factories.dossiers import intake, make_world, vn


@pytest.fixture
def client():
    return Client(REMOTE_ADDR="203.0.113.7")


@pytest.fixture
def birth():
    """Thủ tục đăng ký khai sinh: commune level, full online, same day before 15:00."""
    return ProcedureVersionFactory(
        procedure__code="1.001193",
        same_day=True,
        name="Thủ tục đăng ký khai sinh",
        field=FieldFactory(code="HOTICH", name="Hộ tịch"),
        online_level=OnlineLevel.FULL,
        with_documents=True,
    )


@pytest.fixture
def marriage():
    return ProcedureVersionFactory(
        procedure__code="1.000894", name="Thủ tục đăng ký kết hôn", field=FieldFactory(code="HOTICH")
    )


@pytest.fixture
def company():
    """A province-level procedure received by the departments (and the service centre)."""
    return ProcedureVersionFactory(
        procedure__code="2.002042",
        name="Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên",
        field=FieldFactory(code="DKDN", name="Thành lập và hoạt động của doanh nghiệp"),
        level=Level.PROVINCE,
        online_level=OnlineLevel.NONE,
        channel_online=False,
        legal_limit_value=Decimal(3),
        committed_limit_value=Decimal(2),
        agency_kinds=[AgencyKind.objects.get(code="department")],
    )


@pytest.fixture
def world():
    return make_world()


@pytest.fixture
def centre(world):
    return Agency.objects.create(
        code="000.00.01.H34",
        name="Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa",
        kind=AgencyKind.objects.get(code="service_centre"),
        parent=world.province,
    )


@pytest.fixture
def dossier(world, frozen_clock):
    """Nguyễn Văn An's dossier, received at the ward on Mon 02/03/2026 09:00 and now with the specialist."""
    world.ward.address = "01 Lê Thánh Tôn, phường Nha Trang"
    world.ward.save()
    frozen_clock.set(vn(2026, 3, 2, 9))
    dossier = services.submit(intake(world), world.desk)
    dossier = services.receive(dossier, world.desk)
    dossier = services.forward(dossier, world.desk)
    assert dossier.current_step.role == Role.SPECIALIST
    return dossier


def track_url(dossier, **params) -> str:
    from urllib.parse import urlencode

    return f"/track/{dossier.code}/?{urlencode(params)}"
