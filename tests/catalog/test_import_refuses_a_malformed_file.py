"""A malformed catalogue file is refused as a whole: every error names its place and says what is wrong in
Vietnamese, and the database is left as it was."""

import pytest

from motcua.catalog.services import CatalogueImportError, import_catalogue
from tests.catalog.sample import counts, delete_column, set_cell, write_json, write_workbook
from tests.factories.catalog import ProcedureVersionFactory

pytestmark = pytest.mark.django_db

BIRTH, RESIDENCE = 0, 1  # positions in the sample catalogue (JSON rows 1 and 2, Excel rows 2 and 3)


def bad_code(data):
    data["procedures"][BIRTH]["code"] = "1.0011"


def missing_result(data):
    del data["procedures"][RESIDENCE]["result"]


def unknown_unit(data):
    data["procedures"][RESIDENCE]["committed_time_limit"]["unit"] = "weeks"


def duplicate_code(data):
    data["procedures"][RESIDENCE]["code"] = "1.001193"


def unknown_field(data):
    data["procedures"][BIRTH]["field"] = "DATDAI"


def unknown_agency_kind(data):
    data["procedures"][BIRTH]["agency_kinds"] = ["commune", "hamlet"]


def committed_longer_than_legal(data):
    data["procedures"][RESIDENCE]["committed_time_limit"]["value"] = "8"  # legal: 7 working days


def steps_not_adding_up(data):
    data["procedures"][BIRTH]["process"][0]["hours"] = "2"  # 5 hours against 0.5 working days


# (change, JSON row, JSON column, Excel sheet, Excel row, Excel column header, Vietnamese words)
CASES = {
    "bad code": (bad_code, 1, "code", "Thủ tục", 2, "Mã thủ tục", "không phải là mã thủ tục"),
    "unknown unit": (
        unknown_unit,
        2,
        "committed_time_limit.unit",
        "Thủ tục",
        3,
        "Đơn vị thời hạn cam kết",
        "không phải là đơn vị thời hạn",
    ),
    "duplicate code": (duplicate_code, 2, "code", "Thủ tục", 3, "Mã thủ tục", "xuất hiện hai lần"),
    "unknown field": (unknown_field, 1, "field", "Thủ tục", 2, "Lĩnh vực", "Không có lĩnh vực"),
    "unknown agency kind": (
        unknown_agency_kind,
        1,
        "agency_kinds",
        "Thủ tục",
        2,
        "Loại cơ quan thực hiện",
        "Không có loại cơ quan",
    ),
    "committed longer than legal": (
        committed_longer_than_legal,
        2,
        "committed_time_limit.value",
        "Thủ tục",
        3,
        "Thời hạn cam kết",
        "dài hơn thời hạn giải quyết",
    ),
    "steps not adding up": (
        steps_not_adding_up,
        1,
        "process[1].hours",
        "Quy trình nội bộ",
        2,
        "Số giờ làm việc",
        "cộng lại",
    ),
}


@pytest.fixture
def existing():
    """Something already in the catalogue, so "unchanged" means more than "still empty"."""
    return ProcedureVersionFactory(complete=True)


def refused(path) -> list:
    before = counts()
    with pytest.raises(CatalogueImportError) as error:
        import_catalogue(path)
    assert counts() == before
    assert str(error.value).count("\n") == len(error.value.errors) - 1  # one error a line
    return error.value.errors


def find(errors, sheet, row, column):
    for error in errors:
        if error.sheet == sheet and error.row == row and column in error.column:
            return error
    raise AssertionError(f"no error at {sheet} {row} {column}: " + "\n".join(map(str, errors)))


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_malformed_json_file_is_refused(case, catalogue, existing, tmp_path):
    change, row, column, _sheet, _row, _header, words = CASES[case]
    change(catalogue)
    errors = refused(write_json(tmp_path / "danh-muc.json", catalogue))
    error = find(errors, "procedures", row, column)
    assert error.file == "danh-muc.json"
    assert words in error.message
    assert words in str(error) and "dòng" in str(error) and "cột" in str(error)


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_malformed_workbook_is_refused(case, catalogue, existing, tmp_path):
    change, _row, _column, sheet, row, header, words = CASES[case]
    change(catalogue)
    errors = refused(write_workbook(tmp_path / "danh-muc.xlsx", catalogue))
    error = find(errors, sheet, row, header)
    assert error.file == "danh-muc.xlsx"
    assert words in error.message


