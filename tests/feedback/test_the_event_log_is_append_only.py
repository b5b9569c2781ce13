"""The history of a feedback cannot be rewritten: the model refuses, and so does the database itself."""

import pytest
from django.db import DatabaseError, transaction

from motcua.feedback.models import FeedbackEvent
from tests.factories.feedback import make_world, sent, vn

pytestmark = pytest.mark.django_db


def test_an_event_cannot_be_changed_or_deleted(frozen_clock):
    world = make_world()
    feedback = sent(world, frozen_clock, vn(2026, 3, 2, 9))
    event = feedback.events.get()
    event.note = "sửa lại"
    with pytest.raises(RuntimeError):
        event.save()
    with pytest.raises(RuntimeError):
        event.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        FeedbackEvent.objects.filter(pk=event.pk).update(at=vn(2026, 1, 1))
    event.refresh_from_db()
    assert event.at == vn(2026, 3, 2, 9)
