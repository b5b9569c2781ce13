"""A small province for the service index, March 2026, read on 10/04/2026: every figure of every computed
indicator is worked out by hand in the tests from this table.

Agencies: the province (kind province), a ward (commune) and a department (Sở Tư pháp) below it.

Procedures (in force since 01/01/2026 unless said):
    ward_version   commune     complete (steps, 2 documents, subjects, result), partial online, fee 100.000 đ
    dept_version   department  complete, not online, no fee, result not a document
    bare_version   commune     no steps, no documents, no subjects: incomplete; full online
    abolished      commune     ended 01/02/2026: not counted
    ministry_only  ministry    no agency of the province implements it: not counted
    draft          commune     a draft: not counted

Dossiers (W: ward, D: department; C: a citizen's online account; 2.5 working days = due 2 days later 14:00):
    d0  W desk  received 23/02 09:00, finished 24/02 10:00            closed before March: not counted
    d6  W desk  received 25/02 09:00, open (due 27/02 14:00)           carried over, overdue
    d1  W desk  received 02/03 09:00, finished 03/03 10:00 with a result file     early
    d2  W C     received 02/03 09:00, fee paid online, finished 04/03 15:00 (due 14:00), no result file: late
    d3  W C     received 09/03 09:00, reuses d2's first scan, open (due 11/03 14:00)      overdue
    d4  W desk  received 10/03 09:00, one scan missing, finished 12/03 11:00 (due 14:00), no file: on time
    d5  D desk  received 30/03 09:00, open (due 01/04 14:00)           within time
    d7  W desk  received 01/04 09:00                                    after March: not counted

Feedback (PAKN) submitted in March unless said: f1 W answered on time, about d1; f2 W answered late; f3 W
refused on time; f4 W answered on time but disliked; f5 W open; f6 D answered on time; f7 W 31/03 23:00 open;
f8 W 01/04 00:00 (after March). Ratings: d4 "not satisfied", d5 "satisfied".
"""

from dataclasses import dataclass, replace
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.catalog.models import Level, OnlineLevel, ProcedureVersion, Status
from motcua.dossiers import services
from motcua.dossiers.lifecycle import Channel
from motcua.org.models import AgencyKind, Role
from motcua.ratings.models import Overall
from tests.citizens.factories import make_citizen
from tests.factories.catalog import (
    FieldFactory,
    ProcedureVersionFactory,
    ProcessStepFactory,
    RequiredDocumentFactory,
)
from tests.factories.dossiers import World, make_world, vn
from tests.factories.feedback import FeedbackFactory
from tests.factories.org import AgencyKindFactory, staff
from tests.ratings.helpers import rate

MARCH = (date(2026, 3, 1), date(2026, 3, 31))
READ_AT = vn(2026, 4, 10, 9)
IN_FORCE_SINCE = vn(2026, 1, 1)


def scan(label: str) -> SimpleUploadedFile:
    """A PDF whose content (and so SHA-256) is its label's."""
    content = b"%PDF-1.4\n% " + label.encode() + b"\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
    return SimpleUploadedFile(f"{label}.pdf", content, content_type="application/pdf")


@dataclass
class Dataset:
    world: World
    versions: dict
    dossiers: dict
    feedback: dict


