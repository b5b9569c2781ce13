"""/office/ratings/: the scores of a period per agency and per officer with their band, and the ratings."""

import pytest
from django.urls import reverse

from motcua.ratings.models import Channel
from tests.factories.dossiers import make_world, vn
from tests.ratings.helpers import finished, rate

pytestmark = pytest.mark.django_db


def test_a_leader_sees_the_band_and_the_list(client, frozen_clock):
    world = make_world()
    dossier = finished(world, frozen_clock, vn(2026, 3, 2, 9), vn(2026, 3, 3, 9))
    rate(dossier, Channel.KIOSK, officer=world.desk)
    client.force_login(world.leader)
    period = {"agency": world.ward.pk, "start": "2026-03-01", "end": "2026-03-31"}
    page = client.get(reverse("ratings:summary"), period)
    assert page.status_code == 200
    html = page.content.decode()
    assert world.ward.name in html and world.desk.get_full_name() in html
    assert "18,0" in html and "Xuất sắc" in html  # Vietnamese decimal comma
    assert dossier.code in html


def test_the_default_period_is_the_quarter_so_far(client, frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 5, 20, 9))
    client.force_login(world.monitor)
    page = client.get(reverse("ratings:summary"))
    assert page.status_code == 200
    assert 'value="2026-04-01"' in page.content.decode() and 'value="2026-05-20"' in page.content.decode()


def test_desk_officers_do_not_see_it(client, frozen_clock):
    world = make_world()
    client.force_login(world.desk)
    assert client.get(reverse("ratings:summary")).status_code == 403
