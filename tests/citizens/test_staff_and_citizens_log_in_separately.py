import pytest
from django.urls import reverse

from motcua.org.models import Role
from tests.factories.org import AgencyFactory, staff

from .factories import PASSWORD, log_in, make_citizen

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    user = staff(Role.DESK_OFFICER, AgencyFactory(), username="tiepnhan")
    user.email = "tiepnhan@example.com"
    user.is_staff = True
    user.save()
    return user


def test_a_staff_account_cannot_log_in_as_a_citizen(client, officer):
    for identifier in ("tiepnhan", "tiepnhan@example.com"):
        response = client.post(
            reverse("citizens:login"), {"identifier": identifier, "password": "mat-khau-thu"}
        )
        assert response.status_code == 200
        assert "không đúng" in response.content.decode()
    assert client.get(reverse("citizens:account")).status_code == 302


def test_a_citizen_cannot_log_in_to_the_staff_office(client):
    citizen = make_citizen(email="an@example.com")
    for username in ("an@example.com", citizen.user.username):
        response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
        assert response.status_code == 200  # the form again, with its error
    assert client.get(reverse("office:home")).status_code == 302


def test_a_citizen_cannot_log_in_to_the_admin(client):
    citizen = make_citizen(email="an@example.com")
    citizen.user.is_staff = True  # even if someone ticked it by mistake
    citizen.user.save()
    client.post(reverse("admin:login"), {"username": citizen.user.username, "password": PASSWORD})
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_signed_in_citizen_is_not_a_user_of_the_office_or_the_api(client):
    make_citizen(email="an@example.com")
    assert log_in(client, "an@example.com").status_code == 302
    assert client.get(reverse("citizens:account")).status_code == 200
    office = client.get(reverse("office:home"))
    assert office.status_code == 302 and office.url.startswith(reverse("login"))
    assert client.get("/api/v1/dossiers/").status_code in (401, 403, 404)


def test_a_staff_login_ends_the_citizen_session_in_that_browser(client, officer):
    make_citizen(email="an@example.com")
    log_in(client, "an@example.com")
    client.post(reverse("login"), {"username": "tiepnhan", "password": "mat-khau-thu"})
    assert client.get(reverse("citizens:account")).status_code == 302


def test_a_citizen_login_ends_a_staff_session_in_that_browser(client, officer):
    make_citizen(email="an@example.com")
    client.force_login(officer)
    log_in(client, "an@example.com")
    assert client.get(reverse("office:home")).status_code == 302
    assert client.get(reverse("citizens:account")).status_code == 200


def test_citizen_pages_send_visitors_to_the_citizen_login(client):
    response = client.get(reverse("citizens:dossiers"))
    assert response.status_code == 302
    assert response.url == reverse("citizens:login") + "?next=%2Fcitizen%2Fdossiers%2F"


def test_logging_in_goes_back_to_the_page_asked_for_but_never_off_site(client):
    make_citizen(email="an@example.com")
    response = client.post(
        reverse("citizens:login") + "?next=/citizen/dossiers/",
        {"identifier": "an@example.com", "password": PASSWORD, "next": "/citizen/dossiers/"},
    )
    assert response.url == "/citizen/dossiers/"
    client.post(reverse("citizens:logout"))
    response = client.post(
        reverse("citizens:login"),
        {"identifier": "an@example.com", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.url == reverse("citizens:account")


def test_a_password_changed_elsewhere_ends_other_sessions(client):
    citizen = make_citizen(email="an@example.com")
    log_in(client, "an@example.com")
    citizen.user.set_password("Mat-khau-moi-2026!")
    citizen.user.save()
    assert client.get(reverse("citizens:account")).status_code == 302


def test_the_portal_navigation_offers_login_then_my_account(client):
    make_citizen(email="an@example.com")
    page = client.get("/").content.decode()
    assert reverse("citizens:login") in page
    log_in(client, "an@example.com")
    page = client.get("/").content.decode()
    assert reverse("citizens:account") in page and "Tài khoản của tôi" in page
