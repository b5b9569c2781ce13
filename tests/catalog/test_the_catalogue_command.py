"""The command line: `motcua catalogue import|export|template FILE`."""

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from motcua.catalog.excel_layout import GUIDE_TITLE, SHEETS
from motcua.catalog.models import Procedure
from tests.catalog.sample import counts, write_json

pytestmark = pytest.mark.django_db


def test_import_then_export(catalogue, tmp_path, capsys):
    call_command("catalogue", "import", str(write_json(tmp_path / "danh-muc.json", catalogue)))
    assert "Thủ tục: 3 mới" in capsys.readouterr().out
    assert Procedure.objects.count() == 3
    call_command("catalogue", "export", str(tmp_path / "ra" / "danh-muc.xlsx"))
    assert "3" in capsys.readouterr().out
    assert (tmp_path / "ra" / "danh-muc.xlsx").is_file()


def test_a_refused_import_lists_the_errors_and_changes_nothing(catalogue, tmp_path):
    catalogue["procedures"][0]["code"] = "1001193"
    catalogue["procedures"][1]["level"] = "village"
    before = counts()
    with pytest.raises(CommandError) as error:
        call_command("catalogue", "import", str(write_json(tmp_path / "danh-muc.json", catalogue)))
    lines = str(error.value).splitlines()
    assert "không được nhập" in lines[0]
    assert lines[1].startswith("danh-muc.json, trang procedures, dòng 1, cột code: ")
    assert lines[2].startswith("danh-muc.json, trang procedures, dòng 2, cột level: ")
    assert counts() == before


def test_the_template_has_the_guide_and_every_sheet(tmp_path):
    path = tmp_path / "mau.xlsx"
    call_command("catalogue", "template", str(path))
    workbook = load_workbook(path)
    assert workbook.sheetnames == [
        GUIDE_TITLE,
        "Lĩnh vực",
        "Thủ tục",
        "Giấy tờ",
        "Phí lệ phí",
        "Quy trình nội bộ",
        "Liên thông",
    ]
    for sheet in SHEETS:
        assert [cell.value for cell in workbook[sheet.title][1]] == [
            column.header for column in sheet.columns
        ]
    guide = "\n".join(
        str(cell.value) for row in workbook[GUIDE_TITLE].iter_rows() for cell in row if cell.value
    )
    assert "Thời hạn cam kết" in guide and "không dài hơn thời hạn giải quyết" in guide


def test_an_empty_template_imports_as_nothing(tmp_path):
    path = tmp_path / "mau.xlsx"
    call_command("catalogue", "template", str(path))
    call_command("catalogue", "import", str(path))
    assert Procedure.objects.count() == 0


def test_the_template_must_be_excel(tmp_path):
    with pytest.raises(CommandError):
        call_command("catalogue", "template", str(tmp_path / "mau.json"))


def test_labels_are_accepted_in_a_workbook(tmp_path, ward):
    """A civil servant writes Vietnamese labels, not codes."""
    from tests.catalog.sample import BIRTH, write_workbook

    birth = {
        **BIRTH,
        "field": "Hộ tịch",
        "level": "Cấp xã",
        "agency_kinds": ["Xã, phường, đặc khu"],
        "channels": ["Trực tiếp", "Trực tuyến", "Bưu chính"],
        "online_level": "Toàn trình",
        "legal_time_limit": {"value": 1, "unit": "Ngày làm việc"},
        "committed_time_limit": {"value": "0,5", "unit": "ngày làm việc"},
        "status": "Đang có hiệu lực",
        "process": [{**step, "agency": "", "role": "Chuyên viên xử lý"} for step in BIRTH["process"]],
    }
    data = {"fields": [{"code": "HOTICH", "name": "Hộ tịch"}], "procedures": [birth], "bundles": []}
    call_command("catalogue", "import", str(write_workbook(tmp_path / "danh-muc.xlsx", data)))
    version = Procedure.objects.get().versions.get()
    assert (version.level, version.online_level, version.committed_limit_unit) == (
        "commune",
        "full",
        "working_days",
    )
    assert version.channels == ["direct", "online", "postal"]
    assert [kind.code for kind in version.agency_kinds.all()] == ["commune"]
    assert {step.role for step in version.steps.all()} == {"specialist"}
    assert {step.agency for step in version.steps.all()} == {None}
