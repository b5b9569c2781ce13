"""The periodic sweep enqueues again a due message whose task is gone, and nothing else: not one whose task
still waits, not one in its backoff, not one waiting behind an earlier message of its dossier."""

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from motcua.notices import outbox
from motcua.notices.models import Message

pytestmark = pytest.mark.django_db


def write(order_key: str = "") -> Message:
    with transaction.atomic():
        return outbox.queue(channel="portal", kind="portal_sync", payload={"n": 1}, order_key=order_key)


def test_only_lost_messages_are_enqueued_again():
    waiting = write()
    lost = write()
    first, behind = write("portal:1"), write("portal:1")
    DBTaskResult.objects.filter(id__in=[lost.task_id, first.task_id, behind.task_id]).delete()
    assert outbox.sweep() == 2  # `lost` and `first`; `behind` goes once `first` is settled
    lost.refresh_from_db()
    first.refresh_from_db()
    assert DBTaskResult.objects.filter(id__in=[lost.task_id, first.task_id], status="READY").count() == 2
    assert outbox.sweep() == 0  # their new tasks wait now
    waiting.refresh_from_db()
    assert DBTaskResult.objects.filter(id=waiting.task_id, status="READY").exists()
