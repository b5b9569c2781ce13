"""`motcua api-token create|revoke USERNAME`: the token another system uses, made, rotated and revoked."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from motcua.org.models import Role
from tests.factories.org import MembershipFactory

from .helpers import url

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("api-token", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue().strip()


def client_with(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_new_account_gets_a_token_that_opens_the_api(world):
    key, warning = run("create", "he-thong-mot-cua", "--new-account")
    account = get_user_model().objects.get(username="he-thong-mot-cua")
    assert not account.has_usable_password()
    assert "không có vai trò" in warning
    assert Token.objects.get(user=account).key == key
    MembershipFactory(user=account, agency=world.ward, role=Role.DESK_OFFICER)
    assert client_with(key).get(url()).status_code == 200


def test_creating_again_rotates_the_token(world):
    first, _ = run("create", "he-thong", "--new-account")
    second, _ = run("create", "he-thong")
    assert first != second
    assert client_with(first).get(url()).status_code == 401
    assert client_with(second).get(url()).status_code == 200


def test_revoking_closes_the_api(world):
    key, _ = run("create", "he-thong", "--new-account")
    assert "thu hồi" in run("revoke", "he-thong")[0]
    assert client_with(key).get(url()).status_code == 401
    assert "không có mã" in run("revoke", "he-thong")[0]


def test_an_unknown_account_is_not_created_by_accident(world):
    with pytest.raises(CommandError, match="--new-account"):
        run("create", "he-thong-go-nham")
    assert not get_user_model().objects.filter(username="he-thong-go-nham").exists()