def test_a_missing_key_is_refused(catalogue, existing, tmp_path):
    missing_result(catalogue)
    errors = refused(write_json(tmp_path / "danh-muc.json", catalogue))
    assert "Thiếu khóa “result”" in find(errors, "procedures", 2, "result").message


def test_a_missing_required_column_is_refused(catalogue, existing, tmp_path):
    path = write_workbook(tmp_path / "danh-muc.xlsx", catalogue)
    delete_column(path, "Thủ tục", "Kết quả thực hiện")
    errors = refused(path)
    assert "Thiếu cột bắt buộc “Kết quả thực hiện”" in find(errors, "Thủ tục", 1, "Kết quả thực hiện").message


def test_an_empty_required_cell_is_refused(catalogue, existing, tmp_path):
    path = write_workbook(tmp_path / "danh-muc.xlsx", catalogue)
    set_cell(path, "Thủ tục", 3, "Kết quả thực hiện", None)
    errors = refused(path)
    assert "bắt buộc" in find(errors, "Thủ tục", 3, "Kết quả thực hiện").message


def test_a_document_of_an_unknown_procedure_is_refused(catalogue, existing, tmp_path):
    path = write_workbook(tmp_path / "danh-muc.xlsx", catalogue)
    set_cell(path, "Giấy tờ", 2, "Mã thủ tục", "1.999999")
    errors = refused(path)
    assert "1.999999" in find(errors, "Giấy tờ", 2, "Mã thủ tục").message


def test_every_error_is_reported_at_once(catalogue, existing, tmp_path):
    for change in (bad_code, unknown_unit, unknown_field):
        change(catalogue)
    catalogue["procedures"][RESIDENCE]["documents"][0]["copies"] = -1
    catalogue["procedures"][RESIDENCE]["fees"] = [{"name": "Lệ phí", "amount": "12.5"}]
    catalogue["bundles"][0]["lead"] = "2.000815"
    errors = refused(write_json(tmp_path / "danh-muc.json", catalogue))
    find(errors, "procedures", 1, "code")
    find(errors, "procedures", 2, "committed_time_limit.unit")
    find(errors, "procedures", 1, "field")
    find(errors, "procedures", 2, "documents[1].copies")
    find(errors, "procedures", 2, "fees[1].amount")
    find(errors, "bundles", 1, "lead")


def test_a_missing_blank_form_is_refused(catalogue, existing, tmp_path):
    catalogue["procedures"][BIRTH]["documents"][0]["form"] = "forms/to-khai-khai-sinh.docx"
    errors = refused(write_json(tmp_path / "danh-muc.json", catalogue))
    error = find(errors, "procedures", 1, "documents[1].form")
    assert "forms/to-khai-khai-sinh.docx" in error.message and "không tồn tại" in error.message


def test_an_unknown_key_is_refused(catalogue, existing, tmp_path):
    catalogue["procedures"][BIRTH]["same_day_cutof"] = "15:00"
    errors = refused(write_json(tmp_path / "danh-muc.json", catalogue))
    assert "same_day_cutof" in find(errors, "procedures", 1, "same_day_cutof").message


def test_a_file_that_is_not_json_is_refused(existing, tmp_path):
    path = tmp_path / "danh-muc.json"
    path.write_text('{"format": "motcua-catalogue",\n "version": 1,,}', encoding="utf-8")
    errors = refused(path)
    assert errors[0].row == 2 and "JSON" in errors[0].message


def test_english_messages_are_available(catalogue, existing, tmp_path, settings):
    from django.utils import translation

    bad_code(catalogue)
    with translation.override("en"):
        errors = refused(write_json(tmp_path / "catalogue.json", catalogue))
        assert "is not a procedure code" in find(errors, "procedures", 1, "code").message
        assert str(errors[0]).startswith("catalogue.json, sheet procedures, row 1, column code: ")


def test_a_null_time_limit_is_refused(catalogue, existing, tmp_path):
    catalogue["procedures"][BIRTH]["legal_time_limit"] = None
    errors = refused(write_json(tmp_path / "danh-muc.json", catalogue))
    assert "bắt buộc" in find(errors, "procedures", 1, "legal_time_limit").message
