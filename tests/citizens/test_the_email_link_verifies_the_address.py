from datetime import timedelta

import pytest

from motcua.citizens import accounts

from .factories import last_message, link_in, make_citizen

pytestmark = pytest.mark.django_db


def test_the_link_in_the_email_confirms_the_address(client):
    citizen = make_citizen(email="an@example.com", verified=False)
    accounts.send_email_verification(citizen)
    response = client.get(link_in(last_message("email", "an@example.com")))
    assert response.status_code == 200
    assert "đã được xác nhận" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.email_verified


def test_the_link_expires_after_24_hours(client, frozen_clock):
    citizen = make_citizen(email="an@example.com", verified=False)
    accounts.send_email_verification(citizen)
    frozen_clock.advance(timedelta(hours=24, minutes=1))
    response = client.get(link_in(last_message("email", "an@example.com")))
    assert response.status_code == 400
    assert "không đúng hoặc đã hết hạn" in response.content.decode()
    citizen.refresh_from_db()
    assert not citizen.email_verified


def test_a_tampered_link_confirms_nothing(client):
    citizen = make_citizen(email="an@example.com", verified=False)
    accounts.send_email_verification(citizen)
    path = link_in(last_message("email", "an@example.com"))
    assert client.get(path[:-3] + "xx/").status_code == 400
    citizen.refresh_from_db()
    assert not citizen.email_verified


def test_a_link_for_an_address_since_changed_confirms_nothing(client):
    citizen = make_citizen(email="an@example.com", verified=False)
    accounts.send_email_verification(citizen)
    path = link_in(last_message("email", "an@example.com"))
    citizen.email = "binh@example.com"
    citizen.save()
    assert client.get(path).status_code == 400
    citizen.refresh_from_db()
    assert not citizen.email_verified
