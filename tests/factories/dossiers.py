"""A small world for dossier tests: a province with a ward and a department, their staff, one procedure."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.catalog.models import ProcedureVersion
from motcua.dossiers import services
from motcua.dossiers.lifecycle import Channel
from motcua.org.models import Agency, AgencyKind, Role
from tests.factories.catalog import (
    FeeFactory,
    ProcedureVersionFactory,
    ProcessStepFactory,
    RequiredDocumentFactory,
)
from tests.factories.org import AgencyFactory, staff

VN = ZoneInfo("Asia/Ho_Chi_Minh")
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def vn(year, month, day, hour=0, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VN)


def pdf(name="scan.pdf", content=PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@dataclass
class World:
    province: Agency
    ward: Agency
    department: Agency
    version: ProcedureVersion
    desk: object
    specialist: object
    leader: object
    clerk: object
    department_specialist: object
    provincial_leader: object
    monitor: object
    administrator: object


def make_world() -> World:
    province = AgencyFactory(province=True, code="000.00.00.H34", name="Ủy ban nhân dân tỉnh Khánh Hòa")
    ward = AgencyFactory(parent=province, commune=True, code="000.31.34.H34", name="Phường Nha Trang")
    department = AgencyFactory(parent=province, code="000.00.22.H34", name="Sở Tư pháp")
    version = ProcedureVersionFactory(
        name="Đăng ký thành lập hộ kinh doanh",
        legal_limit_value=Decimal(3),
        committed_limit_value=Decimal("2.5"),
        agency_kinds=[AgencyKind.objects.get(code="commune")],
    )
    # 2.5 working days = 20 office hours: reception 2, appraisal 14, approval 2, return 2.
    ProcessStepFactory(version=version, order=1, name="Tiếp nhận hồ sơ", role=Role.DESK_OFFICER, hours=2)
    ProcessStepFactory(version=version, order=2, name="Thẩm định hồ sơ", role=Role.SPECIALIST, hours=14)
    ProcessStepFactory(version=version, order=3, name="Phê duyệt, ký", role=Role.LEADER, hours=2)
    ProcessStepFactory(version=version, order=4, name="Trả kết quả", role=Role.DESK_OFFICER, hours=2)
    RequiredDocumentFactory(version=version, order=1, name="Giấy đề nghị đăng ký hộ kinh doanh")
    RequiredDocumentFactory(
        version=version, order=2, name="Bản sao giấy tờ pháp lý của cá nhân", originals=0, copies=1
    )
    FeeFactory(version=version, name="Lệ phí đăng ký hộ kinh doanh", amount=100000)
    return World(
        province=province,
        ward=ward,
        department=department,
        version=version,
        desk=staff(Role.DESK_OFFICER, ward, username="tiepnhan", first_name="Trần Thị", last_name="Lan"),
        specialist=staff(Role.SPECIALIST, ward, username="chuyenvien", first_name="Lê Văn", last_name="Minh"),
        leader=staff(Role.LEADER, ward, username="lanhdao", first_name="Phạm", last_name="Hùng"),
        clerk=staff(Role.CLERK, ward, username="vanthu"),
        department_specialist=staff(Role.SPECIALIST, department, username="cvso"),
        provincial_leader=staff(Role.LEADER, province, username="ldtinh"),
        monitor=staff(Role.MONITOR, province, username="giamsat"),
        administrator=staff(Role.ADMINISTRATOR, ward, username="quantri"),
    )


def intake(
    world: World, *, version=None, agency=None, channel=Channel.DIRECT, name="Nguyễn Văn An", **fields
):
    applicant = services.Applicant(
        name=name,
        id_number=fields.pop("id_number", "056090001234"),
        phone="0905123456",
        address="12 Trần Phú, Phường Nha Trang, Khánh Hòa",
        **fields,
    )
    version = version or world.version
    documents = [
        services.ReceivedDocument(name=doc.name, required_document_id=doc.pk, upload=pdf())
        for doc in version.documents.all()
    ]
    return services.Intake(version, agency or world.ward, channel, applicant, documents)


def received(world: World, clock, at: datetime, **kwargs):
    """A dossier submitted and received at the desk at `at`."""
    clock.set(at)
    dossier = services.submit(intake(world, **kwargs), world.desk)
    return services.receive(dossier, world.desk)


def at_step(world, clock, dossier, role):
    """Forward a received dossier until its current step belongs to `role`."""
    actors = {Role.DESK_OFFICER: world.desk, Role.SPECIALIST: world.specialist, Role.LEADER: world.leader}
    while dossier.current_step.role != role:
        dossier = services.forward(dossier, actors[dossier.current_step.role])
    return dossier
