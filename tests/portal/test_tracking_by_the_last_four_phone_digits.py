"""Without the receipt, the last four digits of the applicant's phone open the dossier too."""

from dataclasses import replace

import pytest

from motcua.dossiers import services
from motcua.portal.models import TrackingFailure
from tests.factories.dossiers import intake

from .conftest import track_url

pytestmark = pytest.mark.django_db


def test_the_last_four_digits_open_the_dossier(client, dossier):
    response = client.get(track_url(dossier, phone="3456"))  # the applicant's phone is 0905123456
    assert response.status_code == 200
    assert "N.V.A." in response.content.decode()
    assert "0905123456" not in response.content.decode()


def test_other_digits_do_not(client, dossier):
    assert client.get(track_url(dossier, phone="1234")).status_code == 404
    assert client.get(track_url(dossier, phone="0905")).status_code == 404


def test_a_malformed_number_is_a_form_error_not_a_wrong_try(client, dossier):
    response = client.get(track_url(dossier, phone="56"))
    assert response.status_code == 400
    assert "Nhập đúng bốn chữ số" in response.content.decode()
    assert not TrackingFailure.objects.exists()


def test_a_dossier_without_a_phone_cannot_be_opened_by_digits(client, world, frozen_clock):
    filed = intake(world)
    filed = replace(filed, applicant=replace(filed.applicant, phone=""))
    dossier = services.submit(filed, world.desk)
    assert client.get(track_url(dossier, phone="0000")).status_code == 404
    assert client.get(track_url(dossier, secret=dossier.lookup_secret)).status_code == 200
