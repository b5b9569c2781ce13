"""The story of each demo dossier: what happens to it, in which order, and how much office time apart.

A story is a list of moves (business actions of `dossiers.services`) with the office seconds between them,
drawn with the loader's seeded random generator around each process step's budget: most steps take part of
their budget, some run over it, and some stories are made late on purpose (finished after the appointment,
or still open past it). Scenarios and their counts are fixed (`SCENARIOS`), so every state of the lifecycle
is always present. `place` pins a story on the calendar: a closed story anywhere in the window, an open one so
that its last move lies its drawn idle time before now. Nothing here writes to the database; `dossiers.py`
plays the moves through the services. Demo data (reasons, notes) is Vietnamese.
"""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from motcua.dossiers.intake import Applicant
from motcua.dossiers.lifecycle import Channel, ReturnMethod
from motcua.org.models import Role

from . import people, province
from .office_time import OfficeTime

MINUTE = 60
HOUR = 3600
DAY = 8 * HOUR  # an office day

# How many dossiers of each scenario (closed ones: placed anywhere in the window; open ones: end before now).
SCENARIOS = {
    "returned": 150,
    "returned_late": 16,
    "returned_after_apology": 8,
    "result_ready": 20,
    "processing": 30,
    "processing_overdue": 12,
    "processing_after_apology": 5,
    "received": 8,
    "submitted": 12,
    "desk_supplement_pending": 5,
    "supplement_pending": 10,
    "awaiting_payment": 8,
    "refused": 12,
    "stopped": 8,
    "withdrawn": 10,
}
OPEN_SCENARIOS = frozenset(
    {
        "result_ready",
        "processing",
        "processing_overdue",
        "processing_after_apology",
        "received",
        "submitted",
        "desk_supplement_pending",
        "supplement_pending",
        "awaiting_payment",
    }
)
# Scenarios that need a limit of days (not a same-day procedure), and those that need a fee to pay.
MULTI_DAY = frozenset(
    {
        "returned_late",
        "returned_after_apology",
        "processing_overdue",
        "processing_after_apology",
        "supplement_pending",
        "stopped",
    }
)
# Linked groups (liên thông): the bundle, where it is received, how many groups.
BUNDLES = [
    ("LT-KHAISINH-3-TRONG-1", "commune", 3),
    ("LT-KHAITU", "commune", 2),
    ("LT-DOANHNGHIEP", province.CENTRE_CODE, 2),
    ("LT-DATDAI-LAN-DAU", "commune", 2),
]

# How often each procedure is asked for (certified copies and civil status far more than kindergartens).
PROCEDURE_WEIGHTS = {
    "2.000815": 20, "2.000884": 10, "1.001193": 12, "1.000656": 4, "1.000894": 6, "1.004222": 8,
    "1.003197": 3, "1.005050": 5, "1.001731": 2, "1.001612": 8, "2.000720": 4, "2.000575": 2, "1.001570": 3,
    "2.000181": 2, "2.000162": 1, "2.001283": 1, "2.001261": 1, "2.001908": 1, "2.002894": 1, "1.004443": 1,
    "1.000954": 1, "1.013225": 5, "1.013228": 2, "1.013978": 4, "1.011826": 3, "2.002042": 6, "1.007751": 3,
    "1.003937": 2,
}  # fmt: skip
COMMUNE_WEIGHTS = [
    (code, weight) for (code, *_), weight in zip(province.COMMUNES, [22, 18, 14, 14, 14, 12, 10], strict=True)
]
RECEIVERS = {  # procedures not received by the wards and communes, or not only by them
    "2.002042": [(province.CENTRE_CODE, 1)],
    "1.007751": [(province.CENTRE_CODE, 3), (province.TAX_CODE, 2)],
    "1.003937": [(province.CENTRE_CODE, 3), (province.POLICE_CODE, 2)],
    "1.011826": [*COMMUNE_WEIGHTS, (province.TAX_CODE, 40)],
}
APPLICANT_KINDS = {  # who files: an organisation of this kind (with a probability), else a person
    "2.001908": ("school", 1.0), "2.002894": ("school", 1.0), "1.004443": ("school", 1.0),
    "1.000954": ("culture", 1.0), "1.007751": ("company", 1.0), "1.003937": ("company", 1.0),
    "2.001283": ("company", 0.5), "2.001261": ("company", 0.5), "1.013225": ("company", 0.2),
    "2.000181": ("company", 0.3), "2.000162": ("company", 0.3),
}  # fmt: skip
CHANNEL_WEIGHTS = {Channel.DIRECT: 60, Channel.ONLINE: 30, Channel.POSTAL: 10}

