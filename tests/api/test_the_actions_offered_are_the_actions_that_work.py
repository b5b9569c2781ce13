"""The `actions` a dossier's detail offers are exactly the business actions that succeed for that caller.

`selectors.available_actions` mirrors the checks of the services; this holds the two together: for each
situation and each person, every action is tried for real inside a transaction that is then rolled back.
"""

from datetime import date

import pytest
from django.db import transaction

from motcua import clock
from motcua.dossiers import selectors, services
from motcua.dossiers.errors import DossierError
from motcua.dossiers.lifecycle import State
from motcua.dossiers.models import Dossier
from motcua.org.models import Role
from tests.factories.dossiers import at_step, intake, pdf, received, vn

pytestmark = pytest.mark.django_db

TRIES = {
    "receive": lambda d, u: services.receive(d, u),
    "request_supplement": lambda d, u: services.request_supplement(d, u, missing=["Tờ khai"], reason="Thiếu"),
    "supplement": lambda d, u: services.supplement(d, u, documents=[services.ReceivedDocument("Tờ khai")]),
    "refuse": lambda d, u: services.refuse(d, u, reasons="Sai thẩm quyền"),
    "forward": lambda d, u: services.forward(d, u),
    "send_back": lambda d, u: services.send_back(d, u, reason="Thẩm định lại"),
    "request_payment": lambda d, u: services.request_payment(d, u),
    "record_payment": lambda d, u: services.record_payment(d, u, reference="BL-1"),
    "finish": lambda d, u: services.finish(d, u, result_number="01/GCN", result_upload=pdf()),
    "return_result": lambda d, u: services.return_result(d, u),
    "stop": lambda d, u: services.stop(d, u, reasons="Không đủ điều kiện"),
    "withdraw": lambda d, u: services.withdraw(d, u, reason="Xin rút"),
    "apologise": lambda d, u: services.apologise(d, u, new_date=date(2026, 3, 9), reason="Chờ"),
    "allow_another_apology": lambda d, u: services.allow_another_apology(d, u, reason="Cho phép"),
}


class RolledBack(Exception):
    pass


def works(action: str, dossier: Dossier, user) -> bool:
    try:
        with transaction.atomic():
            TRIES[action](Dossier.objects.get(pk=dossier.pk), user)
            raise RolledBack
    except RolledBack:
        return True
    except DossierError:
        return False


def situations(world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    submitted = services.submit(intake(world), world.desk)
    at_desk = services.request_supplement(
        services.submit(intake(world), world.desk), world.desk, missing=["Tờ khai"], reason="Thiếu"
    )
    reception = received(world, frozen_clock, vn(2026, 3, 2, 9))
    appraisal = at_step(
        world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.SPECIALIST
    )
    approval = at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.LEADER)
    paused = services.request_supplement(
        at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.SPECIALIST),
        world.specialist,
        missing=["Bản sao"],
        reason="Mờ",
    )
    paying = services.request_payment(
        at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.SPECIALIST),
        world.specialist,
    )
    ready = services.finish(
        at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.LEADER),
        world.leader,
        result_number="01/GCN",
    )
    transferred = services.forward(
        at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.SPECIALIST),
        world.specialist,
        to_agency=world.department,
        hours=8,
    )
    late = received(world, frozen_clock, vn(2026, 2, 23, 9))
    frozen_clock.set(vn(2026, 3, 3, 9))
    return {
        "submitted": submitted,
        "supplement at the desk": at_desk,
        "reception step": reception,
        "appraisal step": appraisal,
        "approval step": approval,
        "supplement in processing": paused,
        "awaiting payment": paying,
        "result ready": ready,
        "transferred to the department": transferred,
        "late": late,
    }


def test_each_person_is_offered_exactly_what_works(world, frozen_clock):
    people = {
        "desk": world.desk,
        "specialist": world.specialist,
        "leader": world.leader,
        "clerk": world.clerk,
        "administrator": world.administrator,
        "department specialist": world.department_specialist,
        "provincial leader": world.provincial_leader,
        "monitor": world.monitor,
    }
    mismatches = []
    for situation, dossier in situations(world, frozen_clock).items():
        for who, user in people.items():
            dossier = Dossier.objects.select_related(
                "receiving_agency", "current_agency", "current_step__agency", "procedure_version"
            ).get(pk=dossier.pk)
            offered = set(selectors.available_actions(user, dossier, clock.now()))
            working = {action for action in TRIES if works(action, dossier, user)}
            if offered != working:
                mismatches.append(f"{situation}, {who}: offered {sorted(offered)}, working {sorted(working)}")
    assert not mismatches, "\n".join(mismatches)


def test_the_lifecycle_table_is_covered(world, frozen_clock):
    states = {dossier.state for dossier in situations(world, frozen_clock).values()}
    assert states == State.open_states()
