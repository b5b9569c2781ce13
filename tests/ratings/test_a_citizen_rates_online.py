"""The link printed on the slips opens a page without JavaScript where the citizen answers the questions and
the overall satisfaction, once; then thanks. Rating opens at reception and closes 30 days after return."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse

from motcua.dossiers import services as dossiers
from motcua.ratings.models import Channel, Policy, Rating
from motcua.ratings.selectors import rating_url
from tests.factories.dossiers import intake, make_world, received, vn
from tests.ratings.helpers import BEST, finished, returned

pytestmark = pytest.mark.django_db


def form(dossier, **changes):
    return {**BEST, "overall": "very_satisfied", "secret": dossier.lookup_secret, **changes}


def test_the_printed_link_opens_the_questions(client, frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    with override_settings(MOTCUA_PUBLIC_URL="https://dichvucong.example.vn"):
        url = rating_url(dossier)
    assert url == f"https://dichvucong.example.vn/rate/{dossier.code}/?secret={dossier.lookup_secret}"
    page = client.get(url.removeprefix("https://dichvucong.example.vn"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<script" not in html
    assert dossier.code in html and world.version.name in html
    # The legal text of each indicator is data, in Vietnamese; the citizen answers 3 to 9, not 1 and 2.
    assert "Thái độ của cán bộ, công chức, viên chức khi hướng dẫn lập hồ sơ" in html
    assert 'name="attitude"' in html and 'name="contacts"' in html and 'name="overall"' in html
    assert 'name="total_time"' not in html
    assert html.count('type="radio"') == 3 * 7 + 3


def test_answers_are_recorded_once_and_then_thanks(client, frozen_clock):
    world = make_world()
    dossier = finished(world, frozen_clock, vn(2026, 3, 2, 9), vn(2026, 3, 3, 9))
    dossier = returned(world, frozen_clock, dossier, vn(2026, 3, 3, 10))
    response = client.post(
        reverse("ratings:rate", args=[dossier.code]), form(dossier, attitude=1, contacts=2)
    )
    assert response.status_code == 302 and response.url == reverse("ratings:thanks")
    assert client.get(response.url).status_code == 200
    rating = Rating.objects.get()
    assert (rating.channel, rating.overall, rating.officer) == (Channel.ONLINE, "very_satisfied", world.desk)
    assert {a.indicator.code: a.points for a in rating.answers.all()} == {
        "total_time": 2,
        "agencies_time": 2,
        "contacts": 1,
        "agencies_contacted": 2,
        "one_stop": 2,
        "publicity": 2,
        "attitude": 1,
        "feedback": 2,
        "online_services": 2,
    }
    again = client.get(reverse("ratings:rate", args=[dossier.code]), {"secret": dossier.lookup_secret})
    assert again.status_code == 409
    posted_again = client.post(reverse("ratings:rate", args=[dossier.code]), form(dossier))
    assert posted_again.status_code == 409
    assert Rating.objects.count() == 1


def test_a_missing_answer_is_asked_again_with_the_others_kept(client, frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    answers = form(dossier)
    del answers["attitude"]
    response = client.post(reverse("ratings:rate", args=[dossier.code]), answers)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-attitude"' in html
    assert 'id="q-publicity-2" value="2" checked' in html
    assert not Rating.objects.exists()


def test_rating_is_not_open_before_reception(client, frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    waiting = dossiers.submit(intake(world), world.desk)
    response = client.get(reverse("ratings:rate", args=[waiting.code]), {"secret": waiting.lookup_secret})
    assert response.status_code == 409
    assert client.post(reverse("ratings:rate", args=[waiting.code]), form(waiting)).status_code == 409
    assert not Rating.objects.exists()


def test_rating_closes_thirty_days_after_the_return_by_default(client, frozen_clock):
    world = make_world()
    dossier = finished(world, frozen_clock, vn(2026, 3, 2, 9), vn(2026, 3, 3, 9))
    dossier = returned(world, frozen_clock, dossier, vn(2026, 3, 3, 10))
    url = reverse("ratings:rate", args=[dossier.code])
    frozen_clock.set(vn(2026, 3, 3, 10) + timedelta(days=30))
    assert client.get(url, {"secret": dossier.lookup_secret}).status_code == 200
    frozen_clock.advance(timedelta(minutes=1))
    assert client.get(url, {"secret": dossier.lookup_secret}).status_code == 409
    Policy.objects.filter(pk=1).update(open_days_after_return=60)
    assert client.post(url, form(dossier)).status_code == 302


def test_the_entry_form_leads_to_the_questions(client, frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    assert client.get(reverse("ratings:entry")).status_code == 200
    response = client.get(reverse("ratings:entry"), {"code": dossier.code, "secret": dossier.lookup_secret})
    assert response.status_code == 302
    assert client.get(response.url).status_code == 200