DESK_REASONS = [
    "Bản chụp giấy tờ không rõ nét, không đọc được thông tin.",
    "Tờ khai chưa ghi đầy đủ thông tin theo mẫu quy định.",
    "Thiếu thành phần hồ sơ theo quy định của thủ tục.",
    "Chữ ký trên tờ khai không trùng khớp với người đứng tên hồ sơ.",
]
PROCESSING_REASONS = [
    "Thông tin trên tờ khai chưa khớp với Cơ sở dữ liệu quốc gia về dân cư.",
    "Cần bổ sung văn bản ủy quyền có chứng thực theo quy định.",
    "Giấy tờ nộp kèm đã hết hiệu lực, đề nghị bổ sung bản còn hiệu lực.",
    "Hồ sơ cần làm rõ thêm một số nội dung sau khi kiểm tra thực tế.",
]
GENERIC_MISSING = ["Bản chụp Căn cước công dân rõ nét", "Văn bản ủy quyền có chứng thực"]
REFUSALS = [
    "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan tiếp nhận.",
    "Giấy tờ trong hồ sơ có dấu hiệu tẩy xóa, sửa chữa nội dung.",
    "Yêu cầu của người nộp không thuộc phạm vi của thủ tục hành chính này.",
    "Người đứng tên hồ sơ không đủ điều kiện theo quy định.",
]
UNANSWERED = "Quá thời hạn nhưng người nộp không bổ sung hồ sơ theo Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ."
STOPS = [
    "Kết quả thẩm định cho thấy hồ sơ không đủ điều kiện giải quyết theo quy định.",
    "Kiểm tra thực tế cho thấy nội dung kê khai không đúng với hiện trạng.",
    "Có văn bản của cơ quan có thẩm quyền đề nghị tạm dừng giải quyết do đang có tranh chấp.",
]
WITHDRAWALS = [
    "Người nộp hồ sơ có đơn đề nghị rút hồ sơ để điều chỉnh thông tin.",
    "Công dân đề nghị rút hồ sơ, sẽ nộp lại sau khi chuẩn bị đủ giấy tờ.",
    "Tổ chức đề nghị rút hồ sơ do thay đổi kế hoạch.",
]
APOLOGIES = [
    "Cần xác minh thêm thông tin tại cơ quan có liên quan.",
    "Số lượng hồ sơ tiếp nhận tăng đột biến trong thời gian này.",
    "Chờ ý kiến phối hợp của cơ quan chuyên môn.",
]
SEND_BACKS = [
    "Đề nghị kiểm tra lại thông tin người đứng tên trước khi trình ký.",
    "Dự thảo kết quả còn sai sót về số liệu, đề nghị chỉnh sửa.",
]


@dataclass(frozen=True)
class Facts:
    """What a story needs to know of a procedure in force (read from the catalogue by the loader)."""

    code: str
    roles: tuple[str, ...]  # the role of each process step, in order
    budgets: tuple[int, ...]  # each step's office seconds
    limit: int  # the committed limit in office seconds (0 for a same-day procedure)
    channels: tuple[str, ...]
    paid: bool  # a fee above zero
    documents: tuple[tuple[int, str, bool, bool], ...]  # (id, name, is a copy, required)

    @property
    def multi_day(self) -> bool:
        return self.limit >= DAY

    @property
    def return_index(self) -> int:
        return len(self.roles) - 1


@dataclass
class Move:
    action: str
    gap: int  # office seconds since the previous move
    options: dict = field(default_factory=dict)
    at: datetime | None = None


