"""The dossier admin shows, in Vietnamese, what a dossier is and has been; it never changes one."""

import pytest
from django.urls import reverse

from motcua.dossiers import services
from motcua.org.models import Role
from tests.factories.dossiers import at_step, intake, received, vn
from tests.factories.org import AgencyFactory, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(world, frozen_clock):
    dossier = at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.SPECIALIST)
    frozen_clock.set(vn(2026, 3, 5, 9))  # past the appointment: overdue
    return dossier


@pytest.fixture
def elsewhere(world, frozen_clock):
    other_ward = AgencyFactory(parent=world.province, commune=True, name="Phường Bắc Nha Trang")
    desk = staff(Role.DESK_OFFICER, other_ward)
    return services.submit(intake(world, agency=other_ward, name="Võ Thị Em"), desk)


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_list_shows_what_a_civil_servant_needs(admin_client, dossier, elsewhere):
    html = page(admin_client, reverse("admin:dossiers_dossier_changelist"))
    for text in [
        "Hồ sơ",
        dossier.code,
        "Đăng ký thành lập hộ kinh doanh",
        "Nguyễn Văn An",
        "Phường Nha Trang",
        "đang xử lý",
        "Quá hạn",
        elsewhere.code,
    ]:
        assert text in html, text
    assert 'alt="True"' in html  # the overdue marker
    assert "Thêm hồ sơ" not in html
    assert 'value="delete_selected"' not in html


def test_the_list_searches_and_filters(admin_client, dossier, elsewhere):
    url = reverse("admin:dossiers_dossier_changelist")
    html = page(admin_client, f"{url}?q=vo thi em")
    assert elsewhere.code in html and dossier.code not in html
    html = page(admin_client, f"{url}?q=056090001234")
    assert dossier.code in html
    html = page(admin_client, f"{url}?q={dossier.code}")
    assert dossier.code in html and elsewhere.code not in html
    html = page(admin_client, f"{url}?state__exact=submitted&channel__exact=direct&receiving_kind=commune")
    assert elsewhere.code in html and dossier.code not in html
    assert "loại cơ quan tiếp nhận" in html


def test_the_change_page_shows_everything_and_edits_nothing(admin_client, dossier):
    url = reverse("admin:dossiers_dossier_change", args=[dossier.pk])
    html = page(admin_client, url)
    for text in [
        "Người nộp hồ sơ",
        "Thẩm định hồ sơ",
        "Lệ phí đăng ký hộ kinh doanh",
        "Giấy đề nghị",
        "receive",
    ]:
        assert text in html, text
    assert 'name="state"' not in html and 'name="due_at"' not in html
    assert 'name="_save"' not in html
    assert "Xóa" not in html
    response = admin_client.post(url, {"state": "returned"})
    assert response.status_code == 403
    dossier.refresh_from_db()
    assert dossier.state == "processing"
    assert admin_client.get(reverse("admin:dossiers_dossier_add")).status_code == 403
    assert admin_client.post(reverse("admin:dossiers_dossier_delete", args=[dossier.pk])).status_code == 403


def test_a_staff_member_sees_only_the_dossiers_of_their_agencies(client, world, dossier, elsewhere):
    from django.contrib.auth.models import Permission

    world.desk.is_staff = True
    world.desk.save()
    world.desk.user_permissions.add(Permission.objects.get(codename="view_dossier"))
    client.force_login(world.desk)
    html = page(client, reverse("admin:dossiers_dossier_changelist"))
    assert dossier.code in html and elsewhere.code not in html
    assert client.get(reverse("admin:dossiers_dossier_change", args=[elsewhere.pk])).status_code == 302
