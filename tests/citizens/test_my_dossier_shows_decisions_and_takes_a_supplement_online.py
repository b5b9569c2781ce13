"""The citizen's own dossier page: each decision of the desk and of the agency in full (receipt with its
appointment and slip, what is missing and why, the reasons of a refusal), the online supplement (only while a
supplement is asked, only by the account that filed the dossier), and the electronic result once it is
returned online."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from motcua.citizens import my_dossier
from motcua.dossiers import services
from motcua.dossiers.lifecycle import Channel, State
from motcua.org.models import Role
from tests.factories.dossiers import at_step, intake, make_world, pdf, vn

from .factories import log_in, make_citizen
from .online import upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


@pytest.fixture
def an(client):
    citizen = make_citizen(email="an@example.com")
    log_in(client, "an@example.com")
    return citizen


def filed(world, citizen):
    return services.submit(intake(world, channel=Channel.ONLINE), citizen.user)


def page_of(client, dossier, **kwargs):
    return client.get(reverse("citizens:dossier", args=[dossier.code]), **kwargs)


def test_the_desk_asks_for_more_and_the_owner_supplements_online(client, world, an, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    dossier = filed(world, an)
    url = reverse("citizens:dossier", args=[dossier.code])

    # Nothing asked yet: an upload is refused and nothing changes.
    response = client.post(url, {"missing-0": upload()})
    assert response.status_code == 400 and dossier.events.count() == 1
    assert "Supplement online" not in response.content.decode()

    dossier = services.request_supplement(
        dossier, world.desk, missing=["Bản sao giấy khai sinh của con"], reason="Thiếu giấy khai sinh"
    )
    page = page_of(client, dossier).content.decode()
    assert "Yêu cầu bổ sung hồ sơ" in page and "Bản sao giấy khai sinh của con" in page
    assert "Thiếu giấy khai sinh" in page and "Bổ sung hồ sơ trực tuyến" in page
    assert reverse("citizens:dossier-slip", args=[dossier.code, "02"]) in page

    # Another citizen sees no such dossier, and may not supplement it (by the page or the service).
    other = make_citizen(email="binh@example.com", full_name="Phạm Bình")
    client.post(reverse("citizens:logout"))
    log_in(client, "binh@example.com")
    assert page_of(client, dossier).status_code == 404
    assert client.post(url, {"missing-0": upload()}).status_code == 404
    with pytest.raises(services.NotAllowed):
        my_dossier.supplement_online(dossier, other, [("Giấy khai sinh", upload())])
    dossier.refresh_from_db()
    assert dossier.state == State.SUPPLEMENT_REQUESTED

    client.post(reverse("citizens:logout"))
    log_in(client, "an@example.com")
    response = client.post(url, {"missing-0": upload("not-a-scan.pdf", b"hello")})
    assert response.status_code == 400 and "không phải là tệp PDF" in response.content.decode()
    response = client.post(url, {"missing-0": upload("giay-khai-sinh.pdf"), "note": "Đã bổ sung"})
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.state == State.SUBMITTED  # back to the desk's check
    event = dossier.events.latest("number")
    assert (event.action, event.actor, event.note) == ("supplement", an.user, "Đã bổ sung")
    added = dossier.documents.get(added_with=event)
    assert added.name == "Bản sao giấy khai sinh của con" and added.file.original_name == "giay-khai-sinh.pdf"
    page = page_of(client, dossier).content.decode()
    assert "Đã bổ sung hồ sơ" in page and "Bổ sung hồ sơ trực tuyến" not in page


def test_a_refusal_shows_its_reasons_and_its_slip(client, world, an):
    dossier = services.refuse(
        filed(world, an), world.desk, reasons="Thủ tục không thuộc thẩm quyền của phường"
    )
    page = page_of(client, dossier).content.decode()
    assert "Từ chối tiếp nhận" in page and "Thủ tục không thuộc thẩm quyền của phường" in page
    response = client.get(reverse("citizens:dossier-slip", args=[dossier.code, "03"]))
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(response.content)).pages)
    assert response["Content-Type"] == "application/pdf" and dossier.code in text
    assert client.get(reverse("citizens:dossier-slip", args=[dossier.code, "01"])).status_code == 404
    assert client.get(reverse("citizens:dossier-slip", args=[dossier.code, "05"])).status_code == 404


def test_the_receipt_its_appointment_and_the_electronic_result_returned_online(
    client, world, an, frozen_clock
):
    frozen_clock.set(vn(2026, 3, 2, 9))
    dossier = services.receive(filed(world, an), world.desk)
    page = page_of(client, dossier).content.decode()
    assert (
        "Đã tiếp nhận" in page
        and f"{dossier.due_at.astimezone(vn(2026, 1, 1).tzinfo):%H:%M %d/%m/%Y}" in page
    )
    slip = client.get(reverse("citizens:dossier-slip", args=[dossier.code, "01"]))
    assert dossier.code in "".join(p.extract_text() for p in PdfReader(BytesIO(slip.content)).pages)

    dossier = at_step(world, frozen_clock, dossier, Role.LEADER)
    frozen_clock.advance(timedelta(hours=2))
    dossier = services.finish(dossier, world.leader, result_number="12/GCN", result_upload=pdf("gcn.pdf"))
    assert "Tải kết quả điện tử" not in page_of(client, dossier).content.decode()  # not returned yet
    dossier = services.return_result(dossier, world.desk, method="online")
    page = page_of(client, dossier).content.decode()
    link = f"{reverse('citizens:document', args=[dossier.result_file_id])}?download=1"
    assert "Tải kết quả điện tử" in page and link in page and "/rate/" in page
    response = client.get(link)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