@dataclass
class Story:
    number: int
    scenario: str
    procedure: str
    agency: str  # code of the receiving agency
    channel: str
    delivery: str
    applicant: Applicant
    documents: list[tuple[int, str, bool]] = field(default_factory=list)  # (id, name, is a copy)
    moves: list[Move] = field(default_factory=list)
    idle: int | None = None  # open stories: office seconds from the last move to now
    wall_before: int = 0  # online filings: wall seconds from the filing to the desk's first move
    bundle: str = ""  # a linked group: the bundle's code, and one story per member procedure
    members: list["Story"] = field(default_factory=list)
    dossier: object = None  # set while playing
    group: object = None


class Plot:
    """Moves with the office time between them; the time waited after the last move is the story's idle."""

    def __init__(self) -> None:
        self.moves: list[Move] = []
        self.pending = 0

    def wait(self, seconds: float) -> None:
        self.pending += max(int(seconds), 0)

    def act(self, action: str, **options) -> None:
        self.moves.append(Move(action, self.pending, options))
        self.pending = 0


@dataclass
class Twists:
    """What happens on the way (each optional)."""

    desk_supplement: bool = False
    supplement: bool = False
    payment: bool = False
    send_back: bool = False
    apology_days: int = 0
    late: bool = False  # the result is issued after the appointment
    cut: int | None = None  # the process step where the story stops (0: the desk, before forwarding)


