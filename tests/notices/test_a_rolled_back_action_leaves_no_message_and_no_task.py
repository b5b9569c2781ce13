"""Outbox rows and their tasks are written in the business transaction: a rollback takes them away too."""

from datetime import date

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from motcua.dossiers import services
from motcua.notices.models import Message
from motcua.worktime.models import CalendarOverride, OverrideKind
from tests.factories.dossiers import intake, make_world, vn

pytestmark = pytest.mark.django_db(transaction=True)  # real commits and rollbacks


class RequestFailed(Exception):
    pass


def test_a_reception_rolled_back_leaves_no_outbox_row_and_no_task(frozen_clock, portal):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    dossier = services.submit(intake(world, email="an.nguyen@example.vn"), world.desk)
    messages, tasks = Message.objects.count(), DBTaskResult.objects.count()
    with pytest.raises(RequestFailed), transaction.atomic():
        services.receive(dossier, world.desk)
        # Inside the transaction: the e-mail, the SMS and the portal sync are written, each with its task.
        assert Message.objects.count() == messages + 3
        assert DBTaskResult.objects.count() == tasks + 3
        raise RequestFailed("something later in the same request failed")
    assert Message.objects.count() == messages
    assert DBTaskResult.objects.count() == tasks
    dossier.refresh_from_db()
    assert dossier.state == "submitted"


def test_a_committed_reception_leaves_its_messages_and_tasks(frozen_clock, portal):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    dossier = services.submit(intake(world, email="an.nguyen@example.vn"), world.desk)
    messages, tasks = Message.objects.count(), DBTaskResult.objects.count()
    services.receive(dossier, world.desk)
    assert Message.objects.count() == messages + 3
    assert set(Message.objects.filter(event__action="receive").values_list("channel", flat=True)) == {
        "email",
        "sms",
        "portal",
    }
    assert DBTaskResult.objects.count() == tasks + 3


def test_a_calendar_change_rolled_back_enqueues_no_rescheduling():
    tasks = DBTaskResult.objects.count()
    with pytest.raises(RequestFailed), transaction.atomic():
        CalendarOverride.objects.create(
            date=date(2026, 3, 3), kind=OverrideKind.DAY_OFF, name="Nghỉ", decision="QĐ 01"
        )
        raise RequestFailed
    assert DBTaskResult.objects.count() == tasks
    CalendarOverride.objects.create(
        date=date(2026, 3, 3), kind=OverrideKind.DAY_OFF, name="Nghỉ", decision="QĐ 01"
    )
    assert (
        DBTaskResult.objects.filter(task_path__endswith="reschedule_after_calendar_change_task").count() == 1
    )
