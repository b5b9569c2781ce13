"""Visitors like or dislike a published answer once each (a signed cookie), and a network address casts at
most a few votes per answer per day whatever its cookies (the address is kept only as a keyed hash)."""

import pytest
from django.test import Client
from django.urls import reverse

from motcua.feedback import services
from motcua.feedback.lifecycle import State
from motcua.feedback.models import Vote
from motcua.feedback.public import VISITOR_COOKIE
from tests.factories.feedback import in_state, make_world, vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def answer(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    return in_state(world, frozen_clock, State.PUBLISHED)


def test_a_visitor_votes_once(answer):
    services.vote(answer, kind="like", visitor="v1", address="203.0.113.5")
    with pytest.raises(services.VoteRefused):
        services.vote(answer, kind="dislike", visitor="v1", address="198.51.100.7")
    answer.refresh_from_db()
    assert (answer.likes, answer.dislikes) == (1, 0)


def test_a_network_address_has_a_daily_limit_per_answer(answer, frozen_clock):
    for number in range(services.VOTES_PER_ADDRESS_PER_DAY):
        services.vote(answer, kind="dislike", visitor=f"v{number}", address="203.0.113.5")
    with pytest.raises(services.VoteRefused):
        services.vote(answer, kind="dislike", visitor="cleared-cookies", address="203.0.113.5")
    services.vote(answer, kind="like", visitor="elsewhere", address="198.51.100.7")
    frozen_clock.set(vn(2026, 3, 3, 9))  # the next day
    services.vote(answer, kind="dislike", visitor="cleared-cookies", address="203.0.113.5")
    answer.refresh_from_db()
    assert (answer.likes, answer.dislikes) == (1, services.VOTES_PER_ADDRESS_PER_DAY + 1)
    assert not Vote.objects.filter(address_hash="203.0.113.5").exists()


def test_only_published_answers_take_votes(frozen_clock):
    world = make_world()
    frozen_clock.set(vn(2026, 3, 2, 9))
    feedback = in_state(world, frozen_clock, State.ANSWERED)
    with pytest.raises(services.WrongState):
        services.vote(feedback, kind="like", visitor="v1", address="203.0.113.5")


def test_the_public_page_remembers_the_visitor_by_a_signed_cookie(answer):
    browser = Client(REMOTE_ADDR="203.0.113.5")
    url = reverse("feedback:vote", args=[answer.code])
    response = browser.post(url, {"kind": "like"})
    assert response.status_code == 302
    cookie = response.cookies[VISITOR_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    page = browser.get(reverse("feedback:published", args=[answer.code])).content.decode()
    assert "Bạn đã hài lòng với câu trả lời này" in page
    assert 'name="kind"' not in page

    again = browser.post(url, {"kind": "dislike"}, follow=True).content.decode()
    assert "Bạn đã cho ý kiến về câu trả lời này" in again
    answer.refresh_from_db()
    assert (answer.likes, answer.dislikes) == (1, 0)


def test_a_forged_cookie_is_a_new_visitor_on_the_same_address(answer):
    browser = Client(REMOTE_ADDR="203.0.113.5")
    url = reverse("feedback:vote", args=[answer.code])
    browser.post(url, {"kind": "like"})
    forged = Client(REMOTE_ADDR="203.0.113.5")
    forged.cookies[VISITOR_COOKIE] = browser.cookies[VISITOR_COOKIE].value.replace(":", ";")
    forged.post(url, {"kind": "like"})
    assert Vote.objects.filter(feedback=answer).count() == 2  # a new token, counted against the address
