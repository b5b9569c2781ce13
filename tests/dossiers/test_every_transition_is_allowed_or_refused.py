"""For every state a dossier can be in, every business action either works or is refused without a trace.

The actor is a superuser, so only the lifecycle decides here (permissions: test_who_may_act_on_a_dossier.py).
"""

from datetime import date

import pytest

from motcua.dossiers import services
from motcua.dossiers.errors import DossierError
from motcua.dossiers.lifecycle import State
from tests.factories.dossiers import at_step, intake, make_world, pdf, received, vn
from tests.factories.org import UserFactory

pytestmark = pytest.mark.django_db

ACTIONS = {
    "receive": lambda d, root: services.receive(d, root),
    "request_supplement": lambda d, root: services.request_supplement(
        d, root, missing=["Sổ hộ khẩu"], reason="Thiếu"
    ),
    "supplement": lambda d, root: services.supplement(
        d, root, documents=[services.ReceivedDocument("Giấy tờ bổ sung", upload=pdf())]
    ),
    "refuse": lambda d, root: services.refuse(d, root, reasons="Không thuộc thẩm quyền"),
    "forward": lambda d, root: services.forward(d, root),
    "send_back": lambda d, root: services.send_back(d, root, reason="Cần thẩm định lại"),
    "request_payment": lambda d, root: services.request_payment(d, root, fees=[("Phí thẩm định", 50000)]),
    "record_payment": lambda d, root: services.record_payment(d, root, reference="BL-0001"),
    "finish": lambda d, root: services.finish(d, root, result_number="01/GCN-HKD"),
    "return_result": lambda d, root: services.return_result(d, root),
    "stop": lambda d, root: services.stop(d, root, reasons="Không đủ điều kiện"),
    "withdraw": lambda d, root: services.withdraw(d, root, reason="Công dân xin rút"),
    "apologise": lambda d, root: services.apologise(
        d, root, new_date=date(2026, 3, 6), reason="Chờ xác minh"
    ),
}

ALLOWED = {
    "submitted": {"receive", "request_supplement", "refuse", "withdraw"},
    "supplement_at_desk": {"supplement", "refuse", "withdraw"},
    "received": {"forward", "request_supplement", "request_payment", "stop", "withdraw", "apologise"},
    "processing_mid_process": {
        "request_supplement",
        "forward",
        "send_back",
        "request_payment",
        "stop",
        "withdraw",
        "apologise",
    },
    "processing_last_step": {
        "request_supplement",
        "send_back",
        "request_payment",
        "finish",
        "stop",
        "withdraw",
        "apologise",
    },
    "supplement_in_processing": {"supplement", "stop", "withdraw", "apologise"},
    "awaiting_payment": {"record_payment", "stop", "withdraw", "apologise"},
    "result_ready": {"return_result"},
    "returned": set(),
    "not_received": set(),
    "stopped": set(),
    "withdrawn": set(),
}


def dossier_in(situation, world, clock, root):
    clock.set(vn(2026, 3, 2, 9))
    if situation in ("submitted", "supplement_at_desk", "not_received"):
        dossier = services.submit(intake(world), world.desk)
        if situation == "supplement_at_desk":
            dossier = services.request_supplement(dossier, root, missing=["Tờ khai"], reason="Thiếu tờ khai")
        if situation == "not_received":
            dossier = services.refuse(dossier, root, reasons="Sai thẩm quyền")
        return dossier
    dossier = received(world, clock, vn(2026, 3, 2, 9))
    clock.set(vn(2026, 3, 2, 10))
    steps = {
        "received": None,
        "processing_mid_process": "specialist",
        "processing_last_step": "leader",
        "supplement_in_processing": "specialist",
        "awaiting_payment": "specialist",
        "result_ready": "leader",
        "returned": "leader",
        "stopped": "specialist",
        "withdrawn": None,
    }
    if steps[situation]:
        dossier = at_step(world, clock, dossier, steps[situation])
    follow_up = {
        "supplement_in_processing": lambda d: ACTIONS["request_supplement"](d, root),
        "awaiting_payment": lambda d: ACTIONS["request_payment"](d, root),
        "result_ready": lambda d: ACTIONS["finish"](d, root),
        "returned": lambda d: ACTIONS["return_result"](ACTIONS["finish"](d, root), root),
        "stopped": lambda d: ACTIONS["stop"](d, root),
        "withdrawn": lambda d: ACTIONS["withdraw"](d, root),
    }
    return follow_up.get(situation, lambda d: d)(dossier)


def test_the_table_covers_every_state():
    reached = {
        "submitted",
        "supplement_requested",
        "received",
        "processing",
        "awaiting_payment",
        "result_ready",
        "returned",
        "not_received",
        "stopped",
        "withdrawn",
    }
    assert reached == set(State.values)


@pytest.mark.parametrize("situation", ALLOWED)
@pytest.mark.parametrize("action", ACTIONS)
def test_action_in_situation(situation, action, frozen_clock):
    world = make_world()
    root = UserFactory(username="root", is_superuser=True)
    dossier = dossier_in(situation, world, frozen_clock, root)
    frozen_clock.set(vn(2026, 3, 2, 11))
    version, events = dossier.version, dossier.events.count()
    if action in ALLOWED[situation]:
        after = ACTIONS[action](dossier, root)
        assert after.version == version + 1
        assert after.events.count() == events + 1
        assert after.events.latest("number").action.startswith(action)
    else:
        with pytest.raises(DossierError):
            ACTIONS[action](dossier, root)
        dossier.refresh_from_db()
        assert (dossier.version, dossier.events.count()) == (version, events)
