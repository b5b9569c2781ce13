import re
from datetime import timedelta

import pytest
from django.urls import reverse

from motcua.notices.models import Message

from .factories import code_in, last_message, link_in, log_in, make_citizen

pytestmark = pytest.mark.django_db

NEW = "Cay-bang-2026#"


def test_a_reset_link_by_email_sets_a_new_password_once(client):
    citizen = make_citizen(email="an@example.com")
    page = client.post(reverse("citizens:password-reset"), {"identifier": "an@example.com"}).content.decode()
    assert "a***@example.com" in page
    path = link_in(last_message("email", "an@example.com"))
    response = client.post(path, {"password1": NEW, "password2": NEW})
    assert response.status_code == 302 and response.url == reverse("citizens:login")
    citizen.user.refresh_from_db()
    assert citizen.user.check_password(NEW)
    assert log_in(client, "an@example.com", NEW).status_code == 302
    # used once: the link no longer works
    assert client.get(path).status_code == 400


def test_a_reset_link_expires_after_an_hour(client, frozen_clock):
    make_citizen(email="an@example.com")
    client.post(reverse("citizens:password-reset"), {"identifier": "an@example.com"})
    frozen_clock.advance(timedelta(hours=1, seconds=1))
    path = link_in(last_message("email", "an@example.com"))
    assert client.post(path, {"password1": NEW, "password2": NEW}).status_code == 400


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client):
    make_citizen(email="an@example.com")
    known = client.post(reverse("citizens:password-reset"), {"identifier": "an@example.com"})
    unknown = client.post(reverse("citizens:password-reset"), {"identifier": "khong@example.com"})
    assert known.status_code == unknown.status_code == 200

    def page(response):
        text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
        return text.replace("a***@", "k***@")

    assert page(known) == page(unknown)
    assert not Message.objects.filter(recipient="khong@example.com").exists()


def test_a_reset_code_by_sms_sets_a_new_password(client):
    citizen = make_citizen(phone="0987654321")
    response = client.post(reverse("citizens:password-reset"), {"identifier": "+84 987 654 321"})
    assert response.url == reverse("citizens:reset-code")
    code = code_in(last_message("sms", "0987654321"))
    response = client.post(
        reverse("citizens:reset-code"),
        {"phone": "0987654321", "code": code, "password1": NEW, "password2": NEW},
    )
    assert response.status_code == 302
    citizen.user.refresh_from_db()
    assert citizen.user.check_password(NEW)


def test_a_wrong_reset_code_changes_nothing(client):
    citizen = make_citizen(phone="0987654321")
    client.post(reverse("citizens:password-reset"), {"identifier": "0987654321"})
    code = code_in(last_message("sms", "0987654321"))
    other = f"{(int(code) + 7) % 1_000_000:06d}"
    response = client.post(
        reverse("citizens:reset-code"),
        {"phone": "0987654321", "code": other, "password1": NEW, "password2": NEW},
    )
    assert "Mã không đúng" in response.content.decode()
    citizen.user.refresh_from_db()
    assert not citizen.user.check_password(NEW)


def test_changing_the_password_keeps_this_session_and_needs_the_old_one(client):
    citizen = make_citizen(email="an@example.com")
    log_in(client, "an@example.com")
    url = reverse("citizens:change-password")
    refused = client.post(url, {"old_password": "sai", "password1": NEW, "password2": NEW})
    assert "Mật khẩu hiện tại không đúng" in refused.content.decode()
    assert (
        client.post(url, {"old_password": "Hoa-sen-2025!", "password1": NEW, "password2": NEW}).status_code
        == 302
    )
    assert client.get(reverse("citizens:account")).status_code == 200
    citizen.user.refresh_from_db()
    assert citizen.user.check_password(NEW)
