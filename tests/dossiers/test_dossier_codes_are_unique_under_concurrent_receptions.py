"""Many desks receiving at once at one agency get distinct, consecutive codes and one event each."""

import threading

import pytest
from django.db import connection, connections

from motcua.dossiers import services
from motcua.dossiers.models import Dossier, DossierEvent
from tests.factories.dossiers import intake, make_world, vn

pytestmark = pytest.mark.django_db(transaction=True)


def test_concurrent_receptions_get_consecutive_codes(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    count = 50 if connection.vendor == "postgresql" else 20
    start = threading.Barrier(count)
    errors = []

    def desk():
        try:
            start.wait()
            dossier = services.submit(intake(world), world.desk)
            services.receive(dossier, world.desk)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=desk) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    codes = sorted(Dossier.objects.values_list("code", flat=True))
    assert codes == [f"000.31.34.H34-260302-{n:04d}" for n in range(1, count + 1)]
    assert DossierEvent.objects.filter(action="receive").count() == count
