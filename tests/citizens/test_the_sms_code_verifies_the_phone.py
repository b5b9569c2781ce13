from datetime import timedelta

import pytest
from django.urls import reverse

from motcua.citizens import accounts
from motcua.citizens.models import CodePurpose, OneTimeCode

from .factories import PASSWORD, code_in, last_message, log_in, make_citizen

pytestmark = pytest.mark.django_db

PHONE = "0912345678"


@pytest.fixture
def citizen(client):
    citizen = make_citizen(phone=PHONE, verified=False)
    log_in(client, PHONE, PASSWORD)
    accounts.send_code(citizen, CodePurpose.VERIFY_PHONE)
    return citizen


def enter(client, code):
    return client.post(reverse("citizens:verify-phone"), {"code": code})


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_the_code_from_the_sms_confirms_the_phone(client, citizen):
    code = code_in(last_message("sms", PHONE))
    response = enter(client, code)
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.phone_verified


def test_the_code_is_kept_only_as_a_keyed_hash(citizen):
    code = code_in(last_message("sms", PHONE))
    row = OneTimeCode.objects.get(citizen=citizen)
    assert code not in row.code_hash


def test_a_wrong_code_says_how_many_tries_are_left(client, citizen):
    code = code_in(last_message("sms", PHONE))
    page = enter(client, wrong(code)).content.decode()
    assert "Mã không đúng. Còn 4 lần thử." in page
    citizen.refresh_from_db()
    assert not citizen.phone_verified


def test_after_five_wrong_tries_even_the_right_code_is_refused(client, citizen):
    code = code_in(last_message("sms", PHONE))
    for _ in range(5):
        enter(client, wrong(code))
    page = enter(client, code).content.decode()
    assert "Nhập sai quá nhiều lần" in page
    citizen.refresh_from_db()
    assert not citizen.phone_verified
    assert OneTimeCode.objects.get(citizen=citizen).tries == 5


def test_the_code_expires_after_ten_minutes(client, citizen, frozen_clock):
    code = code_in(last_message("sms", PHONE))
    frozen_clock.advance(timedelta(minutes=10))
    page = enter(client, code).content.decode()
    assert "Mã đã hết hạn" in page
    citizen.refresh_from_db()
    assert not citizen.phone_verified


def test_the_code_works_until_its_tenth_minute(client, citizen, frozen_clock):
    code = code_in(last_message("sms", PHONE))
    frozen_clock.advance(timedelta(minutes=9, seconds=59))
    assert enter(client, code).status_code == 302


def test_a_new_code_replaces_the_old_one(client, citizen):
    old = code_in(last_message("sms", PHONE))
    client.post(reverse("citizens:send-phone-code"))
    new = code_in(last_message("sms", PHONE))
    if old != new:
        assert enter(client, old).status_code == 200
    assert enter(client, new).status_code == 302


def test_at_most_five_codes_an_hour(citizen):
    for _ in range(4):
        accounts.send_code(citizen, CodePurpose.VERIFY_PHONE)
    with pytest.raises(accounts.AccountError):
        accounts.send_code(citizen, CodePurpose.VERIFY_PHONE)
