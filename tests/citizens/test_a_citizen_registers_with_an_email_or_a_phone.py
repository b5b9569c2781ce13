import pytest
from django.urls import reverse

from motcua.citizens.identifiers import normalise_phone
from motcua.citizens.models import Citizen, IdentitySource
from motcua.notices.models import Message

from .factories import PASSWORD, make_citizen

pytestmark = pytest.mark.django_db


def register(client, identifier, password=PASSWORD, **extra):
    data = {"full_name": "Lê Thị Mai", "identifier": identifier, "password1": password, "password2": password}
    return client.post(reverse("citizens:register"), {**data, **extra})


def test_registering_with_an_email_creates_a_citizen_and_mails_a_link(client):
    response = register(client, "Mai.Le@Example.com")
    assert response.status_code == 302 and response.url == reverse("citizens:account")
    citizen = Citizen.objects.get()
    assert citizen.email == "mai.le@example.com" and citizen.phone is None
    assert citizen.identity_source == IdentitySource.PASSWORD
    assert not citizen.email_verified
    assert not citizen.user.is_staff and not citizen.user.is_superuser
    assert citizen.user.check_password(PASSWORD)
    message = Message.objects.get(channel="email")
    assert message.recipient == "mai.le@example.com"
    assert "/citizen/verify-email/" in message.body
    assert "Xác nhận địa chỉ thư điện tử" in message.subject
    # registration signs the citizen in
    assert client.get(reverse("citizens:account")).status_code == 200


def test_registering_with_a_phone_sends_a_code_by_sms(client):
    response = register(client, "+84 912 345 678")
    assert response.url == reverse("citizens:verify-phone")
    citizen = Citizen.objects.get()
    assert citizen.phone == "0912345678" and citizen.email is None
    sms = Message.objects.get(channel="sms")
    assert sms.recipient == "0912345678"
    assert "mã xác minh" in sms.body


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912345678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0084 912 345 678", "0912345678"),
        ("091.234.5678", "0912345678"),
        ("(+84) 32-123-4567", "0321234567"),
        ("0868123456", "0868123456"),
    ],
)
def test_phone_numbers_are_stored_as_ten_digits_from_zero(typed, stored):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("typed", ["0212345678", "091234567", "09123456789", "+1 202 555 0100", "0951234567"])
def test_numbers_that_are_not_vietnamese_mobiles_are_refused(client, typed):
    response = register(client, typed)
    assert response.status_code == 200
    assert "Nhập số điện thoại di động" in response.content.decode()
    assert not Citizen.objects.exists()


def test_an_address_already_registered_is_refused(client):
    make_citizen(email="mai.le@example.com")
    response = register(client, "mai.le@example.com")
    assert "Đã có tài khoản dùng địa chỉ thư điện tử này" in response.content.decode()
    assert Citizen.objects.count() == 1


def test_a_weak_password_is_refused_by_djangos_validators(client):
    response = register(client, "mai.le@example.com", password="12345678")
    assert response.status_code == 200
    assert not Citizen.objects.exists()
    assert 'aria-invalid="true"' in response.content.decode()


def test_the_two_passwords_must_match(client):
    response = register(client, "mai.le@example.com", password2="Khac-han-2025!")
    assert "Hai mật khẩu không giống nhau" in response.content.decode()
    assert not Citizen.objects.exists()
