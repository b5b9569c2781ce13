"""One province, March 2026: every case the settlement report must count (or leave out), made through the
dossier services under the frozen clock.

Ward (Phường Nha Trang, commune level, field HOTICH): 2.5 working days = 20 office hours, so a dossier
received on a Monday at 09:00 is due on the Wednesday at 14:00. Department (Sở Tư pháp, province level, field
TUPHAP).

    name             received          what happens                        March 2026 report
    carried_open     02/02 09:00       open, never finished                carried over, overdue
    carried_late     25/02 09:00       finished 03/03 10:00 (due 27/02)    carried over, resolved late
    closed_before    03/02 09:00       finished 04/02 10:00                not counted
    withdrawn_before 05/02 09:00       withdrawn 06/02 10:00               not counted
    early            02/03 09:00 web   finished 03/03 10:00 (due 04/03)    online, early
    on_time          02/03 09:00       finished 04/03 11:00 (due 14:00)    on time
    late_same_day    02/03 09:00       finished 04/03 15:00 (due 14:00)    late (on its due date)
    stopped          09/03 09:00       stopped 10/03 10:00 (due 11/03)     resolved early
    withdrawn        09/03 09:00 post  withdrawn 11/03 10:00 (due 14:00)   direct/postal, resolved on time
    postal_overdue   16/03 09:00 post  open (due 18/03)                    overdue
    paused           24/03 09:00       supplement asked 25/03 (due 26/03)  within time: paused at the end
    finished_after   30/03 09:00       finished 01/04 10:00 (due 01/04)    in progress, within time
    online_open      31/03 09:00 web   open (due 02/04)                    online, within time
    refused          05/03 09:00       refused at the desk, never received not counted
    submitted        06/03 09:00       submitted, never received           not counted
    after_to         02/04 09:00       open                                not counted
    dept_early       10/03 09:00 dept  finished 11/03 10:00 (due 12/03)    early (subtree)
    dept_overdue     18/03 09:00 dept  open (due 20/03)                    overdue (subtree)

The report is read on 10/04/2026. Ratings (when the ratings app is installed): early satisfied, on_time not
satisfied, online_open very satisfied, carried_late satisfied (received before March: not in March's
evaluations).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.apps import apps

from motcua.catalog.models import Level
from motcua.dossiers import services
from motcua.dossiers.lifecycle import Channel
from motcua.org.models import AgencyKind, Role
from tests.factories.catalog import (
    FieldFactory,
    ProcedureVersionFactory,
    ProcessStepFactory,
    RequiredDocumentFactory,
)
from tests.factories.dossiers import World, intake, make_world, vn
from tests.factories.org import staff

MARCH = (date(2026, 3, 1), date(2026, 3, 31))
READ_AT = vn(2026, 4, 10, 9)


@dataclass
class Dataset:
    world: World
    department_version: object
    department_desk: object
    department_leader: object
    dossiers: dict


def ratings_installed() -> bool:
    return apps.is_installed("motcua.ratings")


def _department_version():
    version = ProcedureVersionFactory(
        name="Cấp phiếu lý lịch tư pháp",
        field=FieldFactory(code="TUPHAP", name="Tư pháp"),
        level=Level.PROVINCE,
        legal_limit_value=Decimal(3),
        committed_limit_value=Decimal("2.5"),
        agency_kinds=[AgencyKind.objects.get(code="department")],
    )
    ProcessStepFactory(version=version, order=1, name="Tiếp nhận hồ sơ", role=Role.DESK_OFFICER, hours=2)
    ProcessStepFactory(version=version, order=2, name="Thẩm định hồ sơ", role=Role.SPECIALIST, hours=14)
    ProcessStepFactory(version=version, order=3, name="Phê duyệt, ký", role=Role.LEADER, hours=2)
    ProcessStepFactory(version=version, order=4, name="Trả kết quả", role=Role.DESK_OFFICER, hours=2)
    RequiredDocumentFactory(version=version, order=1, name="Tờ khai yêu cầu cấp phiếu lý lịch tư pháp")
    return version


class Builder:
    def __init__(self, clock):
        self.clock = clock
        self.world = make_world()
        self.version = _department_version()
        self.department_desk = staff(Role.DESK_OFFICER, self.world.department, username="tnso")
        self.department_leader = staff(Role.LEADER, self.world.department, username="ldso")
        self.actors = {
            self.world.ward.pk: {
                Role.DESK_OFFICER: self.world.desk,
                Role.SPECIALIST: self.world.specialist,
                Role.LEADER: self.world.leader,
            },
            self.world.department.pk: {
                Role.DESK_OFFICER: self.department_desk,
                Role.SPECIALIST: self.world.department_specialist,
                Role.LEADER: self.department_leader,
            },
        }

    def desk(self, dossier):
        return self.actors[dossier.receiving_agency_id][Role.DESK_OFFICER]

    def submitted(self, at, *, department=False, channel=Channel.DIRECT):
        self.clock.set(at)
        world = self.world
        if department:
            data = intake(world, version=self.version, agency=world.department, channel=channel)
            return services.submit(data, self.department_desk)
        return services.submit(intake(world, channel=channel), world.desk)

    def received(self, at, **kwargs):
        dossier = self.submitted(at, **kwargs)
        return services.receive(dossier, self.desk(dossier))

    def to(self, dossier, role, at):
        """Forward the dossier at `at` until its current step belongs to `role`."""
        self.clock.set(at)
        actors = self.actors[dossier.receiving_agency_id]
        while dossier.current_step.role != role:
            dossier = services.forward(dossier, actors[dossier.current_step.role])
        return dossier

    def finished(self, received_at, finished_at, **kwargs):
        dossier = self.to(self.received(received_at, **kwargs), Role.LEADER, finished_at)
        leader = self.actors[dossier.receiving_agency_id][Role.LEADER]
        return services.finish(dossier, leader, result_number="01/KQ")

    def open(self, received_at, **kwargs):
        dossier = self.received(received_at, **kwargs)
        return self.to(dossier, Role.SPECIALIST, received_at)

    def stopped(self, received_at, at):
        dossier = self.received(received_at)
        self.clock.set(at)
        return services.stop(dossier, self.world.leader, reasons="Không đủ điều kiện theo quy định")

    def withdrawn(self, received_at, at, **kwargs):
        dossier = self.received(received_at, **kwargs)
        self.clock.set(at)
        return services.withdraw(dossier, self.world.desk, reason="Người nộp rút hồ sơ")

    def paused(self, received_at, at):
        dossier = self.open(received_at)
        self.clock.set(at)
        return services.request_supplement(
            dossier, self.world.specialist, missing=["Bản sao giấy khai sinh"], reason="Thiếu giấy tờ"
        )

    def refused(self, at):
        dossier = self.submitted(at)
        return services.refuse(dossier, self.world.desk, reasons="Hồ sơ không thuộc thẩm quyền")


def build(clock) -> Dataset:
    make = Builder(clock)
    made = {
        "carried_open": make.open(vn(2026, 2, 2, 9)),
        "closed_before": make.finished(vn(2026, 2, 3, 9), vn(2026, 2, 4, 10)),
        "withdrawn_before": make.withdrawn(vn(2026, 2, 5, 9), vn(2026, 2, 6, 10)),
    }
    carried_late = make.open(vn(2026, 2, 25, 9))
    made["early"] = make.finished(vn(2026, 3, 2, 9), vn(2026, 3, 3, 10), channel=Channel.ONLINE)
    made["on_time"] = make.finished(vn(2026, 3, 2, 9), vn(2026, 3, 4, 11))
    made["late_same_day"] = make.finished(vn(2026, 3, 2, 9), vn(2026, 3, 4, 15))
    made["carried_late"] = make.to(carried_late, Role.LEADER, vn(2026, 3, 3, 10))
    made["carried_late"] = services.finish(made["carried_late"], make.world.leader, result_number="02/KQ")
    made["refused"] = make.refused(vn(2026, 3, 5, 9))
    made["submitted"] = make.submitted(vn(2026, 3, 6, 9))
    made["stopped"] = make.stopped(vn(2026, 3, 9, 9), vn(2026, 3, 10, 10))
    made["withdrawn"] = make.withdrawn(vn(2026, 3, 9, 9), vn(2026, 3, 11, 10), channel=Channel.POSTAL)
    made["dept_early"] = make.finished(vn(2026, 3, 10, 9), vn(2026, 3, 11, 10), department=True)
    made["postal_overdue"] = make.open(vn(2026, 3, 16, 9), channel=Channel.POSTAL)
    made["dept_overdue"] = make.open(vn(2026, 3, 18, 9), department=True)
    made["paused"] = make.paused(vn(2026, 3, 24, 9), vn(2026, 3, 25, 9))
    finished_after = make.open(vn(2026, 3, 30, 9))
    made["online_open"] = make.open(vn(2026, 3, 31, 9), channel=Channel.ONLINE)
    made["finished_after"] = make.to(finished_after, Role.LEADER, vn(2026, 4, 1, 10))
    made["finished_after"] = services.finish(made["finished_after"], make.world.leader, result_number="03/KQ")
    made["after_to"] = make.open(vn(2026, 4, 2, 9))
    if ratings_installed():
        _rate(clock, made)
    clock.set(READ_AT)
    return Dataset(make.world, make.version, make.department_desk, make.department_leader, made)


def _rate(clock, made):
    from motcua.ratings.models import Overall
    from tests.ratings.helpers import rate

    clock.set(vn(2026, 4, 3, 9))
    rate(made["early"], overall=Overall.SATISFIED)
    rate(made["on_time"], overall=Overall.NOT_SATISFIED)
    rate(made["online_open"], overall=Overall.VERY_SATISFIED)
    rate(made["carried_late"], overall=Overall.SATISFIED)
