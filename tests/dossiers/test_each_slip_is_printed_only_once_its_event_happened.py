"""A slip records what happened: no Mẫu 02 without a supplement request, no Mẫu 04 without an apology."""

import pytest
from django.utils import translation

from motcua.dossiers import services, slips
from motcua.dossiers.errors import InvalidRequest, WrongState
from tests.factories.dossiers import intake, make_world, received, vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def test_a_received_dossier_has_its_receipt_and_control_slip_only(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    assert slips.slips_available(dossier) == ["01", "05"]


def test_a_dossier_waiting_at_the_desk_has_no_slip_yet(world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    dossier = services.submit(intake(world), world.desk)
    assert slips.slips_available(dossier) == []


def test_each_event_makes_its_slip_available(world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    dossier = services.submit(intake(world), world.desk)
    dossier = services.request_supplement(
        dossier, world.desk, missing=["Giấy ủy quyền"], reason="Người nộp không phải chủ hộ"
    )
    assert slips.slips_available(dossier) == ["02"]
    dossier = services.refuse(dossier, world.desk, reasons="Không bổ sung giấy ủy quyền")
    assert slips.slips_available(dossier) == ["02", "03"]

    other = received(world, frozen_clock, vn(2026, 3, 2, 10))
    other = services.forward(other, world.desk)
    other = services.forward(other, world.specialist)
    other = services.apologise(other, world.leader, new_date=vn(2026, 3, 9).date(), reason="Chờ xác minh")
    assert slips.slips_available(other) == ["01", "04", "05"]


@pytest.mark.parametrize(
    ("form", "message"),
    [
        (
            "02",
            "Hồ sơ không có yêu cầu bổ sung nào nên không có Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ "
            "(Mẫu 02).",
        ),
        (
            "03",
            "Hồ sơ không bị từ chối hoặc dừng giải quyết nên không có Phiếu từ chối tiếp nhận giải quyết "
            "hồ sơ (Mẫu 03).",
        ),
        (
            "04",
            "Hồ sơ chưa có văn bản xin lỗi nào nên không có Phiếu xin lỗi và hẹn lại ngày trả kết quả "
            "(Mẫu 04).",
        ),
    ],
)
def test_an_inapplicable_slip_is_refused_in_vietnamese(world, frozen_clock, form, message):
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    with translation.override("vi"), pytest.raises(WrongState) as refused:
        slips.render_slip(dossier, form)
    assert refused.value.message == message
    assert refused.value.http_status == 409


def test_a_dossier_not_received_has_no_receipt(world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    dossier = services.submit(intake(world), world.desk)
    with translation.override("vi"), pytest.raises(WrongState) as refused:
        slips.render_slip(dossier, "01")
    assert "chưa được tiếp nhận" in refused.value.message


def test_there_is_no_mau_07(world, frozen_clock):
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    with translation.override("vi"), pytest.raises(InvalidRequest) as refused:
        slips.render_slip(dossier, "07")
    assert "Không có mẫu phiếu “07”" in refused.value.message
