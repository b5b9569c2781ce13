"""Every dossier event is synced to the national portal (Cổng DVCQG) as the dossier's status after it: code
1-10 and the fields of the national sync (docs/national-portal.md), in the order the events happened."""

from datetime import date

import pytest

from motcua.dossiers import services
from motcua.dossiers.lifecycle import NATIONAL_STATUS, State
from motcua.notices.models import Message
from motcua.org.models import Role
from tests.factories.dossiers import at_step, make_world, received, vn

from .helpers import deliver_until_settled

pytestmark = pytest.mark.django_db


def test_a_dossier_life_reaches_the_portal_status_by_status(frozen_clock, portal):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    dossier = at_step(world, frozen_clock, dossier, Role.SPECIALIST)
    frozen_clock.set(vn(2026, 3, 2, 10))
    dossier = services.request_supplement(dossier, world.specialist, missing=["Bản sao"], reason="Thiếu")
    frozen_clock.set(vn(2026, 3, 3, 9))
    dossier = services.supplement(dossier, world.desk, documents=[services.ReceivedDocument(name="Bản sao")])
    dossier = services.request_payment(dossier, world.specialist)
    frozen_clock.set(vn(2026, 3, 3, 10))
    dossier = services.record_payment(dossier, world.desk, reference="BL-1", online=True)
    dossier = services.apologise(dossier, world.leader, new_date=date(2026, 3, 10), reason="Chờ xác minh")
    dossier = at_step(world, frozen_clock, dossier, Role.LEADER)
    frozen_clock.set(vn(2026, 3, 4, 15, 30))
    dossier = services.finish(dossier, world.leader, result_number="12/GCN-UBND")
    frozen_clock.set(vn(2026, 3, 5, 8, 15))
    dossier = services.return_result(dossier, world.desk)

    deliver_until_settled()

    records = [record["payload"] for record in portal.records.values()]
    events = list(dossier.events.order_by("number"))
    assert [payload["SuKien"]["SoThuTu"] for payload in records] == [event.number for event in events]
    assert [payload["TrangThaiHoSo"] for payload in records] == [
        NATIONAL_STATUS[State(event.to_state)] for event in events
    ]
    assert [payload["TrangThaiHoSo"] for payload in records] == [1, 2, 4, 5, 4, 6, 4, 4, 4, 9, 10]
    first, last = records[0], records[-1]
    assert first["NgayTiepNhan"] == "" and first["NgayHenTra"] == ""
    assert last["MaHoSo"] == dossier.code
    assert last["MaTTHC"] == world.version.procedure.code
    assert last["MaCoQuan"] == "000.31.34.H34"
    assert last["KenhThucHien"] == 1
    assert last["NgayNopHoSo"] == "20260302090000"
    assert last["NgayTiepNhan"] == "20260302090000"
    assert last["NgayHenTra"] == "20260304140000"  # the first appointment: pauses and apologies leave it
    assert last["NgayHenTraMoi"] == "20260310170000" and last["SoLanHenLai"] == 1
    assert last["NgayKetThucXuLy"] == "20260304153000"
    assert last["NgayTraKetQua"] == "20260305081500"
    assert last["SoLanBoSung"] == 1
    assert last["DanhSachPhiLePhi"] == [
        {
            "TenPhiLePhi": "Lệ phí đăng ký hộ kinh doanh",
            "Gia": 100000,
            "DaThanhToan": True,
            "NgayThanhToan": "20260303100000",
        }
    ]
    assert last["DuocThanhToanTrucTuyen"] == 2
    assert last["SoKetQua"] == "12/GCN-UBND"
    assert last["ThoiGianGiaiQuyet"] == "2.5" and last["DonViTinh"] == "ngày làm việc"
    assert "SoDienThoaiChuHoSo" not in last and last["SoGiayToChuHoSo"] == "056090001234"
    assert records[3]["TrangThaiBoSung"] == 2 and records[3]["SuKien"]["NoiDung"] == "Thiếu"


def test_the_sync_is_off_without_an_address(frozen_clock, settings):
    settings.MOTCUA_NATIONAL_PORTAL_URL = ""
    world = make_world()
    received(world, frozen_clock, vn(2026, 3, 2, 9))
    assert not Message.objects.filter(channel="portal").exists()
