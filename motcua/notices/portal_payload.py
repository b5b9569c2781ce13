"""The national portal's status payload of a dossier after an event (docs/national-portal.md has the mapping).

Built inside the transaction of the event, so it is the dossier exactly as that event left it. Field names
follow the portal's sync as practised by provincial systems (domain reference 6.1); instants are Vietnamese
time written yyyyMMddHHmmss, empty when unknown.
"""

from datetime import datetime

from django.utils import timezone

from motcua.dossiers.lifecycle import Channel, ReturnMethod, SupplementStage
from motcua.worktime.units import Unit

CHANNEL_CODE = {Channel.DIRECT: 1, Channel.ONLINE: 2, Channel.POSTAL: 3}
SUPPLEMENT_CODE = {SupplementStage.DESK: 1, SupplementStage.PROCESSING: 2}
RETURN_CODE = {ReturnMethod.DESK: 1, ReturnMethod.ONLINE: 2, ReturnMethod.POST: 3}
UNIT_WORDS = {
    Unit.HOURS: "giờ làm việc",
    Unit.WORKING_DAYS: "ngày làm việc",
    Unit.CALENDAR_DAYS: "ngày",
    Unit.MONTHS: "tháng",
}


def portal_time(instant: datetime | None) -> str:
    return timezone.localtime(instant).strftime("%Y%m%d%H%M%S") if instant else ""


def _fees(fees) -> list[dict]:
    return [
        {
            "TenPhiLePhi": fee.name,
            "Gia": fee.amount,
            "DaThanhToan": fee.paid_at is not None,
            "NgayThanhToan": portal_time(fee.paid_at),
        }
        for fee in fees
    ]


def payload(dossier, event) -> dict:
    version = dossier.procedure_version
    fees = list(dossier.fees.order_by("pk"))
    paid_online = any(fee.paid_online for fee in fees)
    return {
        "MaHoSo": dossier.code,
        "MaTTHC": version.procedure.code,
        "TenTTHC": version.name,
        "MaCoQuan": dossier.receiving_agency.code,
        "TenCoQuan": dossier.receiving_agency.name,
        "MaDonViXuLy": dossier.current_agency.code,
        "KenhThucHien": CHANNEL_CODE[dossier.channel],
        "ChuHoSo": dossier.applicant_name,
        "LoaiChuHoSo": 2 if dossier.applicant_is_organisation else 1,
        "SoGiayToChuHoSo": dossier.applicant_id_number,
        "NgayNopHoSo": portal_time(dossier.submitted_at),
        "NgayTiepNhan": portal_time(dossier.received_at),
        "NgayHenTra": portal_time(dossier.original_due_at),
        "NgayHenTraMoi": portal_time(dossier.due_at) if dossier.apology_count else "",
        "NgayKetThucXuLy": portal_time(dossier.finished_at),
        "NgayTraKetQua": portal_time(dossier.returned_at),
        "TrangThaiHoSo": dossier.national_status,
        "TrangThaiBoSung": SUPPLEMENT_CODE.get(dossier.supplement_stage, 0),
        "SoLanBoSung": dossier.supplement_count,
        "SoLanHenLai": dossier.apology_count,
        "ThoiGianGiaiQuyet": str(version.committed_limit_value.normalize()),
        "DonViTinh": UNIT_WORDS.get(version.committed_limit_unit, version.committed_limit_unit),
        "DanhSachPhiLePhi": _fees(fees),
        "DuocThanhToanTrucTuyen": 2 if paid_online else 0,
        "SoKetQua": dossier.result_number,
        "NgayKyKetQua": dossier.result_date.strftime("%Y%m%d") if dossier.result_date else "",
        "NguoiKyKetQua": dossier.result_signer,
        "HinhThucTraKetQua": RETURN_CODE.get(dossier.return_method, 0),
        "SuKien": {
            "SoThuTu": event.number,
            "HanhDong": event.action,
            "ThoiDiem": portal_time(event.at),
            "MaDonViThucHien": event.agency.code,
            "NguoiThucHien": event.actor_name,
            "NoiDung": event.note,
        },
    }
