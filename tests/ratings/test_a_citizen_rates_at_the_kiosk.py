"""The kiosk: a desk officer logged in on the tablet picks the dossier just served (or types its code); the
citizen answers with big buttons, without logging in; the kiosk thanks and goes back to its welcome screen."""

import pytest
from django.urls import reverse

from motcua.dossiers import services as dossiers
from motcua.ratings.models import Channel, Rating
from tests.factories.dossiers import make_world, received, vn
from tests.factories.org import AgencyFactory, staff
from tests.ratings.helpers import BEST, finished

pytestmark = pytest.mark.django_db


def test_the_officer_picks_the_dossier_just_served_and_the_citizen_rates_it(client, frozen_clock):
    world = make_world()
    dossier = finished(world, frozen_clock, vn(2026, 3, 2, 9), vn(2026, 3, 3, 9))
    frozen_clock.set(vn(2026, 3, 3, 10))
    dossiers.return_result(dossier, world.desk)
    client.force_login(world.desk)

    welcome = client.get(reverse("ratings:kiosk"))
    assert welcome.status_code == 200
    html = welcome.content.decode()
    assert dossier.code in html
    assert 'href="/office/' not in html.replace(
        'href="/office/ratings/kiosk/', ""
    )  # no way out for the citizen

    picked = client.post(reverse("ratings:kiosk"), {"code": dossier.code})
    assert picked.status_code == 302 and picked.url == reverse("ratings:kiosk-rate", args=[dossier.code])
    questions = client.get(picked.url).content.decode()
    assert "Thái độ của cán bộ" in questions and 'class="face face-good"' in questions

    done = client.post(picked.url, {**BEST, "attitude": 1, "overall": "satisfied"})
    assert done.status_code == 302 and done.url == reverse("ratings:kiosk-thanks")
    thanks = client.get(done.url).content.decode()
    assert f'content="6;url={reverse("ratings:kiosk")}"' in thanks  # back to the welcome screen

    rating = Rating.objects.get()
    assert (rating.channel, rating.officer, rating.agency) == (Channel.KIOSK, world.desk, world.ward)
    assert rating.answers.get(indicator__code="attitude").points == 1
    assert dossier.code not in client.get(reverse("ratings:kiosk")).content.decode()


def test_the_code_can_be_typed_and_a_second_kiosk_rating_is_refused(client, frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    client.force_login(world.desk)
    url = reverse("ratings:kiosk-rate", args=[dossier.code])
    assert client.post(url, {**BEST, "overall": "very_satisfied"}).status_code == 302
    again = client.post(reverse("ratings:kiosk"), {"code": f" {dossier.code} "})
    assert again.status_code == 400
    assert client.get(url).status_code == 409
    assert Rating.objects.count() == 1


def test_only_a_desk_officer_of_the_receiving_agency_opens_the_kiosk(client, frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    url = reverse("ratings:kiosk-rate", args=[dossier.code])
    assert client.get(reverse("ratings:kiosk")).status_code == 302  # to the login page
    client.force_login(world.specialist)
    assert client.get(reverse("ratings:kiosk")).status_code == 403
    elsewhere = staff("desk_officer", AgencyFactory(parent=world.province, commune=True), username="tnkhac")
    client.force_login(elsewhere)
    assert client.get(url).status_code == 404
    assert client.post(url, {**BEST, "overall": "satisfied"}).status_code == 404
    assert not Rating.objects.exists()
