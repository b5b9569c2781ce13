"""Login with VNeID (OpenID Connect) against a local provider (oidc_provider.py)."""

import urllib.parse

import pytest
from django.urls import reverse

from motcua.citizens.models import Citizen, IdentitySource
from motcua.citizens.oidc import client as oidc_client
from motcua.citizens.selectors import authenticated_with_vneid
from motcua.citizens.vneid import SESSION_KEY

from .factories import log_in, make_citizen
from .oidc_provider import CLIENT_ID, follow_authorize

pytestmark = pytest.mark.django_db

REFUSED = "không xác minh được"


def start(client, url=None) -> str:
    response = client.get(url or reverse("citizens:vneid-login"))
    assert response.status_code == 302, response.content
    return response.url


def callback_of(location: str) -> str:
    parts = urllib.parse.urlsplit(location)
    return f"{parts.path}?{parts.query}"


def vneid_login(client):
    authorize = start(client)
    return client.get(callback_of(follow_authorize(authorize)))


def signed_in(client) -> bool:
    return client.get(reverse("citizens:account")).status_code == 200


def test_the_authorization_request_uses_pkce_state_and_nonce(client, oidc_provider):
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(start(client)).query))
    assert query["response_type"] == "code"
    assert query["client_id"] == CLIENT_ID
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) == 43
    assert len(query["state"]) >= 32 and len(query["nonce"]) >= 32
    assert query["redirect_uri"].endswith("/citizen/vneid/callback/")
    assert query["scope"].split()[0] == "openid"


def test_a_first_login_creates_a_citizen_linked_to_the_subject(client, oidc_provider):
    response = vneid_login(client)
    assert response.status_code == 302
    citizen = Citizen.objects.get()
    assert citizen.vneid_subject == "vneid-sub-0001"
    assert citizen.vneid_issuer == oidc_provider.issuer
    assert citizen.identity_source == IdentitySource.VNEID
    assert citizen.level_of_assurance == "2"
    assert citizen.full_name == "Nguyễn Thị Hoa"
    assert citizen.email == "hoa.nguyen@example.com" and citizen.email_verified
    assert citizen.phone == "0912345678" and citizen.phone_verified
    assert not citizen.user.has_usable_password() and not citizen.user.is_staff
    assert authenticated_with_vneid(citizen.user)
    assert signed_in(client)
    # the PKCE verifier was sent with the code
    assert oidc_provider.token_requests[-1]["code_verifier"]


def test_a_second_login_finds_the_same_citizen(client, oidc_provider):
    vneid_login(client)
    client.post(reverse("citizens:logout"))
    oidc_provider.claims["name"] = "Nguyễn Thị Hoa (đổi tên)"
    assert vneid_login(client).status_code == 302
    assert Citizen.objects.count() == 1
    assert signed_in(client)


def test_a_signed_in_citizen_links_vneid_to_their_account(client, oidc_provider):
    citizen = make_citizen(email="binh@example.com")
    log_in(client, "binh@example.com")
    assert not authenticated_with_vneid(citizen.user)
    response = client.post(reverse("citizens:vneid-link"))
    assert response.status_code == 302
    client.get(callback_of(follow_authorize(response.url)))
    citizen.refresh_from_db()
    assert citizen.vneid_subject == "vneid-sub-0001"
    assert citizen.identity_source == IdentitySource.VNEID
    assert Citizen.objects.count() == 1
    assert authenticated_with_vneid(citizen.user)


def test_another_person_with_the_same_email_is_not_linked_by_it(client, oidc_provider):
    other = make_citizen(email="hoa.nguyen@example.com")
    vneid_login(client)
    created = Citizen.objects.exclude(pk=other.pk).get()
    assert created.email is None  # the address belongs to another account: not copied, not linked
    other.refresh_from_db()
    assert other.vneid_subject is None


def refused(client, response) -> None:
    assert response.status_code == 400
    assert REFUSED in response.content.decode() or "không được bắt đầu" in response.content.decode()
    assert not signed_in(client)