class Builder:
    def __init__(self, clock):
        self.clock = clock
        self.world = make_world()
        world = self.world
        self.citizen = make_citizen(email="binh@example.vn")
        self.department_desk = staff(Role.DESK_OFFICER, world.department, username="si.tnso")
        self.department_specialist = world.department_specialist
        self.versions = self._procedures()

    def _procedures(self) -> dict:
        world = self.world
        commune = AgencyKind.objects.get(code="commune")
        ward_version = world.version
        ward_version.subjects = "Công dân Việt Nam"
        ward_version.save(update_fields=["subjects"])
        dept = ProcedureVersionFactory(
            name="Cấp phiếu lý lịch tư pháp",
            field=FieldFactory(code="TUPHAP", name="Tư pháp"),
            level=Level.PROVINCE,
            subjects="Công dân Việt Nam",
            online_level=OnlineLevel.NONE,
            channel_online=False,
            result_is_document=False,
            agency_kinds=[AgencyKind.objects.get(code="department")],
        )
        ProcessStepFactory(version=dept, order=1, name="Tiếp nhận hồ sơ", role=Role.DESK_OFFICER, hours=2)
        ProcessStepFactory(version=dept, order=2, name="Thẩm định hồ sơ", role=Role.SPECIALIST, hours=14)
        ProcessStepFactory(version=dept, order=3, name="Phê duyệt, ký", role=Role.LEADER, hours=2)
        ProcessStepFactory(version=dept, order=4, name="Trả kết quả", role=Role.DESK_OFFICER, hours=2)
        RequiredDocumentFactory(version=dept, order=1, name="Tờ khai yêu cầu cấp phiếu lý lịch tư pháp")
        versions = {
            "ward_version": ward_version,
            "dept_version": dept,
            "bare_version": ProcedureVersionFactory(
                name="Thủ tục chưa đủ bộ phận", online_level=OnlineLevel.FULL, agency_kinds=[commune]
            ),
            "abolished": ProcedureVersionFactory(name="Thủ tục đã bãi bỏ", agency_kinds=[commune]),
            "ministry_only": ProcedureVersionFactory(
                name="Thủ tục cấp bộ",
                level=Level.MINISTRY,
                agency_kinds=[AgencyKindFactory(code="ministry", name="Bộ", rank=5)],
            ),
            "draft": ProcedureVersionFactory(name="Thủ tục dự thảo", draft=True, agency_kinds=[commune]),
        }
        ProcedureVersion.objects.exclude(status=Status.DRAFT).update(effective_at=IN_FORCE_SINCE)
        ProcedureVersion.objects.filter(pk=versions["abolished"].pk).update(
            status=Status.ABOLISHED, ended_at=vn(2026, 2, 1)
        )
        return versions

    # --- dossiers ----------------------------------------------------------------------------------------

    def _intake(self, name, *, department=False, channel=Channel.DIRECT, missing_scan=False):
        world = self.world
        version = self.versions["dept_version" if department else "ward_version"]
        documents = [
            services.ReceivedDocument(
                name=required.name,
                required_document_id=required.pk,
                upload=None if missing_scan and index == 1 else scan(f"{name}-{index}"),
            )
            for index, required in enumerate(version.documents.all())
        ]
        applicant = services.Applicant(name="Nguyễn Văn An", id_number="056090001234", phone="0905123456")
        agency = world.department if department else world.ward
        return services.Intake(version, agency, channel, applicant, documents)

    def received(self, name, at, *, department=False, online=False, missing_scan=False, intake=None):
        self.clock.set(at)
        desk = self.department_desk if department else self.world.desk
        channel = Channel.ONLINE if online else Channel.DIRECT
        data = intake or self._intake(name, department=department, channel=channel, missing_scan=missing_scan)
        dossier = services.submit(data, self.citizen.user if online else desk)
        return services.receive(dossier, desk)

    def to(self, dossier, role, at):
        self.clock.set(at)
        world = self.world
        actors = {Role.DESK_OFFICER: world.desk, Role.SPECIALIST: world.specialist, Role.LEADER: world.leader}
        while dossier.current_step.role != role:
            dossier = services.forward(dossier, actors[dossier.current_step.role])
        return dossier

    def finished(self, dossier, at, *, result_file=False):
        dossier = self.to(dossier, Role.LEADER, at)
        upload = scan(f"result-{dossier.code}") if result_file else None
        return services.finish(dossier, self.world.leader, result_number="01/KQ", result_upload=upload)

    def paid_online(self, dossier, at):
        dossier = self.to(dossier, Role.SPECIALIST, at)
        dossier = services.request_payment(dossier, self.world.specialist)
        return services.record_payment(dossier, None, reference="GD-0001", online=True)

    def reusing(self, name, at, source):
        """An online dossier whose first component is the file of `source`'s first component (my
        documents: the online submission copies the file's content into the new dossier)."""
        first = source.documents.order_by("pk").first().file
        with first.file.open("rb") as handle:
            content = handle.read()
        intake = self._intake(name, channel=Channel.ONLINE)
        reused = SimpleUploadedFile("reused.pdf", content, content_type="application/pdf")
        documents = [replace(intake.documents[0], upload=reused), *intake.documents[1:]]
        return self.received(name, at, online=True, intake=replace(intake, documents=documents))


def build(clock) -> Dataset:
    make = Builder(clock)
    world = make.world
    made = {}
    made["d0"] = make.finished(make.received("d0", vn(2026, 2, 23, 9)), vn(2026, 2, 24, 10))
    made["d6"] = make.to(make.received("d6", vn(2026, 2, 25, 9)), Role.SPECIALIST, vn(2026, 2, 25, 9))
    made["d1"] = make.finished(make.received("d1", vn(2026, 3, 2, 9)), vn(2026, 3, 3, 10), result_file=True)
    d2 = make.received("d2", vn(2026, 3, 2, 9), online=True)
    d2 = make.paid_online(d2, vn(2026, 3, 3, 9))
    made["d2"] = make.finished(d2, vn(2026, 3, 4, 15))
    made["d3"] = make.to(
        make.reusing("d3", vn(2026, 3, 9, 9), made["d2"]), Role.SPECIALIST, vn(2026, 3, 9, 9)
    )
    d4 = make.received("d4", vn(2026, 3, 10, 9), missing_scan=True)
    made["d4"] = make.finished(d4, vn(2026, 3, 12, 11))
    made["d5"] = make.received("d5", vn(2026, 3, 30, 9), department=True)
    made["d7"] = make.received("d7", vn(2026, 4, 1, 9))

    clock.set(vn(2026, 4, 3, 9))
    rate(made["d4"], overall=Overall.NOT_SATISFIED)
    rate(made["d5"], overall=Overall.SATISFIED)

    ward, department = world.ward, world.department
    march = vn(2026, 3, 5, 9)
    feedback = {
        "f1": FeedbackFactory(agency=ward, submitted_at=march, answered=True, dossier=made["d1"]),
        "f2": FeedbackFactory(agency=ward, submitted_at=march, answered_late=True),
        "f3": FeedbackFactory(agency=ward, submitted_at=march, refused=True),
        "f4": FeedbackFactory(agency=ward, submitted_at=march, answered=True, disliked=True),
        "f5": FeedbackFactory(agency=ward, submitted_at=march),
        "f6": FeedbackFactory(agency=department, submitted_at=march, answered=True),
        "f7": FeedbackFactory(agency=ward, submitted_at=vn(2026, 3, 31, 23)),
        "f8": FeedbackFactory(agency=ward, submitted_at=vn(2026, 4, 1, 0)),
    }
    clock.set(READ_AT)
    return Dataset(world, make.versions, made, feedback)
