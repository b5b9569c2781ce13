"""Reminders (nhắc việc): on a working morning each official gets the steps overdue, due today and due within
the next working day (for leaders also the appointments that need an apology today); nothing on a Sunday or
during Tết. Digests are e-mailed once, through the outbox, at the configured hour."""

from datetime import date

import pytest
from django.core import mail

from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from motcua.notices import reminders
from motcua.notices.models import Message
from motcua.notices.scheduler import JOBS
from motcua.org.models import Role
from tests.factories.dossiers import at_step, make_world, received, vn

from .helpers import deliver_until_settled

pytestmark = pytest.mark.django_db

FRIDAY_MORNING = vn(2026, 3, 6, 7, 30)


def at_appraisal(world, clock, when, **kwargs):
    dossier = received(world, clock, when, **kwargs)
    return at_step(world, clock, dossier, Role.SPECIALIST)


@pytest.fixture
def week(frozen_clock):
    """Dossiers whose steps fall on each side of Friday 06/03/2026 07:30 (14 office hours of appraisal)."""
    world = make_world()
    dossiers = {
        # appraisal Tue 09:00 -> due Wed 04/03 16:00: overdue on Friday
        "overdue": at_appraisal(world, frozen_clock, vn(2026, 3, 3, 9)),
        # appraisal Thu 09:00 -> due Fri 06/03 16:00
        "today": at_appraisal(world, frozen_clock, vn(2026, 3, 5, 9)),
        # appraisal Thu 15:00 -> due Mon 09/03 12:00: the next working day, over the weekend
        "next_day": at_appraisal(world, frozen_clock, vn(2026, 3, 5, 15)),
        # handed to a 30-hour step Thu 09:00 -> due Tue 10/03 16:00: not yet
        "later": at_appraisal(world, frozen_clock, vn(2026, 3, 5, 9)),
        # waiting for a supplement: its clock is stopped
        "paused": at_appraisal(world, frozen_clock, vn(2026, 3, 3, 9)),
        # still at the desk's reception step (due Fri 09:00): the desk officer's, not the specialist's
        "at_desk": received(world, frozen_clock, vn(2026, 3, 5, 16)),
    }
    frozen_clock.set(vn(2026, 3, 5, 9))
    services.forward(dossiers["later"], world.specialist, to_agency=world.ward, hours=30)
    frozen_clock.set(vn(2026, 3, 3, 10))
    services.request_supplement(dossiers["paused"], world.specialist, missing=["Bản sao"], reason="Thiếu")
    for user, address in [(world.specialist, "minh@example.vn"), (world.leader, "hung@example.vn")]:
        user.email = address
        user.save()
    return world, {name: dossier.code for name, dossier in dossiers.items()}


def listed(digest) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in digest.items:
        found.setdefault(item.bucket, []).append(item.code)
    return found


def test_the_specialist_sees_overdue_due_today_and_due_on_the_next_working_day(week):
    world, code = week
    digest = reminders.digest_for(world.specialist, world.ward, FRIDAY_MORNING)
    assert listed(digest) == {
        "overdue": [code["overdue"]],
        "due_today": [code["today"]],
        "due_next_day": [code["next_day"]],
    }
    assert all(item.is_step and item.name == "Thẩm định hồ sơ" for item in digest.items)
    assert digest.items[2].due_at == vn(2026, 3, 9, 12)


def test_the_desk_sees_its_reception_step_and_the_leader_the_appointments(week):
    world, code = week
    assert listed(reminders.digest_for(world.desk, world.ward, FRIDAY_MORNING)) == {
        "due_today": [code["at_desk"]]
    }
    # Appointments (2.5 working days): the overdue one; those due by Monday's close need an apology today.
    assert listed(reminders.digest_for(world.leader, world.ward, FRIDAY_MORNING)) == {
        "overdue": [code["overdue"]],
        "apology": sorted([code["today"], code["later"]]),
    }


def test_an_apology_given_moves_the_dossier_out_of_the_apology_list(week, frozen_clock):
    world, code = week
    frozen_clock.set(vn(2026, 3, 5, 17))
    dossier = services.apologise(
        Dossier.objects.get(code=code["today"]),
        world.leader,
        new_date=date(2026, 3, 9),
        reason="Chờ xác minh",
    )
    assert dossier.due_at == vn(2026, 3, 9, 17)
    assert listed(reminders.digest_for(world.leader, world.ward, FRIDAY_MORNING)) == {
        "overdue": [code["overdue"]],
        "due_next_day": [code["today"]],
        "apology": [code["later"]],
    }


def test_the_digest_is_emailed_once_on_a_working_morning(week, frozen_clock, settings):
    world, code = week
    frozen_clock.set(FRIDAY_MORNING)
    assert JOBS["reminders"].slot(FRIDAY_MORNING) == "2026-03-06"
    assert JOBS["reminders"].slot(vn(2026, 3, 6, 7, 29)) is None
    reminders.send_digests()
    reminders.send_digests()  # a second run the same day sends nothing more
    deliver_until_settled()
    digests = {email.to[0]: email for email in mail.outbox if email.subject.startswith("Nhắc việc")}
    assert sorted(digests) == ["hung@example.vn", "minh@example.vn"]
    email = digests["minh@example.vn"]
    assert email.subject == "Nhắc việc ngày 06/03/2026: 3 việc tại Phường Nha Trang"
    assert "Quá hạn (1)" in email.body and "Đến hạn hôm nay (1)" in email.body
    assert "Đến hạn trong ngày làm việc tiếp theo (1)" in email.body
    assert (
        f"{code['next_day']} · bước “Thẩm định hồ sơ” · Phường Nha Trang · hạn 12:00 09/03/2026" in email.body
    )
    assert Message.objects.filter(kind="digest").count() == 2


@pytest.mark.parametrize(
    "morning", [vn(2026, 3, 8, 7, 30), vn(2026, 2, 17, 7, 30)], ids=["Sunday 08/03/2026", "Tết 17/02/2026"]
)
def test_no_digest_on_a_day_off(week, frozen_clock, morning):
    world, _code = week
    frozen_clock.set(morning)
    assert reminders.send_digests() == 0
    assert reminders.send_agency_digests(world.ward.pk, morning) == 0
    deliver_until_settled()
    assert not Message.objects.filter(kind="digest").exists()