def test_a_tampered_signature_is_refused(client, oidc_provider):
    oidc_provider.tamper = True
    refused(client, vneid_login(client))
    assert not Citizen.objects.exists()


def test_a_token_for_another_audience_is_refused(client, oidc_provider):
    oidc_provider.audience = "another-client"
    refused(client, vneid_login(client))
    assert not Citizen.objects.exists()


def test_an_expired_token_is_refused(client, oidc_provider):
    oidc_provider.lifetime = -600
    refused(client, vneid_login(client))
    assert not Citizen.objects.exists()


def test_a_token_with_another_nonce_is_refused(client, oidc_provider):
    oidc_provider.nonce = "another-nonce"
    refused(client, vneid_login(client))
    assert not Citizen.objects.exists()


def test_a_wrong_state_is_refused(client, oidc_provider):
    location = follow_authorize(start(client))
    parts = urllib.parse.urlsplit(location)
    query = dict(urllib.parse.parse_qsl(parts.query))
    query["state"] = "not-the-state-we-sent"
    response = client.get(f"{parts.path}?{urllib.parse.urlencode(query)}")
    assert response.status_code == 400
    assert "không được bắt đầu" in response.content.decode()
    assert not signed_in(client)
    assert not Citizen.objects.exists()


def test_a_callback_without_its_pkce_verifier_is_refused(client, oidc_provider):
    location = follow_authorize(start(client))
    session = client.session
    flows = session[SESSION_KEY]
    for flow in flows.values():
        flow["verifier"] = ""
    session[SESSION_KEY] = flows
    session.save()
    refused(client, client.get(callback_of(location)))
    assert "code_verifier" not in oidc_provider.token_requests[-1]
    assert not Citizen.objects.exists()


def test_a_wrong_pkce_verifier_is_refused(client, oidc_provider):
    location = follow_authorize(start(client))
    session = client.session
    flows = session[SESSION_KEY]
    for flow in flows.values():
        flow["verifier"] = "x" * 64
    session[SESSION_KEY] = flows
    session.save()
    refused(client, client.get(callback_of(location)))
    assert not Citizen.objects.exists()


def test_a_code_is_used_once(client, oidc_provider):
    location = follow_authorize(start(client))
    assert client.get(callback_of(location)).status_code == 302
    client.post(reverse("citizens:logout"))
    refused(client, client.get(callback_of(location)))


def test_the_button_shows_only_when_vneid_is_configured(client, settings):
    settings.MOTCUA_OIDC_ISSUER = ""
    assert "Đăng nhập bằng VNeID" not in client.get(reverse("citizens:login")).content.decode()
    assert client.get(reverse("citizens:vneid-login")).status_code == 302  # back to the login page


def test_the_button_shows_when_configured(client, oidc_provider):
    assert "Đăng nhập bằng VNeID" in client.get(reverse("citizens:login")).content.decode()


def test_the_configuration_check_reads_discovery_and_keys(oidc_provider, settings):
    checks = oidc_client.check_config()
    assert all(check.ok for check in checks), checks
    settings.MOTCUA_OIDC_ISSUER = "http://127.0.0.1:9"  # nothing listens there
    oidc_client.forget_cache()
    assert not all(check.ok for check in oidc_client.check_config())


def test_the_configuration_check_is_on_an_admin_page(admin_client, oidc_provider):
    page = admin_client.get(reverse("admin:citizens_vneid_check")).content.decode()
    assert "/citizen/vneid/callback/" in page
    assert "Tài liệu khám phá (discovery) phản hồi" in page


def test_a_plain_http_issuer_outside_this_machine_is_refused(settings):
    settings.MOTCUA_OIDC_ISSUER = "http://vneid.example.gov.vn"
    settings.MOTCUA_OIDC_CLIENT_ID = "x"
    assert not all(check.ok for check in oidc_client.check_config())
