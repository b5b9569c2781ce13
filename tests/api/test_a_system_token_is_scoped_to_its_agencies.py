"""A system's token acts as a service account: it sees and acts where its memberships allow, and another
agency's dossier does not exist for it (404, never 403: existence is not leaked)."""

import pytest
from rest_framework.test import APIClient

from motcua.dossiers import services
from motcua.org.models import Role
from tests.factories.dossiers import intake, vn
from tests.factories.org import AgencyFactory, staff

from .conftest import ALL_WARD_ROLES, system_account, token_client
from .helpers import submission, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_ward(world):
    return AgencyFactory(
        parent=world.province, commune=True, code="000.32.34.H34", name="Phường Bắc Nha Trang"
    )


@pytest.fixture
def elsewhere(world, other_ward, frozen_clock):
    """A dossier received by another ward, by that ward's own desk."""
    frozen_clock.set(vn(2026, 3, 2, 9))
    desk = staff(Role.DESK_OFFICER, other_ward, username="tiepnhan-bac")
    return services.receive(services.submit(intake(world, agency=other_ward), desk), desk)


def codes(response) -> list[str]:
    assert response.status_code == 200, response.json()
    return [row["code"] for row in response.json()["results"]]


def test_a_ward_system_lists_and_acts_on_its_wards_dossiers_only(api, world, elsewhere, frozen_clock):
    response = api.post(url(), submission(world), format="json")
    assert response.status_code == 201
    own = response.json()["code"]
    assert codes(api.get(url())) == [own]
    assert api.post(url(own, "receive"), format="json").json()["state"] == "received"


def test_another_wards_dossier_is_not_found_for_reading_or_acting(api, elsewhere):
    for response in (
        api.get(url(elsewhere.code)),
        api.get(url(elsewhere.code) + "events/"),
        api.post(url(elsewhere.code, "forward"), {}, format="json"),
        api.post(url(elsewhere.code, "withdraw"), {}, format="json"),
    ):
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
    assert api.get(url("KHONG-CO-HO-SO-NAY")).json() == api.get(url(elsewhere.code)).json()
    elsewhere.refresh_from_db()
    assert elsewhere.version == 2


def test_a_token_does_only_what_its_roles_allow(world, frozen_clock):
    """Visible but not permitted: 403 with the reason, and the dossier unchanged."""
    frozen_clock.set(vn(2026, 3, 2, 9))
    reader = token_client(system_account("he-thong-giam-sat", world.province, Role.MONITOR))
    dossier = services.submit(intake(world), world.desk)
    assert reader.get(url(dossier.code)).json()["actions"] == []
    response = reader.post(url(dossier.code, "receive"), format="json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "not_allowed"
    assert "Phường Nha Trang" in response.json()["error"]["message"]


def test_a_provincial_monitor_sees_every_ward_below(world, elsewhere, frozen_clock):
    monitor = token_client(system_account("he-thong-tinh", world.province, Role.MONITOR))
    assert codes(monitor.get(url())) == [elsewhere.code]


def test_a_desk_only_token_cannot_submit_for_another_ward(world, other_ward, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    desk = token_client(system_account("mot-cua-phuong", world.ward, Role.DESK_OFFICER))
    response = desk.post(url(), submission(world, receiving_agency=other_ward.code), format="json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "not_allowed"


def test_without_a_valid_token_nothing_is_answered(world, elsewhere):
    anonymous = APIClient()
    response = anonymous.get(url())
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["error"]["code"] == "not_authenticated"
    anonymous.credentials(HTTP_AUTHORIZATION="Token 0000000000000000000000000000000000000000")
    response = anonymous.get(url(elsewhere.code))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"


def test_an_inactive_membership_no_longer_opens_anything(world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    account = system_account("he-thong-cu", world.ward, *ALL_WARD_ROLES)
    client = token_client(account)
    dossier = services.submit(intake(world), world.desk)
    assert client.get(url(dossier.code)).status_code == 200
    account.memberships.update(is_active=False)
    assert client.get(url(dossier.code)).status_code == 404