class Teller:
    """Writes the stories of one demo load: every draw comes from `rng`, in a fixed order."""

    def __init__(self, rng: random.Random, facts: dict[str, Facts], bundles: dict, today) -> None:
        self.rng = rng
        self.facts = facts
        self.bundles = bundles  # code -> (lead procedure code, [member procedure codes])
        self.today = today
        self.count = 0

    # --- choosing ---------------------------------------------------------------------------------------

    def procedure_for(self, scenario: str) -> Facts:
        candidates = [
            (code, weight)
            for code, weight in PROCEDURE_WEIGHTS.items()
            if code in self.facts and self._fits(scenario, self.facts[code])
        ]
        return self.facts[people.weighted(self.rng, candidates)]

    @staticmethod
    def _fits(scenario: str, facts: Facts) -> bool:
        if scenario in MULTI_DAY and not facts.multi_day:
            return False
        if scenario == "awaiting_payment":
            return facts.paid and facts.multi_day
        if scenario in ("submitted", "desk_supplement_pending"):
            return Channel.ONLINE in facts.channels
        return True

    def agency_for(self, code: str) -> str:
        return people.weighted(self.rng, RECEIVERS.get(code, COMMUNE_WEIGHTS))

    def channel_for(self, scenario: str, facts: Facts) -> str:
        if scenario in ("submitted", "desk_supplement_pending"):
            return Channel.ONLINE
        return people.weighted(self.rng, [(c, CHANNEL_WEIGHTS[c]) for c in facts.channels])

    def delivery_for(self, channel: str) -> str:
        draw = self.rng.random()
        if channel == Channel.ONLINE:
            return ReturnMethod.ONLINE if draw < 0.6 else ReturnMethod.DESK
        if channel == Channel.POSTAL:
            return ReturnMethod.POST if draw < 0.8 else ReturnMethod.DESK
        return ReturnMethod.POST if draw < 0.12 else ReturnMethod.DESK

    def applicant_for(self, code: str, agency: str, channel: str) -> Applicant:
        kind, share = APPLICANT_KINDS.get(code, ("", 0.0))
        if kind and self.rng.random() < share:
            return people.organisation(self.rng, kind, agency, self.today)
        return people.person(self.rng, agency, self.today, online=channel == Channel.ONLINE)

    def documents_for(self, facts: Facts) -> list[tuple[int, str, bool]]:
        return [
            (pk, name, copy)
            for pk, name, copy, required in facts.documents
            if required or self.rng.random() < 0.3
        ]

    def new_story(self, scenario: str, facts: Facts, agency: str | None = None, channel: str | None = None):
        self.count += 1
        agency = agency or self.agency_for(facts.code)
        channel = channel or self.channel_for(scenario, facts)
        return Story(
            number=self.count,
            scenario=scenario,
            procedure=facts.code,
            agency=agency,
            channel=channel,
            delivery=self.delivery_for(channel),
            applicant=self.applicant_for(facts.code, agency, channel),
            documents=self.documents_for(facts),
        )

    # --- durations --------------------------------------------------------------------------------------

    def spent(self, budget: int, late: bool = False) -> int:
        """Office seconds a step takes: part of its budget, or (late) over it."""
        if late:
            return int(budget * self.rng.uniform(1.15, 1.9)) + self.rng.randrange(15 * MINUTE, 3 * HOUR)
        return max(3 * MINUTE, int(budget * self.rng.triangular(0.15, 0.95, 0.5)))

    def durations(self, facts: Facts, late: bool, overrun: int) -> list[int]:
        """The time spent at each step before the return step; `late`: the whole runs `overrun` past."""
        steps = range(facts.return_index)
        spent = [self.spent(facts.budgets[i], self.rng.random() < (0.05 if i == 0 else 0.1)) for i in steps]
        if late:
            longest = max(range(1, facts.return_index), key=lambda i: facts.budgets[i])
            others = sum(spent) - spent[longest]
            spent[longest] = max(spent[longest], facts.limit - others + overrun)
        return spent

    def applicant_delay(self) -> int:
        return int(self.rng.triangular(2 * HOUR, 6 * DAY, 1.5 * DAY))

    def pickup(self, method: str) -> int:
        if method == ReturnMethod.ONLINE:
            return self.rng.randrange(2 * MINUTE, 40 * MINUTE)
        if method == ReturnMethod.POST:
            return self.rng.randrange(2 * HOUR, DAY)
        return int(self.rng.triangular(20 * MINUTE, 4 * DAY, 3 * HOUR))

    # --- stories ----------------------------------------------------------------------------------------

    def all_stories(self) -> list[Story]:
        stories = []
        for scenario, count in SCENARIOS.items():
            for _ in range(count):
                stories.append(self.single(scenario))
        for code, where, count in BUNDLES:
            for index in range(count):
                stories.append(self.linked(code, where, closed=index > 0))
        return stories

    def single(self, scenario: str) -> Story:
        rng = self.rng
        facts = self.procedure_for(scenario)
        story = self.new_story(scenario, facts)
        twists = Twists()
        online = story.channel == Channel.ONLINE
        if online:
            story.wall_before = rng.randrange(10 * MINUTE, 40 * HOUR)
        twists.desk_supplement = scenario == "desk_supplement_pending" or (online and rng.random() < 0.12)
        if scenario in ("returned", "result_ready", "stopped", "withdrawn"):
            twists.supplement = facts.multi_day and rng.random() < (0.3 if scenario == "stopped" else 0.1)
            twists.payment = facts.paid and facts.multi_day and rng.random() < 0.5
            twists.send_back = facts.return_index >= 3 and rng.random() < 0.06
        twists.supplement = twists.supplement or scenario == "supplement_pending"
        twists.payment = twists.payment or scenario == "awaiting_payment"
        if scenario in ("returned_after_apology", "processing_after_apology"):
            twists.apology_days = rng.randrange(2, 6)
        twists.late = scenario in ("returned_late", "returned_after_apology")
        processing_steps = range(1, facts.return_index)
        if scenario in ("processing", "processing_overdue", "processing_after_apology"):
            twists.cut = rng.choice(processing_steps)
        elif scenario == "withdrawn":
            twists.cut = 0 if rng.random() < 0.25 else rng.choice(processing_steps)
        elif scenario == "stopped":  # after appraisal
            twists.cut = self.first_specialist(facts)
        plot = self.tell(story, facts, twists)
        story.moves = plot.moves
        story.idle = plot.pending if scenario in OPEN_SCENARIOS else None
        return story

    def tell(self, story: Story, facts: Facts, twists: Twists, *, from_reception: bool = False) -> Plot:
        """The moves of one dossier, up to where its scenario stops."""
        rng, scenario, plot = self.rng, story.scenario, Plot()
        if not from_reception:
            plot.act("submit")
            if scenario == "submitted":
                return plot
            online = story.channel == Channel.ONLINE
            plot.wait(
                rng.randrange(10 * MINUTE, 3 * HOUR) if online else rng.randrange(5 * MINUTE, 25 * MINUTE)
            )
            if twists.desk_supplement:
                missing = self.missing(story)
                plot.act("desk_request", missing=[missing], reason=rng.choice(DESK_REASONS))
                if scenario == "desk_supplement_pending":
                    plot.wait(rng.randrange(2 * HOUR, 4 * DAY))
                    return plot
                if scenario == "refused":
                    plot.wait(rng.randrange(4 * DAY, 10 * DAY))
                    plot.act("refuse", reasons=UNANSWERED)
                    return plot
                plot.wait(self.applicant_delay())
                plot.act("supplement", documents=[missing])
                plot.wait(rng.randrange(5 * MINUTE, 40 * MINUTE))
            if scenario == "refused":
                plot.act("refuse", reasons=rng.choice(REFUSALS))
                return plot
            plot.act("receive")
            if scenario == "received":
                plot.wait(rng.randrange(3 * MINUTE, 45 * MINUTE))
                return plot
            if scenario == "withdrawn" and twists.cut == 0:
                plot.wait(rng.randrange(20 * MINUTE, 6 * HOUR))
                plot.act("withdraw", reason=rng.choice(WITHDRAWALS))
                return plot
        if twists.apology_days:  # late for the first appointment, not for the new one
            overrun = rng.randrange(HOUR, max(2 * HOUR, (twists.apology_days - 1) * DAY))
        else:
            overrun = rng.randrange(HOUR, 3 * DAY)
        spent = self.durations(facts, twists.late, overrun)
        plot.wait(spent[0])
        plot.act("forward")
        if twists.apology_days:
            early = rng.randrange(10 * MINUTE, 90 * MINUTE)
            plot.wait(early)
            plot.act("apologise", days=twists.apology_days, reason=rng.choice(APOLOGIES))
            spent[1] = max(spent[1] - early, 3 * MINUTE)
        since_reception = spent[0]
        last = facts.return_index - 1
        for index in range(1, facts.return_index):
            step_spent = spent[index]
            if twists.cut == index:
                self.stop_at(plot, story, facts, twists, index, since_reception)
                return plot
            if twists.supplement and index == self.first_specialist(facts):
                missing = self.missing(story)
                plot.wait(step_spent * 0.4)
                plot.act("request_supplement", missing=[missing], reason=rng.choice(PROCESSING_REASONS))
                if scenario == "supplement_pending":
                    plot.wait(rng.randrange(HOUR, 6 * DAY))
                    return plot
                plot.wait(self.applicant_delay())
                plot.act("supplement", documents=[missing])
                step_spent *= 0.6
            if (
                twists.send_back
                and facts.roles[index] == Role.LEADER
                and facts.roles[index - 1] == Role.SPECIALIST
            ):
                plot.wait(step_spent * 0.5)
                plot.act("send_back", reason=rng.choice(SEND_BACKS))
                plot.wait(self.spent(facts.budgets[index - 1]) * 0.4)
                plot.act("forward")
                step_spent *= 0.5
            if twists.payment and index == last:
                plot.wait(step_spent * 0.3)
                plot.act("request_payment")
                if scenario == "awaiting_payment":
                    plot.wait(rng.randrange(HOUR, 3 * DAY))
                    return plot
                plot.wait(rng.triangular(HOUR, 3 * DAY, 4 * HOUR))
                plot.act("record_payment", online=story.channel == Channel.ONLINE and rng.random() < 0.7)
                step_spent *= 0.7
            plot.wait(step_spent)
            since_reception += step_spent
            plot.act("finish" if index == last else "forward")
        if scenario == "result_ready":
            plot.wait(rng.randrange(HOUR, 4 * DAY))
            return plot
        plot.wait(self.pickup(story.delivery))
        plot.act("return", method=story.delivery)
        return plot

    def stop_at(self, plot: Plot, story: Story, facts: Facts, twists: Twists, index: int, elapsed: int):
        """An open story waiting at step `index`, or one closed there (stopped, withdrawn)."""
        rng, scenario, budget = self.rng, story.scenario, facts.budgets[index]
        if scenario == "stopped":
            if twists.supplement:
                plot.wait(self.spent(budget) * 0.4)
                missing = self.missing(story)
                plot.act("request_supplement", missing=[missing], reason=rng.choice(PROCESSING_REASONS))
                plot.wait(rng.randrange(5 * DAY, 12 * DAY))
                plot.act("stop", reasons=UNANSWERED)
            else:
                plot.wait(self.spent(budget) * 0.7)
                plot.act("stop", reasons=rng.choice(STOPS))
        elif scenario == "withdrawn":
            plot.wait(self.spent(budget) * 0.5)
            plot.act("withdraw", reason=rng.choice(WITHDRAWALS))
        elif scenario == "processing_overdue":
            plot.wait(max(facts.limit - elapsed, budget) + rng.randrange(HOUR, 4 * DAY))
        else:
            plot.wait(budget * rng.uniform(0.05, 0.8))

    def missing(self, story: Story) -> str:
        """What the applicant is asked to bring: one of the documents handed in, done again properly."""
        names = [name for _pk, name, _copy in story.documents]
        return self.rng.choice(names or GENERIC_MISSING)

    @staticmethod
    def first_specialist(facts: Facts) -> int:
        return next(i for i, role in enumerate(facts.roles) if role == Role.SPECIALIST)

    def linked(self, bundle: str, where: str, closed: bool) -> Story:
        """A linked group received at once: one story for the group, one per member procedure."""
        lead_code, member_codes = self.bundles[bundle]
        lead = self.facts[lead_code]
        agency = people.weighted(self.rng, COMMUNE_WEIGHTS) if where == "commune" else where
        group = self.new_story("returned" if closed else "processing", lead, agency, Channel.DIRECT)
        group.bundle = bundle
        group.moves = [Move("receive_bundle", 0)]
        for code in member_codes:
            member = Story(
                number=group.number,
                scenario="returned",
                procedure=code,
                agency=agency,
                channel=Channel.DIRECT,
                delivery=group.delivery,
                applicant=group.applicant,
            )
            member.moves = self.tell(member, self.facts[code], Twists(), from_reception=True).moves
            group.members.append(member)
        group.idle = None if closed else self.rng.randrange(HOUR, 3 * DAY)
        return group


