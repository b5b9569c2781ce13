"""Demo dossiers: a few hundred dossiers of the last sixty days, played through the dossier services.

Every dossier is made by `dossiers.services` (submit, receive, forward, ... return), so codes, events, steps,
pauses and due instants are real; the services run at past instants under the demo clock (`demo/clock.py`,
demo only). The stories (`stories.py`) come from a fixed seed; they are pinned to the calendar relative to
now, played in the order of their instants, all in one transaction. A second load adds nothing: when any
dossier was received by a demo agency, the demo dossiers are considered present.
"""

import random
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.db.models import F

from motcua import clock
from motcua.catalog.models import Bundle
from motcua.catalog.selectors import procedures_in_force
from motcua.dossiers import services
from motcua.dossiers.lifecycle import Channel, ReturnMethod, State
from motcua.dossiers.models import Dossier, DossierDocument, DossierGroup
from motcua.org.models import Agency, Membership, Role
from motcua.worktime.selectors import calendar_for
from motcua.worktime.units import HOURS_PER_WORKING_DAY, Unit

from . import province, stories
from .clock import demo_clock
from .office_time import OfficeTime

SEED = 20250701  # the day the two-level local government began
WINDOW_DAYS = 60
# Result numbers: the suffix of each procedure's result document (default: the agency's decision).
RESULT_SUFFIXES = {
    "1.001193": "KS", "1.000656": "KT", "1.000894": "KH", "2.000815": "SCT/BS", "2.000884": "SCT/CK",
    "1.004222": "XNTT", "1.003197": "XNXTT", "1.005050": "BHYT", "1.001612": "GCN-HKD",
    "2.000720": "GCN-HKD", "2.000575": "GCN-HKD", "1.001570": "TB-HKD", "2.000181": "GP-BLTL",
    "2.000162": "GP-BLTL", "2.001283": "GCN-LPG", "2.001261": "GCN-LPG", "1.013225": "GPXD",
    "1.013228": "GPXD", "1.013978": "GCN-QSDĐ", "1.011826": "TB-LPTB", "2.002042": "GCN-ĐKDN",
    "1.007751": "TB-HĐĐT", "1.003937": "GCN-MCD",
}  # fmt: skip


@dataclass
class DossierSummary:
    """The demo dossiers as they stand: by state, and the cases a trainer looks for."""

    total: int = 0
    by_state: dict[str, int] = field(default_factory=dict)
    finished_late: int = 0
    open_overdue: int = 0
    paused: int = 0
    apologised: int = 0
    groups: int = 0
    linked: int = 0


@dataclass
class DossierLoadResult:
    created: int = 0
    seconds: float = 0.0
    summary: DossierSummary = field(default_factory=DossierSummary)


def demo_dossiers():
    return Dossier.objects.filter(receiving_agency__code__in=[spec.code for spec in province.AGENCIES])


def summarise() -> DossierSummary:
    dossiers = demo_dossiers()
    now = clock.now()
    by_state = Counter(dossiers.values_list("state", flat=True))
    groups = DossierGroup.objects.filter(dossiers__in=dossiers).distinct()
    return DossierSummary(
        total=sum(by_state.values()),
        by_state={state: by_state.get(state, 0) for state in State.values},
        finished_late=dossiers.filter(finished_at__gt=F("due_at")).count(),
        open_overdue=dossiers.filter(
            state__in=State.clock_states(), paused_since__isnull=True, due_at__lt=now
        ).count(),
        paused=dossiers.filter(paused_since__isnull=False).count(),
        apologised=dossiers.filter(apology_count__gt=0).count(),
        groups=groups.count(),
        linked=dossiers.filter(group__isnull=False).count(),
    )


