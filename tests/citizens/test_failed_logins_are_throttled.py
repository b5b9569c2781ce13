from datetime import timedelta

import pytest
from django.urls import reverse

from .factories import PASSWORD, log_in, make_citizen

pytestmark = pytest.mark.django_db

LOCKED = "Đăng nhập sai quá nhiều lần"
WRONG = "không đúng"


def signed_in(client) -> bool:
    return client.get(reverse("citizens:account")).status_code == 200


@pytest.fixture
def citizen():
    return make_citizen(email="an@example.com")


def fail(client, times, identifier="an@example.com", address="203.0.113.7"):
    for _ in range(times):
        log_in(client, identifier, "sai-mat-khau", REMOTE_ADDR=address)


def test_five_failures_lock_the_account_from_that_address(client, citizen, frozen_clock):
    fail(client, 4)
    page = log_in(client, "an@example.com", "sai-mat-khau", REMOTE_ADDR="203.0.113.7").content.decode()
    assert LOCKED in page
    # even the right password is refused now, with the time to come back
    page = log_in(client, "an@example.com", PASSWORD, REMOTE_ADDR="203.0.113.7").content.decode()
    assert LOCKED in page and "Vui lòng thử lại sau" in page
    assert not signed_in(client)


def test_the_lock_lifts_after_fifteen_minutes(client, citizen, frozen_clock):
    fail(client, 5)
    frozen_clock.advance(timedelta(minutes=14, seconds=59))
    assert LOCKED in log_in(client, "an@example.com", PASSWORD, REMOTE_ADDR="203.0.113.7").content.decode()
    frozen_clock.advance(timedelta(seconds=2))
    response = log_in(client, "an@example.com", PASSWORD, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    assert signed_in(client)


def test_another_address_may_still_log_in(client, citizen, frozen_clock):
    fail(client, 5)
    assert log_in(client, "an@example.com", PASSWORD, REMOTE_ADDR="198.51.100.9").status_code == 302


def test_an_unknown_account_is_locked_with_the_same_words(client, citizen, frozen_clock):
    fail(client, 5)
    fail(client, 5, identifier="khong-co@example.com")
    known = log_in(client, "an@example.com", "x", REMOTE_ADDR="203.0.113.7").content.decode()
    unknown = log_in(client, "khong-co@example.com", "x", REMOTE_ADDR="203.0.113.7").content.decode()
    assert LOCKED in known and LOCKED in unknown
    first = log_in(client, "ai-do@example.com", "x", REMOTE_ADDR="192.0.2.1").content.decode()
    assert WRONG in first and LOCKED not in first


def test_twenty_failures_from_one_address_lock_that_address(client, frozen_clock):
    make_citizen(email="binh@example.com")
    for number in range(20):
        log_in(client, f"nguoi{number}@example.com", "sai", REMOTE_ADDR="203.0.113.50")
    page = log_in(client, "binh@example.com", PASSWORD, REMOTE_ADDR="203.0.113.50").content.decode()
    assert LOCKED in page
    assert log_in(client, "binh@example.com", PASSWORD, REMOTE_ADDR="203.0.113.51").status_code == 302
    frozen_clock.advance(timedelta(minutes=15, seconds=1))
    assert log_in(client, "binh@example.com", PASSWORD, REMOTE_ADDR="203.0.113.50").status_code == 302


def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock(client, citizen, frozen_clock):
    for _ in range(5):
        fail(client, 1)
        frozen_clock.advance(timedelta(minutes=4))
    assert log_in(client, "an@example.com", PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 302


def test_a_success_clears_the_failures_of_that_pair(client, citizen, frozen_clock):
    fail(client, 4)
    assert log_in(client, "an@example.com", PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 302
    client.post(reverse("citizens:logout"))
    fail(client, 1)
    assert log_in(client, "an@example.com", PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 302