def place(story: Story, office: OfficeTime, now: datetime, window_start: datetime, rng: random.Random):
    """Give every move its instant: all in the past, a closed story within the window, an open one ending its
    idle time before now. Members of a linked group follow the group's reception until now."""
    now_position = office.position(now)
    gaps = [0] + [move.gap for move in story.moves[1:]]
    span = sum(gaps) + max((sum(m.gap for m in member.moves) for member in story.members), default=0)
    if story.idle is not None:
        end = now_position - story.idle
    else:
        earliest = office.position(window_start) + span
        latest = now_position - rng.randrange(0, 2 * HOUR)
        end = rng.randint(earliest, latest) if earliest < latest else latest
        if story.members:
            end -= span - sum(gaps)  # the group's reception is its first (and only) move
    position = end
    for move, gap in zip(reversed(story.moves), reversed(gaps), strict=True):
        move.at = office.instant(position)
        position -= gap
    if story.channel == Channel.ONLINE and story.moves[0].action == "submit":
        after = story.moves[1].at if len(story.moves) > 1 else now
        story.moves[0].at = after - timedelta(
            seconds=story.wall_before or rng.randrange(10 * MINUTE, 20 * HOUR)
        )
    for member in story.members:
        position = end
        for move in member.moves:
            position += move.gap
            if position > now_position:
                break
            move.at = office.instant(position)
        member.moves = [move for move in member.moves if move.at is not None]
