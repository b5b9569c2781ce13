"""The Excel form of the catalogue: sheet names and column headers (Vietnamese, part of the file format, so
not translated) and what to write in each column (translated, shown in the "Hướng dẫn" sheet).

Each column fills one key of the JSON format (docs/catalog-format.md); child sheets are keyed by the
procedure code.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

GUIDE_TITLE = "Hướng dẫn"


@dataclass(frozen=True)
class Column:
    key: str  # the JSON key this column fills ("legal_time_limit.value"); "procedure" keys a child row
    header: str
    required: bool  # the column must be in the sheet (a value may still be optional)
    help: Promise


@dataclass(frozen=True)
class Sheet:
    key: str  # "fields", "procedures", ...
    title: str
    help: Promise
    columns: tuple[Column, ...]


PROCEDURE_CODE_HELP = _("Code of the procedure, as in the sheet “Thủ tục”.")

FIELDS = Sheet(
    "fields",
    "Lĩnh vực",
    _("One row per field (lĩnh vực). Fields already in the system need not be repeated."),
    (
        Column("code", "Mã lĩnh vực", True, _("Code of the field, e.g. HOTICH.")),
        Column("name", "Tên lĩnh vực", True, _("Name of the field, e.g. Hộ tịch.")),
    ),
)

PROCEDURES = Sheet(
    "procedures",
    "Thủ tục",
    _("One row per procedure: its current content. Documents, fees and steps are in their own sheets."),
    (
        Column(
            "code",
            "Mã thủ tục",
            True,
            _(
                "Code in the national database of procedures, d.dddddd (e.g. 1.001193); format the column as "
                "text."
            ),
        ),
        Column("name", "Tên thủ tục", True, _("Official name of the procedure.")),
        Column(
            "field",
            "Lĩnh vực",
            True,
            _("Code or name of a field (sheet “Lĩnh vực” or already in the system)."),
        ),
        Column(
            "level",
            "Cấp thực hiện",
            True,
            _(
                "ministry, province, district (before July 2025) or commune, or their labels (Cấp tỉnh, Cấp "
                "xã...)."
            ),
        ),
        Column(
            "agency_kinds",
            "Loại cơ quan thực hiện",
            True,
            _(
                "Implementing agency kinds: codes (province, service_centre, department, vertical, district, "
                "commune) or names, separated by commas; a name containing a comma goes on its own line."
            ),
        ),
        Column("subjects", "Đối tượng thực hiện", False, _("Who may file, free text.")),
        Column(
            "channels",
            "Cách thức thực hiện",
            True,
            _(
                "Ways of filing, separated by commas: direct, online, postal (Trực tiếp, Trực tuyến, Bưu "
                "chính)."
            ),
        ),
        Column(
            "online_level",
            "Mức độ dịch vụ công trực tuyến",
            True,
            _(
                "none, partial or full (Không, Một phần, Toàn trình); partial and full need the online "
                "channel."
            ),
        ),
        Column(
            "legal_time_limit.value",
            "Thời hạn giải quyết",
            True,
            _("The legal time limit: a number ≥ 0, decimals allowed (2.5)."),
        ),
        Column(
            "legal_time_limit.unit",
            "Đơn vị thời hạn giải quyết",
            True,
            _("hours, working_days, calendar_days or months (Giờ làm việc, Ngày làm việc, Ngày, Tháng)."),
        ),
        Column(
            "committed_time_limit.value",
            "Thời hạn cam kết",
            True,
            _(
                "The committed (reduced) time limit: not longer than the legal one (8 office hours a working "
                "day; calendar units only against the same unit)."
            ),
        ),
        Column(
            "committed_time_limit.unit",
            "Đơn vị thời hạn cam kết",
            True,
            _("Unit of the committed time limit, as for the legal one."),
        ),
        Column(
            "same_day_cutoff",
            "Giờ chốt nhận trong ngày",
            False,
            _(
                "Only for same-day procedures: the cut-off hour HH:MM (e.g. 15:00); both time limits are "
                "then "
                "0 working days."
            ),
        ),
        Column("conditions", "Yêu cầu, điều kiện", False, _("Requirements and conditions, free text.")),
        Column("result", "Kết quả thực hiện", True, _("What the applicant receives.")),
        Column("result_is_document", "Kết quả là văn bản", True, _("Có or Không.")),
        Column("legal_basis", "Căn cứ pháp lý", False, _("The legal documents, one per line.")),
        Column(
            "status",
            "Trạng thái",
            False,
            _("Đang có hiệu lực (in_force, the default), Đã sửa đổi (amended) or Đã bãi bỏ (abolished)."),
        ),
        Column("publication_decision", "Quyết định công bố", False, _("The decision that published it.")),
        Column(
            "publication_date", "Ngày công bố", False, _("Date of that decision: a date cell or YYYY-MM-DD.")
        ),
    ),
)

DOCUMENTS = Sheet(
    "documents",
    "Giấy tờ",
    _("Required documents (thành phần hồ sơ), one row each, in order, keyed by the procedure code."),
    (
        Column("procedure", "Mã thủ tục", True, PROCEDURE_CODE_HELP),
        Column("name", "Tên giấy tờ", True, _("Name of the document.")),
        Column("originals", "Số bản chính", False, _("Number of originals (empty: 1).")),
        Column("copies", "Số bản sao", False, _("Number of copies (empty: 0).")),
        Column("required", "Bắt buộc", False, _("Có or Không (empty: Có).")),
        Column(
            "form",
            "Tệp mẫu đơn, tờ khai",
            False,
            _("Path of the blank form file, relative to this workbook (e.g. forms/to-khai.docx), or empty."),
        ),
    ),
)

FEES = Sheet(
    "fees",
    "Phí lệ phí",
    _("Fees and charges (phí, lệ phí), one row each, keyed by the procedure code."),
    (
        Column("procedure", "Mã thủ tục", True, PROCEDURE_CODE_HELP),
        Column("name", "Tên phí, lệ phí", True, _("Name of the fee or charge.")),
        Column("amount", "Mức thu (đồng)", True, _("Amount in whole đồng (0 when exempt).")),
        Column("note", "Ghi chú", False, _("Exemptions and other notes.")),
    ),
)

PROCESS = Sheet(
    "process",
    "Quy trình nội bộ",
    _(
        "The internal process (quy trình nội bộ): steps in order, keyed by the procedure code. For limits in "
        "hours or working days the steps' hours add up to the committed limit (8 hours a working day)."
    ),
    (
        Column("procedure", "Mã thủ tục", True, PROCEDURE_CODE_HELP),
        Column("name", "Tên bước", True, _("Name of the step.")),
        Column(
            "agency",
            "Cơ quan thực hiện",
            True,
            _("Agency code or name; empty or “Cơ quan tiếp nhận” for the agency that received the dossier."),
        ),
        Column(
            "role",
            "Vai trò",
            True,
            _("desk_officer, specialist, leader or clerk, or their labels."),
        ),
        Column("hours", "Số giờ làm việc", True, _("Office hours of the step, a number > 0.")),
    ),
)

BUNDLES = Sheet(
    "bundles",
    "Liên thông",
    _("Linked procedures (thủ tục liên thông), one row each."),
    (
        Column("code", "Mã liên thông", True, _("Code of the bundle, e.g. LT-3-TRONG-1.")),
        Column("name", "Tên thủ tục liên thông", True, _("Name of the bundle.")),
        Column("description", "Mô tả", False, _("Description, free text.")),
        Column("lead", "Thủ tục chủ trì", True, _("Code of the lead procedure, one of the procedures.")),
        Column(
            "procedures",
            "Các thủ tục thành phần",
            True,
            _("Codes of the procedures in order, separated by commas or line breaks; at least two."),
        ),
    ),
)

SHEETS = (FIELDS, PROCEDURES, DOCUMENTS, FEES, PROCESS, BUNDLES)
CHILD_SHEETS = (DOCUMENTS, FEES, PROCESS)