def load_demo_dossiers(seed: int = SEED) -> DossierLoadResult:
    """Create the demo dossiers unless some already exist; either all of them or none (one transaction)."""
    began = time.perf_counter()
    if demo_dossiers().exists():
        return DossierLoadResult(summary=summarise())
    now = clock.now()
    loader = _Loader(now)
    rng = random.Random(seed)
    teller = stories.Teller(rng, loader.facts, loader.bundle_members(), now.date())
    written = teller.all_stories()
    window_start = now - timedelta(days=WINDOW_DAYS)
    for story in written:
        stories.place(story, loader.office_for(story.agency), now, window_start, rng)
    timeline = sorted(
        (move.at, sequence, index, move)
        for sequence, story in enumerate(_with_members(written))
        for index, move in enumerate(story.moves)
        if move.at is not None
    )
    owners = {id(move): story for story in _with_members(written) for move in story.moves}
    with transaction.atomic(), demo_clock(timeline[0][0]) as demo:
        for at, _sequence, _index, move in timeline:
            demo.set(at)
            loader.play(owners[id(move)], move)
    return DossierLoadResult(
        created=sum(1 for story in _with_members(written) if story.dossier is not None),
        seconds=time.perf_counter() - began,
        summary=summarise(),
    )


def _with_members(written):
    for story in written:
        yield story
        yield from story.members


