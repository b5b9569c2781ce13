"""A dossier is rated once online and once at the kiosk; a second rating through a channel is refused by the
service and, underneath, by a unique constraint of the database."""

import pytest
from django.db import IntegrityError, transaction

from motcua import clock
from motcua.ratings.errors import AlreadyRated
from motcua.ratings.models import Channel, Overall, Rating
from tests.factories.dossiers import make_world, received, vn
from tests.ratings.helpers import rate

pytestmark = pytest.mark.django_db


def test_a_second_online_rating_is_refused(frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    rate(dossier)
    with pytest.raises(AlreadyRated):
        rate(dossier, overall=Overall.NOT_SATISFIED)
    assert Rating.objects.filter(dossier=dossier).count() == 1
    assert Rating.objects.get(dossier=dossier).overall == Overall.SATISFIED


def test_the_kiosk_and_the_online_page_each_rate_once(frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    rate(dossier, Channel.KIOSK, officer=world.desk)
    rate(dossier, Channel.ONLINE)
    with pytest.raises(AlreadyRated):
        rate(dossier, Channel.KIOSK, officer=world.desk)
    assert sorted(dossier.ratings.values_list("channel", flat=True)) == ["kiosk", "online"]


def test_the_database_refuses_a_second_rating_through_the_same_channel(frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    rate(dossier, Channel.KIOSK, officer=world.desk)
    with pytest.raises(IntegrityError), transaction.atomic():
        Rating.objects.create(
            dossier=dossier,
            channel=Channel.KIOSK,
            agency=world.ward,
            officer=world.desk,
            overall=Overall.VERY_SATISFIED,
            submitted_at=clock.now(),
        )
    assert Rating.objects.filter(dossier=dossier).count() == 1
