"""More than 20 wrong tries in a minute from one address are refused (429), even a right one after them, until
the next minute; the count is in the database, so every process of the site shares it."""

from datetime import timedelta

import pytest
from django.test import Client
from rest_framework.test import APIClient

from motcua.portal import ratelimit
from motcua.portal.models import TrackingFailure
from tests.factories.dossiers import vn

from .conftest import track_url

pytestmark = pytest.mark.django_db


def wrong(client, dossier):
    return client.get(track_url(dossier, secret="ZZZZZZ"))


def right(client, dossier):
    return client.get(track_url(dossier, secret=dossier.lookup_secret))


def test_the_twenty_first_wrong_try_and_a_right_one_after_it_are_refused_until_the_next_minute(
    client, dossier, frozen_clock
):
    frozen_clock.set(vn(2026, 3, 2, 10, 0) + timedelta(seconds=5))
    for _ in range(20):
        assert wrong(client, dossier).status_code == 404
    refused = wrong(client, dossier)
    assert refused.status_code == 429
    assert "Bạn đã nhập sai quá nhiều lần" in refused.content.decode()
    assert refused["Retry-After"] == "55"
    frozen_clock.advance(timedelta(seconds=50))  # 10:00:55, the same minute
    also_refused = right(client, dossier)
    assert also_refused.status_code == 429
    assert "N.V.A." not in also_refused.content.decode()
    frozen_clock.advance(timedelta(seconds=5))  # 10:01:00, the next minute
    assert right(client, dossier).status_code == 200


def test_right_tries_do_not_count(client, dossier, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 10, 0))
    for _ in range(30):
        assert right(client, dossier).status_code == 200
    assert wrong(client, dossier).status_code == 404


def test_another_address_is_not_refused(client, dossier, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 10, 0))
    for _ in range(21):
        wrong(client, dossier)
    assert wrong(client, dossier).status_code == 429
    assert right(Client(REMOTE_ADDR="198.51.100.20"), dossier).status_code == 200


def test_the_web_page_and_the_api_share_the_count(client, dossier, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 10, 0))
    for _ in range(20):
        wrong(client, dossier)
    api = APIClient(REMOTE_ADDR="203.0.113.7")
    response = api.get(f"/api/v1/public/track/{dossier.code}", {"secret": dossier.lookup_secret})
    assert response.status_code == 429
    assert "Bạn đã nhập sai quá nhiều lần" in response.json()["detail"]


def test_forwarded_addresses_are_ignored_unless_the_site_is_behind_a_proxy(dossier, frozen_clock, settings):
    frozen_clock.set(vn(2026, 3, 2, 10, 0))
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    for number in range(21):  # a client cannot escape the limit by writing its own X-Forwarded-For
        proxy.get(track_url(dossier, secret="ZZZZZZ"), HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    assert right(proxy, dossier).status_code == 429
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Behind the proxy, the last forwarded address is the client the proxy saw (earlier ones: the client's).
    ok = proxy.get(
        track_url(dossier, secret=dossier.lookup_secret), HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.7"
    )
    assert ok.status_code == 200


def test_an_ipv6_client_is_counted_by_its_network(rf, settings):
    one = rf.get("/", REMOTE_ADDR="2001:db8:1:2::1")
    other = rf.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")
    assert ratelimit.client_address(one) == ratelimit.client_address(other) == "2001:db8:1:2::/64"
    assert ratelimit.client_address(rf.get("/", REMOTE_ADDR="::ffff:192.0.2.1")) == "192.0.2.1"


def test_past_minutes_are_forgotten(client, dossier, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 10, 0))
    wrong(client, dossier)
    frozen_clock.set(vn(2026, 3, 2, 10, 3))
    wrong(Client(REMOTE_ADDR="198.51.100.20"), dossier)
    assert list(TrackingFailure.objects.values_list("address", "failures")) == [("198.51.100.20", 1)]