class _Loader:
    """Reads what the stories need (procedures, agencies, accounts) and plays moves through the services."""

    def __init__(self, now) -> None:
        self.now = now
        self.agencies = {
            agency.code: agency
            for agency in Agency.objects.filter(code__in=[spec.code for spec in province.AGENCIES])
        }
        usernames = [account.username for account in province.accounts()]
        self.staff = {
            (membership.role, membership.agency.code): membership.user
            for membership in Membership.objects.filter(user__username__in=usernames).select_related(
                "user", "agency"
            )
        }
        self.versions = {version.procedure.code: version for version in procedures_in_force()}
        self.facts = {code: _facts(version) for code, version in self.versions.items()}
        # A story walks a process that starts and ends at the desk (reception, return of the result).
        self.facts = {
            code: facts
            for code, facts in self.facts.items()
            if len(facts.roles) >= 3 and facts.roles[0] == facts.roles[-1] == Role.DESK_OFFICER
        }
        self.offices: dict[int, OfficeTime] = {}
        self.numbers: Counter = Counter()

    def bundle_members(self) -> dict:
        members = {}
        for bundle in Bundle.objects.select_related("lead").prefetch_related("members__procedure"):
            codes = [m.procedure.code for m in sorted(bundle.members.all(), key=lambda m: (m.order, m.pk))]
            if all(code in self.facts for code in codes):
                members[bundle.code] = (bundle.lead.code, codes)
        return members

    def office_for(self, agency_code: str) -> OfficeTime:
        calendar = calendar_for(self.agencies[agency_code])
        if id(calendar) not in self.offices:
            first = self.now.date() - timedelta(days=3 * WINDOW_DAYS)
            self.offices[id(calendar)] = OfficeTime(calendar, first, self.now.date() + timedelta(days=1))
        return self.offices[id(calendar)]

    # --- who acts ---------------------------------------------------------------------------------------

    def desk(self, story):
        return self.staff[(Role.DESK_OFFICER, story.agency)]

    def holder(self, dossier):
        """The account holding the dossier's current step (its role, at the step's agency)."""
        step = dossier.current_step
        return self.staff[(step.role, step.agency.code)]

    def leader(self, agency):
        return self.staff[(Role.LEADER, agency.code)]

    # --- moves ------------------------------------------------------------------------------------------

    def play(self, story, move) -> None:
        story.dossier = getattr(self, f"_{move.action}")(story, story.dossier, **move.options)

    def _intake(self, story, code: str, with_documents: bool = True):
        documents = [
            services.ReceivedDocument(
                name=name,
                required_document_id=pk,
                form=DossierDocument.Form.COPY if copy else DossierDocument.Form.ORIGINAL,
            )
            for pk, name, copy in (story.documents if with_documents else ())
        ]
        return services.Intake(
            self.versions[code],
            self.agencies[story.agency],
            story.channel,
            story.applicant,
            documents,
            story.delivery,
            story.applicant.address if story.delivery == ReturnMethod.POST else "",
        )

    def _submit(self, story, dossier):
        actor = None if story.channel == Channel.ONLINE else self.desk(story)  # online: from the portal
        return services.submit(self._intake(story, story.procedure), actor)

    def _receive_bundle(self, story, dossier):
        bundle = Bundle.objects.get(code=story.bundle)
        group = services.receive_bundle(bundle, self._intake(story, story.procedure), self.desk(story))
        by_code = {
            d.procedure_version.procedure.code: d for d in group.dossiers.select_related("current_step")
        }
        for member in story.members:
            member.dossier = by_code[member.procedure]
        return by_code[story.procedure]

    def _receive(self, story, dossier):
        return services.receive(dossier, self.desk(story))

    def _desk_request(self, story, dossier, missing, reason):
        return services.request_supplement(dossier, self.desk(story), missing=missing, reason=reason)

    def _request_supplement(self, story, dossier, missing, reason):
        actor = self.staff[(Role.SPECIALIST, dossier.current_agency.code)]
        return services.request_supplement(dossier, actor, missing=missing, reason=reason)

    def _supplement(self, story, dossier, documents):
        received = [services.ReceivedDocument(name=name) for name in documents]
        return services.supplement(dossier, self.desk(story), documents=received)

    def _refuse(self, story, dossier, reasons):
        return services.refuse(dossier, self.desk(story), reasons=reasons)

    def _forward(self, story, dossier):
        return services.forward(dossier, self.holder(dossier))

    def _send_back(self, story, dossier, reason):
        return services.send_back(dossier, self.holder(dossier), reason=reason)

    def _request_payment(self, story, dossier):
        return services.request_payment(dossier, self.holder(dossier))

    def _record_payment(self, story, dossier, online):
        at = clock.now()
        self.numbers["payment", online] += 1
        number = self.numbers["payment", online]
        if online:  # confirmed by the payment platform of the national portal
            return services.record_payment(
                dossier, None, reference=f"DVCQG{at:%y%m%d}{number:06d}", online=True
            )
        return services.record_payment(dossier, self.desk(story), reference=f"BL{at:%y}/{number:06d}")

    def _finish(self, story, dossier):
        step = dossier.current_step
        suffix = RESULT_SUFFIXES.get(story.procedure, "QĐ")
        key = ("result", step.agency.code, suffix)
        self.numbers[key] += 1
        number = f"{self.numbers[key]}/{clock.now():%Y}/{suffix}"
        signer = self.leader(step.agency).get_full_name()
        return services.finish(dossier, self.holder(dossier), result_number=number, signer=signer)

    def _return(self, story, dossier, method):
        return services.return_result(dossier, self.desk(story), method=method)

    def _stop(self, story, dossier, reasons):
        return services.stop(dossier, self.leader(dossier.current_agency), reasons=reasons)

    def _withdraw(self, story, dossier, reason):
        return services.withdraw(dossier, self.desk(story), reason=reason)

    def _apologise(self, story, dossier, days, reason):
        new_date = _working_days_after(calendar_for(dossier.receiving_agency), dossier.due_at, days)
        return services.apologise(
            dossier, self.leader(dossier.current_agency), new_date=new_date, reason=reason
        )


def _working_days_after(calendar, instant, days: int) -> date:
    day = calendar.local(instant).date()
    while days:
        day += timedelta(days=1)
        days -= calendar.is_working_day(day)
    return day


def _facts(version) -> stories.Facts:
    steps = sorted(version.steps.all(), key=lambda step: (step.order, step.pk))
    if version.same_day_cutoff is not None or version.committed_limit_unit not in (
        Unit.HOURS,
        Unit.WORKING_DAYS,
    ):
        limit = 0
    else:
        hours = version.committed_limit_value * (
            1 if version.committed_limit_unit == Unit.HOURS else HOURS_PER_WORKING_DAY
        )
        limit = int(hours * 3600)
    documents = sorted(version.documents.all(), key=lambda doc: (doc.order, doc.pk))
    return stories.Facts(
        code=version.procedure.code,
        roles=tuple(step.role for step in steps),
        budgets=tuple(int(step.hours * 3600) for step in steps),
        limit=limit,
        channels=tuple(version.channels),
        paid=any(fee.amount > 0 for fee in version.fees.all()),
        documents=tuple(
            (doc.pk, doc.name, doc.originals == 0 and doc.copies > 0, doc.required) for doc in documents
        ),
    )
