from datetime import timedelta

import pytest
from django.urls import reverse

from motcua.citizens.selectors import my_dossiers, reusable_documents
from motcua.dossiers import services
from motcua.dossiers.lifecycle import Channel
from motcua.org.models import Role
from tests.factories.dossiers import at_step, intake, make_world, pdf, vn

from .factories import log_in, make_citizen

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def filed_online(world, citizen, clock, at, **kwargs):
    clock.set(at)
    return services.submit(intake(world, channel=Channel.ONLINE, **kwargs), citizen.user)


@pytest.fixture
def two_citizens():
    return make_citizen(email="an@example.com"), make_citizen(email="binh@example.com", full_name="Phạm Bình")


def test_my_dossiers_lists_mine_newest_first_with_state_appointment_and_a_link_to_each(
    client, world, two_citizens, frozen_clock
):
    an, binh = two_citizens
    first = filed_online(world, an, frozen_clock, vn(2026, 3, 2, 9))
    second = filed_online(world, an, frozen_clock, vn(2026, 3, 3, 9))
    second = services.receive(second, world.desk)
    theirs = filed_online(world, binh, frozen_clock, vn(2026, 3, 4, 9))
    assert list(my_dossiers(an)) == [second, first]

    log_in(client, "an@example.com")
    page = client.get(reverse("citizens:dossiers")).content.decode()
    assert page.index(second.code) < page.index(first.code)
    assert theirs.code not in page
    assert f'href="/citizen/dossiers/{second.code}/"' in page
    assert "Đã tiếp nhận" in page or "đã tiếp nhận" in page
    assert second.due_at is not None
    assert f"{second.due_at.astimezone(vn(2026, 1, 1).tzinfo):%d/%m/%Y %H:%M}" in page


def test_my_documents_are_the_scans_and_results_of_my_dossiers(client, world, two_citizens, frozen_clock):
    an, binh = two_citizens
    dossier = filed_online(world, an, frozen_clock, vn(2026, 3, 2, 9))
    filed_online(world, binh, frozen_clock, vn(2026, 3, 2, 10))
    dossier = services.receive(dossier, world.desk)
    dossier = at_step(world, frozen_clock, dossier, Role.LEADER)
    frozen_clock.advance(timedelta(hours=2))
    dossier = services.finish(
        dossier, world.leader, result_number="12/GCN", result_upload=pdf("giay-chung-nhan.pdf")
    )
    mine = list(reusable_documents(an))
    assert {stored.dossier_id for stored in mine} == {dossier.pk}
    assert dossier.result_file in mine
    assert len(mine) == 3  # two scans handed in and the result

    log_in(client, "an@example.com")
    page = client.get(reverse("citizens:documents")).content.decode()
    assert "giay-chung-nhan.pdf" in page
    assert "Giấy đề nghị đăng ký hộ kinh doanh" in page
    response = client.get(reverse("citizens:document", args=[dossier.result_file.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "private" in response["Cache-Control"]


def test_another_citizen_gets_404_for_my_file(client, world, two_citizens, frozen_clock):
    an, _binh = two_citizens
    filed_online(world, an, frozen_clock, vn(2026, 3, 2, 9))
    scan = reusable_documents(an).first()
    log_in(client, "binh@example.com")
    assert client.get(reverse("citizens:document", args=[scan.pk])).status_code == 404
    assert client.get(reverse("citizens:document", args=[999999])).status_code == 404
    assert "scan.pdf" not in client.get(reverse("citizens:documents")).content.decode()


def test_a_visitor_is_sent_to_the_login_for_a_file(client, world, two_citizens, frozen_clock):
    an, _binh = two_citizens
    filed_online(world, an, frozen_clock, vn(2026, 3, 2, 9))
    scan = reusable_documents(an).first()
    response = client.get(reverse("citizens:document", args=[scan.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("citizens:login"))


def test_a_dossier_taken_at_the_desk_is_not_in_my_documents(world, two_citizens, frozen_clock):
    an, _binh = two_citizens
    frozen_clock.set(vn(2026, 3, 2, 9))
    services.submit(intake(world, email="an@example.com"), world.desk)
    assert not reusable_documents(an).exists()
    assert not my_dossiers(an).exists()
