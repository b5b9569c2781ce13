"""The rating page and the public API answer a wrong secret exactly as they answer a code that does not exist:
the same status, the same words, nothing about the dossier."""

import re

import pytest
from django.urls import reverse

from motcua.ratings.models import Rating
from tests.factories.dossiers import make_world, received, vn
from tests.ratings.helpers import BEST

pytestmark = pytest.mark.django_db
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def page(client, code, secret):
    response = client.get(reverse("ratings:rate", args=[code]), {"secret": secret})
    html = CSRF.sub("<token>", response.content.decode())  # the language switch's token changes every time
    return response.status_code, html.replace(code, "<code>")


def test_the_page_for_a_wrong_secret_is_the_page_for_no_dossier(client, frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    wrong_secret = page(client, dossier.code, "ZZZZZZ")
    no_dossier = page(client, "000.31.34.H34-260302-9999", "ZZZZZZ")
    assert wrong_secret[0] == 404
    assert wrong_secret == no_dossier
    assert page(client, dossier.code, "")[0] == 404
    for private in (world.version.name, "Nguyễn Văn An", world.ward.name, dossier.lookup_secret):
        assert private not in wrong_secret[1]


def test_a_wrong_secret_cannot_post_a_rating(client, frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    answers = {**BEST, "overall": "satisfied", "secret": "ZZZZZZ"}
    response = client.post(reverse("ratings:rate", args=[dossier.code]), answers)
    assert response.status_code == 404
    assert not Rating.objects.exists()


def test_the_api_answers_a_wrong_secret_as_a_missing_dossier(client, frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    url = reverse("public-ratings")

    def post(code, secret):
        body = {"code": code, "secret": secret, "overall": "satisfied", "answers": BEST}
        response = client.post(url, body, content_type="application/json")
        return response.status_code, response.json()

    assert post(dossier.code, "ZZZZZZ") == post("000.31.34.H34-260302-9999", "ZZZZZZ")
    assert post(dossier.code, "ZZZZZZ")[0] == 404
    assert not Rating.objects.exists()


def test_the_secret_is_read_as_printed(client, frozen_clock):
    """Typed in lower case or with spaces around it, the secret from the receipt still opens the page."""
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    response = client.get(
        reverse("ratings:rate", args=[dossier.code]), {"secret": f" {dossier.lookup_secret.lower()} "}
    )
    assert response.status_code == 200
