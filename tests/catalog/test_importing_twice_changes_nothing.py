"""Importing the same file again changes nothing: no new version, no new row, every procedure "unchanged"."""

import pytest

from motcua.catalog.models import ProcedureVersion, Status
from motcua.catalog.services import import_catalogue
from tests.catalog.sample import counts, write_json, write_workbook

pytestmark = pytest.mark.django_db


def test_importing_a_json_file_twice(catalogue, tmp_path):
    path = write_json(tmp_path / "danh-muc.json", catalogue)
    first = import_catalogue(path)
    assert (first.created, first.fields_created, first.bundles_created) == (3, 3, 1)
    assert set(ProcedureVersion.objects.values_list("status", flat=True)) == {Status.IN_FORCE}
    rows, versions = counts(), list(ProcedureVersion.objects.values_list("pk", "number", "status"))
    second = import_catalogue(path)
    assert (second.unchanged, second.bundles_unchanged) == (3, 1)
    assert not second.changed
    assert counts() == rows
    assert list(ProcedureVersion.objects.values_list("pk", "number", "status")) == versions


def test_importing_a_workbook_twice(catalogue, tmp_path):
    path = write_workbook(tmp_path / "danh-muc.xlsx", catalogue)
    first = import_catalogue(path)
    assert first.created == 3
    rows = counts()
    second = import_catalogue(path)
    assert second.unchanged == 3 and not second.changed
    assert counts() == rows


def test_the_same_content_as_json_then_as_excel_changes_nothing(catalogue, tmp_path):
    import_catalogue(write_json(tmp_path / "danh-muc.json", catalogue))
    rows = counts()
    result = import_catalogue(write_workbook(tmp_path / "danh-muc.xlsx", catalogue))
    assert result.unchanged == 3 and not result.changed
    assert counts() == rows


def test_a_blank_form_is_stored_once(catalogue, tmp_path, media_root):
    (tmp_path / "forms").mkdir()
    (tmp_path / "forms" / "to-khai-khai-sinh.docx").write_bytes(b"to khai khai sinh")
    catalogue["procedures"][0]["documents"][0]["form"] = "forms/to-khai-khai-sinh.docx"
    path = write_json(tmp_path / "danh-muc.json", catalogue)
    import_catalogue(path)
    stored = list(media_root.rglob("*.docx"))
    assert [file.read_bytes() for file in stored] == [b"to khai khai sinh"]
    assert import_catalogue(path).unchanged == 3
    assert list(media_root.rglob("*.docx")) == stored
