"""How the slips write dates, time limits, names and choices: statutory Vietnamese wording, Vietnamese time.

The texts here are printed on legal forms (TT 01/2018/TT-VPCP), not shown as UI, so they are written directly
in Vietnamese and do not follow the user's language. Every string that reaches a template goes through `nfc`.
"""

import re
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from motcua.org.models import Agency
from motcua.text import nfc
from motcua.worktime.engine import EARLY, LATE, ON_TIME
from motcua.worktime.units import Unit

from ..lifecycle import Channel, ReturnMethod, State

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

UNITS = {
    Unit.HOURS: "giờ làm việc",
    Unit.WORKING_DAYS: "ngày làm việc",
    Unit.CALENDAR_DAYS: "ngày",
    Unit.MONTHS: "tháng",
}

TIMELINESS = {EARLY: "trước hạn", ON_TIME: "đúng hạn", LATE: "quá hạn"}
IN_PROGRESS = "đang xử lý"

DOCUMENT_FORMS = {"original": "Bản chính", "copy": "Bản sao", "certified_copy": "Bản sao chứng thực"}

CHANNELS = {
    Channel.DIRECT: "Trực tiếp tại Bộ phận Tiếp nhận và Trả kết quả",
    Channel.ONLINE: "Trực tuyến",
    Channel.POSTAL: "Qua dịch vụ bưu chính công ích",
}

DELIVERY = {
    ReturnMethod.DESK: "Nhận trực tiếp tại Bộ phận Tiếp nhận và Trả kết quả",
    ReturnMethod.POST: "Qua dịch vụ bưu chính công ích",
    ReturnMethod.ONLINE: "Trực tuyến (kết quả điện tử)",
}

STEP_OUTCOMES = {
    "forwarded": "Đã chuyển bước tiếp theo",
    "sent_back": "Trả lại bước trước",
    "finished": "Đã có kết quả",
    "returned": "Đã trả kết quả",
    "closed": "Kết thúc xử lý",
}

# Notes in the register (Mẫu 06) for a dossier that ended without a returned result, or is still open.
STATE_NOTES = {
    State.RECEIVED: "Đã tiếp nhận",
    State.PROCESSING: "Đang giải quyết",
    State.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung hồ sơ",
    State.AWAITING_PAYMENT: "Chờ thực hiện nghĩa vụ tài chính",
    State.RESULT_READY: "Đã có kết quả, chờ trả",
    State.RETURNED: "",
    State.STOPPED: "Dừng xử lý",
    State.WITHDRAWN: "Công dân rút hồ sơ",
}

# "Ủy ban nhân dân tỉnh Khánh Hòa", "UBND thành phố Hà Nội", "Tỉnh Khánh Hòa" -> the place name.
_PLACE_PREFIX = re.compile(
    r"^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)?\s*(tỉnh|thành phố|tp\.?)\s+", re.IGNORECASE
)


def local(instant: datetime) -> datetime:
    return instant.astimezone(VIETNAM)


def instant(value: datetime | None) -> str:
    """ "14:00 ngày 04/03/2026" (Vietnamese time); "" for nothing."""
    if value is None:
        return ""
    value = local(value)
    return f"{value:%H:%M} ngày {value:%d/%m/%Y}"


def short_instant(value: datetime | None) -> str:
    """ "14:00 04/03/2026", for narrow table cells."""
    return f"{local(value):%H:%M %d/%m/%Y}" if value is not None else ""


def day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


def dated(value: date | datetime, place: str = "") -> str:
    """ "Khánh Hòa, ngày 02 tháng 3 năm 2026": Decree 30/2020 writes a zero before days under 10 and before
    months 1 and 2 only."""
    if isinstance(value, datetime):
        value = local(value).date()
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    text = f"ngày {value.day:02d} tháng {month} năm {value.year}"
    return f"{place}, {text}" if place else text


def place_of(agency: Agency) -> str:
    """The province (or centrally run city) the agency belongs to, by the name of its province-level ancestor;
    "" when it has none."""
    for candidate in [agency, *reversed(list(agency.ancestors().select_related("kind")))]:
        if candidate.kind.code == "province":
            return _PLACE_PREFIX.sub("", nfc(candidate.name)) or nfc(candidate.name)
    return ""


def parent_name(agency: Agency) -> str:
    """The governing body printed above the issuing unit (cơ quan chủ quản), if any."""
    return nfc(agency.parent.name) if agency.parent_id else ""


def number(value: Decimal) -> str:
    """2.5 -> "2,5", 3.00 -> "3" (Vietnamese decimal comma)."""
    text = f"{Decimal(value).normalize():f}"
    return text.replace(".", ",")


def limit(value: Decimal, unit: str, cutoff=None) -> str:
    if cutoff is not None and not value:
        return (
            f"Trong ngày làm việc (nhận trước {cutoff:%H:%M}; sau giờ này trả trong ngày làm việc tiếp theo)"
        )
    return f"{number(value)}\N{NO-BREAK SPACE}{UNITS.get(Unit(unit), unit)}"


def money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đồng"


def timeliness(code: str | None) -> str:
    return TIMELINESS[code] if code else IN_PROGRESS
