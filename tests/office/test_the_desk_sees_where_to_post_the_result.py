"""A result to be posted goes to the address the applicant gave: the reception screen takes it (the
applicant's own address when left empty), and the dossier page shows it, beside the return of the result."""

import pytest
from django.urls import reverse

from motcua.citizens import filing
from motcua.dossiers import selectors, services
from motcua.dossiers.lifecycle import Channel, ReturnMethod
from motcua.dossiers.models import Dossier
from motcua.org.models import Role
from tests.citizens.factories import make_citizen
from tests.citizens.online import ready_draft
from tests.factories.dossiers import at_step, vn

from .test_the_desk_receives_at_the_reception_screen import URL, filled

pytestmark = pytest.mark.django_db

ADDRESS = "5 Lê Lợi, Phường Nha Trang, Khánh Hòa"


@pytest.fixture
def desk(client, world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    client.force_login(world.desk)
    return client


def posted(world, address=ADDRESS, choice=ReturnMethod.POST):
    applicant = services.Applicant(name="Nguyễn Văn An", address="12 Trần Phú, Phường Nha Trang")
    intake = services.Intake(world.version, world.ward, Channel.POSTAL, applicant, (), choice, address)
    return services.receive(services.submit(intake, world.desk), world.desk)


def test_the_dossier_page_shows_the_address_where_the_result_is_returned(desk, world, frozen_clock):
    dossier = at_step(world, frozen_clock, posted(world), Role.LEADER)
    dossier = services.finish(dossier, world.leader, result_number="12/GP")
    page = desk.get(reverse("office:dossier", args=[dossier.pk])).content.decode()
    assert "Hình thức nhận kết quả" in page and "Địa chỉ gửi kết quả qua bưu chính" in page
    assert f'<dd class="col-sm-9" id="delivery-address">{ADDRESS}</dd>' in page
    assert 'id="action-return_result"' in page
    assert f"Gửi qua bưu chính đến địa chỉ người nộp đã cung cấp: {ADDRESS}" in page

    other = posted(world, address="", choice=ReturnMethod.DESK)
    page = desk.get(reverse("office:dossier", args=[other.pk])).content.decode()
    assert "Địa chỉ gửi kết quả qua bưu chính" not in page and 'id="delivery-address"' not in page
    assert selectors.delivery_address(Dossier.objects.get(pk=dossier.pk)) == ADDRESS
    assert selectors.delivery_address(Dossier.objects.get(pk=other.pk)) == ""


def test_a_dossier_filed_online_shows_the_citizens_postal_address(desk, world):
    dossier = filing.file(ready_draft(world, make_citizen(email="an@example.com")))
    page = desk.get(reverse("office:dossier", args=[dossier.pk])).content.decode()
    assert '<dd class="col-sm-9" id="delivery-address">5 Lê Lợi, Nha Trang</dd>' in page


def test_the_reception_screen_takes_the_address_or_the_applicants(desk, world):
    desk.post(URL, filled(world, delivery_address=ADDRESS))
    assert selectors.delivery_address(Dossier.objects.get()) == ADDRESS

    desk.post(URL, filled(world, name="Trần Thị Bình", delivery_address=""))
    second = Dossier.objects.get(applicant_name="Trần Thị Bình")
    assert selectors.delivery_address(second) == "12 Trần Phú, Phường Nha Trang"

    response = desk.post(URL, filled(world, name="Lê Văn Cường", address="", delivery_address=""))
    assert response.status_code == 200
    assert "Nhập địa chỉ nhận kết quả qua bưu chính." in response.content.decode()
    assert not Dossier.objects.filter(applicant_name="Lê Văn Cường").exists()

    desk.post(URL, filled(world, name="Phạm Dũng", delivery_choice="desk", delivery_address=ADDRESS))
    assert selectors.delivery_address(Dossier.objects.get(applicant_name="Phạm Dũng")) == ""
