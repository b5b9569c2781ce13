import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from motcua.org.models import Role
from tests.factories.dossiers import make_world
from tests.factories.org import MembershipFactory, UserFactory


@pytest.fixture
def world(db):
    return make_world()


def system_account(username: str, agency, *roles: str):
    """A service account (another system) holding `roles` in `agency`."""
    user = UserFactory(username=username)
    for role in roles:
        MembershipFactory(user=user, agency=agency, role=role)
    return user


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


ALL_WARD_ROLES = (Role.DESK_OFFICER, Role.SPECIALIST, Role.LEADER, Role.ADMINISTRATOR)


@pytest.fixture
def ward_system(world):
    """The ward's own case-management system: every role in the ward, nothing elsewhere."""
    return system_account("he-thong-phuong", world.ward, *ALL_WARD_ROLES)


@pytest.fixture
def api(ward_system) -> APIClient:
    return token_client(ward_system)
