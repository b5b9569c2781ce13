import pytest
from django.urls import reverse

from motcua.org.models import Role
from tests.factories.org import AgencyFactory, staff

pytestmark = pytest.mark.django_db


def test_the_front_page_speaks_vietnamese(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Hệ thống một cửa MotCua" in response.content.decode()


def test_english_is_available(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "MotCua one-stop shop system" in client.get("/").content.decode()


def test_staff_home_lists_my_agencies_and_roles(client):
    justice = AgencyFactory(name="Sở Tư pháp", code="000.00.22.H34")
    user = staff(Role.DESK_OFFICER, justice, username="tiepnhan")
    client.force_login(user)
    page = client.get(reverse("office:home")).content.decode()
    assert "Sở Tư pháp" in page
    assert "000.00.22.H34" in page
    assert "Cán bộ tiếp nhận và trả kết quả" in page


def test_staff_home_needs_a_login(client):
    response = client.get(reverse("office:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_admin_is_in_vietnamese(admin_client):
    page = admin_client.get(reverse("admin:index")).content.decode()
    assert "Quản trị hệ thống một cửa" in page
    assert "Cơ quan, đơn vị" in page
