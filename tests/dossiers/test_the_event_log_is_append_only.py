"""Every state change is an event with its actor and server time; nobody can rewrite or backdate it."""

import inspect

import pytest
from django.db import DatabaseError, transaction

from motcua.dossiers import services
from motcua.dossiers.models import DossierEvent
from motcua.org.models import Role
from tests.factories.dossiers import at_step, make_world, received, vn

pytestmark = pytest.mark.django_db


def test_the_database_refuses_to_change_an_event(frozen_clock):
    dossier = received(make_world(), frozen_clock, vn(2026, 3, 2, 9))
    with pytest.raises(DatabaseError), transaction.atomic():
        DossierEvent.objects.filter(dossier=dossier).update(at=vn(2026, 1, 1, 9))
    event = dossier.events.first()
    with pytest.raises(RuntimeError):
        event.save()
    with pytest.raises(RuntimeError):
        event.delete()
    assert dossier.events.first().at == vn(2026, 3, 2, 9)


def test_one_event_per_change_numbered_like_the_version(frozen_clock):
    world = make_world()
    dossier = at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.LEADER)
    assert list(dossier.events.values_list("number", flat=True)) == list(range(1, dossier.version + 1))


def test_no_business_action_takes_a_time_from_its_caller():
    actions = [
        services.submit,
        services.receive,
        services.request_supplement,
        services.supplement,
        services.refuse,
        services.forward,
        services.send_back,
        services.request_payment,
        services.record_payment,
        services.finish,
        services.return_result,
        services.stop,
        services.withdraw,
        services.apologise,
        services.reschedule,
    ]
    for action in actions:
        names = set(inspect.signature(action).parameters)
        assert not names & {"at", "now", "time", "when", "received_at", "finished_at"}, action.__name__


def test_a_stale_page_cannot_overwrite_a_newer_change(frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    seen = dossier.version
    services.forward(dossier, world.desk, expected_version=seen)
    with pytest.raises(services.StaleVersion):
        services.forward(dossier, world.desk, expected_version=seen)
