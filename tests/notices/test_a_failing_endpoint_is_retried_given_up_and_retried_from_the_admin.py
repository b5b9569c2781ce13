"""A message to an endpoint that keeps failing is tried again after growing delays, given up after the
configured number of tries, and sent again by the admin's “Retry now”; every try is in the attempts table."""

from datetime import timedelta

import pytest
from django.urls import reverse

from motcua.notices.models import Message, Status
from tests.factories.dossiers import make_world, received, vn

from .helpers import deliver_until_settled

pytestmark = pytest.mark.django_db


def test_backoff_then_dead_then_retry_now_from_the_admin(frozen_clock, portal, settings, admin_client):
    settings.MOTCUA_OUTBOX_MAX_ATTEMPTS = 3
    settings.MOTCUA_OUTBOX_BACKOFF_SECONDS = 0.2
    portal.fail_status = 503
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    synced = Message.objects.filter(channel="portal", dossier=dossier).order_by("pk")
    assert [message.event.action for message in synced] == ["submit", "receive"]

    deliver_until_settled(synced)

    first, second = synced.all()
    assert first.status == Status.DEAD and first.attempts == 3
    attempts = list(first.attempt_set.order_by("pk"))
    assert [attempt.outcome for attempt in attempts] == ["failed", "failed", "gave_up"]
    assert all(attempt.error.startswith("HTTP 503") for attempt in attempts)
    assert first.last_error.startswith("HTTP 503")
    # Exponential backoff: 0.2 s after the first failure, 0.4 s after the second; none after the last.
    assert attempts[0].retry_at - attempts[0].finished_at == timedelta(seconds=0.2)
    assert attempts[1].retry_at - attempts[1].finished_at == timedelta(seconds=0.4)
    assert attempts[2].retry_at is None
    assert attempts[1].started_at >= attempts[0].retry_at and attempts[2].started_at >= attempts[1].retry_at
    # The receive's sync waited behind the submit's, then was tried on its own once the first gave up.
    assert second.status == Status.DEAD and second.attempt_set.count() == 3
    assert portal.records == {}

    page = admin_client.get(reverse("admin:notices_message_change", args=[first.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Các lần gửi" in text and "lỗi, sẽ thử lại" in text and "lỗi, hết số lần thử" in text
    assert "HTTP 503" in text

    portal.fail_status = None
    answer = admin_client.post(
        reverse("admin:notices_message_changelist"),
        {"action": "retry_now", "_selected_action": [message.pk for message in synced]},
        follow=True,
    )
    assert "Sẽ gửi lại ngay 2 tin." in answer.content.decode()
    assert [message.status for message in synced.all()] == [Status.PENDING, Status.PENDING]

    deliver_until_settled(synced)

    assert [message.status for message in synced.all()] == [Status.DELIVERED, Status.DELIVERED]
    assert [message.attempt_set.count() for message in synced.all()] == [4, 4]
    assert sorted(portal.records) == sorted(message.key for message in synced.all())
    assert [record["payload"]["TrangThaiHoSo"] for record in portal.records.values()] == [1, 2]
    assert portal.duplicates == 0


def test_a_refusal_is_not_retried(frozen_clock, portal):
    portal.fail_status = 400
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    synced = Message.objects.filter(channel="portal", dossier=dossier)
    deliver_until_settled(synced)
    assert [message.status for message in synced.all()] == [Status.DEAD, Status.DEAD]
    assert [message.attempt_set.get().outcome for message in synced.all()] == ["rejected", "rejected"]
