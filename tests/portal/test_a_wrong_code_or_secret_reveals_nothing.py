"""An unknown code and a known code with a wrong secret get the same answer: no probing which codes exist."""

import re

import pytest
from rest_framework.test import APIClient

from .conftest import track_url

pytestmark = pytest.mark.django_db

UNKNOWN = "000.31.34.H34-260302-9999"


def without(text: str, *values: str) -> str:
    """The page without what differs by nature: the code typed in, and the form's CSRF token."""
    for value in values:
        text = text.replace(value, "…")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)


def test_the_page_is_the_same_for_an_unknown_code_and_a_wrong_secret(client, dossier):
    wrong_secret = client.get(track_url(dossier, secret="ZZZZZZ"))
    unknown = client.get(f"/track/{UNKNOWN}/?secret=ZZZZZZ")
    assert wrong_secret.status_code == unknown.status_code == 404
    assert "Không tìm thấy hồ sơ" in unknown.content.decode()
    assert without(wrong_secret.content.decode(), dossier.code) == without(unknown.content.decode(), UNKNOWN)
    assert "N.V.A." not in wrong_secret.content.decode()


def test_the_api_answers_the_same_for_both(dossier):
    api = APIClient()
    wrong_secret = api.get(f"/api/v1/public/track/{dossier.code}", {"secret": "ZZZZZZ"})
    unknown = api.get(f"/api/v1/public/track/{UNKNOWN}", {"secret": "ZZZZZZ"})
    assert wrong_secret.status_code == unknown.status_code == 404
    assert wrong_secret.json() == unknown.json()
    assert wrong_secret.content == unknown.content


def test_a_wrong_phone_number_is_not_found_either(client, dossier):
    response = client.get(track_url(dossier, phone="0000"))
    assert response.status_code == 404
    assert "Không tìm thấy hồ sơ" in response.content.decode()
