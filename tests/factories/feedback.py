"""A small world for feedback tests: a province with a ward and a department, their staff; feedback sent
through the services (`sent`, `in_state`), or rows built by hand for the statistics (`FeedbackFactory`)."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.feedback import services
from motcua.feedback.lifecycle import Classification, State
from motcua.feedback.models import Feedback
from motcua.org.models import Agency, Role
from tests.factories.org import AgencyFactory, staff

VN = ZoneInfo("Asia/Ho_Chi_Minh")
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def vn(year, month, day, hour=0, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VN)


def upload(name="bang-chung.pdf", content=PDF, content_type="application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


@dataclass
class World:
    province: Agency
    ward: Agency
    department: Agency
    desk: object
    specialist: object
    leader: object
    department_desk: object
    department_specialist: object
    department_leader: object
    provincial_leader: object
    monitor: object


def make_world() -> World:
    province = AgencyFactory(province=True, code="000.00.00.H34", name="Ủy ban nhân dân tỉnh Khánh Hòa")
    ward = AgencyFactory(parent=province, commune=True, code="000.31.34.H34", name="Phường Nha Trang")
    department = AgencyFactory(parent=province, code="000.00.22.H34", name="Sở Tư pháp")
    return World(
        province=province,
        ward=ward,
        department=department,
        desk=staff(Role.DESK_OFFICER, ward, username="pakn.tiepnhan", first_name="Trần Thị", last_name="Lan"),
        specialist=staff(
            Role.SPECIALIST, ward, username="pakn.chuyenvien", first_name="Lê Văn", last_name="Minh"
        ),
        leader=staff(Role.LEADER, ward, username="pakn.lanhdao", first_name="Phạm", last_name="Hùng"),
        department_desk=staff(Role.DESK_OFFICER, department, username="pakn.tiepnhan.so"),
        department_specialist=staff(Role.SPECIALIST, department, username="pakn.chuyenvien.so"),
        department_leader=staff(Role.LEADER, department, username="pakn.lanhdao.so"),
        provincial_leader=staff(Role.LEADER, province, username="pakn.lanhdao.tinh"),
        monitor=staff(Role.MONITOR, province, username="pakn.giamsat"),
    )


def submission(world: World, **fields) -> services.Submission:
    sender = services.Sender(
        name=fields.pop("sender_name", "Nguyễn Văn An"),
        email=fields.pop("sender_email", "an.nguyen@example.vn"),
        phone=fields.pop("sender_phone", "0905123456"),
        address=fields.pop("sender_address", "12 Trần Phú, Phường Nha Trang"),
    )
    values = {
        "classification": Classification.REGULATION,
        "title": "Thủ tục đăng ký hộ kinh doanh yêu cầu giấy tờ trùng lặp",
        "content": "Quy định yêu cầu nộp bản sao căn cước dù đã có dữ liệu dân cư. Đề nghị bỏ yêu cầu này.",
        "sender": sender,
        "agency": world.ward,
        "allows_publication": True,
        **fields,
    }
    return services.Submission(**values)


def sent(world: World, clock, at: datetime | None = None, **fields) -> Feedback:
    """Feedback sent through the public door at `at` (default: the frozen clock's instant)."""
    if at is not None:
        clock.set(at)
    return services.submit(submission(world, **fields), None)


# The path to each state through the services, with the staff of the ward (the feedback stays there).
def _steps(world: World):
    return {
        "accept": lambda f: services.accept(f, world.desk),
        "refuse": lambda f: services.refuse(f, world.desk, reasons="Đây là khiếu nại, không phải phản ánh"),
        "request_information": lambda f: services.request_information(
            f, world.specialist, request="Xin cho biết hồ sơ nộp ngày nào"
        ),
        "supplement": lambda f: services.supplement(f, world.desk, text="Nộp ngày 02/03/2026"),
        "draft_answer": lambda f: services.draft_answer(f, world.specialist, text="Dự thảo trả lời"),
        "answer": lambda f: services.answer(f, world.leader),
        "publish": lambda f: services.publish(f, world.leader),
        "close": lambda f: services.close(f, world.leader, reason="Nội dung không phù hợp công khai"),
    }


PATHS = {
    State.RECEIVED: [],
    State.ACCEPTED: ["accept"],
    State.REFUSED: ["refuse"],
    State.INFORMATION_REQUESTED: ["accept", "request_information"],
    State.SUPPLEMENTED: ["accept", "request_information", "supplement"],
    State.ANSWER_DRAFTED: ["accept", "draft_answer"],
    State.ANSWERED: ["accept", "draft_answer", "answer"],
    State.PUBLISHED: ["accept", "draft_answer", "answer", "publish"],
    State.CLOSED: ["accept", "draft_answer", "answer", "close"],
}


def in_state(world: World, clock, state: str, *, step=timedelta(minutes=30), **fields) -> Feedback:
    """Feedback brought to `state` through the services, one action every `step` of server time."""
    feedback = sent(world, clock, **fields)
    steps = _steps(world)
    for action in PATHS[state]:
        clock.advance(step)
        feedback = steps[action](feedback)
    return feedback


class FeedbackFactory(factory.django.DjangoModelFactory):
    """A feedback row built by hand (for reads such as the statistics): received at `submitted_at` by
    `agency`. Traits: `answered` (on time), `answered_late`, `refused`, `published`, `disliked`
    (more dislikes than likes), `about_behaviour`."""

    class Meta:
        model = Feedback

    code = factory.Sequence(lambda n: f"PAKN-260302-{n + 1:04d}")
    lookup_secret = "ABCDEFGH"
    classification = Classification.REGULATION
    title = "Phản ánh"
    title_folded = "phan anh"
    content = "Nội dung"
    receiving_agency = factory.LazyAttribute(lambda o: o.agency)
    agency = factory.SubFactory(AgencyFactory)
    state = State.RECEIVED
    sender_name = "Nguyễn Văn An"
    sender_name_folded = "nguyen van an"
    sender_email = "an@example.vn"
    submitted_at = factory.LazyFunction(lambda: vn(2026, 3, 2, 9))
    clock_started_at = factory.LazyAttribute(lambda o: o.submitted_at)
    due_at = factory.LazyAttribute(lambda o: o.submitted_at + timedelta(days=2))
    version = 1

    class Params:
        answered = factory.Trait(
            state=State.ANSWERED,
            answer="Trả lời",
            answered_at=factory.LazyAttribute(lambda o: o.submitted_at + timedelta(days=3)),
            handled_at=factory.LazyAttribute(lambda o: o.submitted_at + timedelta(days=3)),
            accept_timeliness="on_time",
            answer_timeliness="early",
            due_at=None,
        )
        answered_late = factory.Trait(answered=True, answer_timeliness="late", late=True)
        refused = factory.Trait(
            state=State.REFUSED,
            refusal_reasons="Khiếu nại",
            handled_at=factory.LazyAttribute(lambda o: o.submitted_at + timedelta(days=1)),
            closed_at=factory.LazyAttribute(lambda o: o.submitted_at + timedelta(days=1)),
            accept_timeliness="on_time",
            due_at=None,
        )
        published = factory.Trait(
            answered=True,
            state=State.PUBLISHED,
            allows_publication=True,
            published_at=factory.LazyAttribute(lambda o: o.submitted_at + timedelta(days=4)),
        )
        disliked = factory.Trait(likes=1, dislikes=3)
        about_behaviour = factory.Trait(classification=Classification.BEHAVIOUR)
