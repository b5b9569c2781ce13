"""A file that changes a procedure in force makes a new version; the old version stays as it was, with its
documents, fees and steps, for the dossiers received under it."""

import pytest

from motcua.catalog import selectors
from motcua.catalog.models import ProcedureVersion, Status
from motcua.catalog.services import import_catalogue
from tests.catalog.sample import write_json, write_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(catalogue, tmp_path):
    import_catalogue(write_json(tmp_path / "danh-muc.json", catalogue))
    return selectors.current_version("1.001193")


def test_a_changed_limit_makes_a_new_version(catalogue, imported, tmp_path):
    birth = catalogue["procedures"][0]
    birth["committed_time_limit"]["value"] = "1"
    birth["process"][1]["hours"] = "6"  # the steps follow: 1 + 6 + 0.5 + 0.5 = 8 hours
    result = import_catalogue(write_json(tmp_path / "danh-muc.json", catalogue))
    assert (result.new_versions, result.unchanged) == (1, 2)
    new = selectors.current_version("1.001193")
    old = ProcedureVersion.objects.get(pk=imported.pk)
    assert new.pk != old.pk and new.number == old.number + 1
    assert old.status == Status.AMENDED
    assert str(old.committed_limit_value) == "0.50" and str(new.committed_limit_value) == "1.00"
    assert [step.hours for step in old.steps.all()] == [1, 2, 0.5, 0.5]
    assert [step.hours for step in new.steps.all()] == [1, 6, 0.5, 0.5]
    assert old.documents.count() == 1 and old.fees.count() == 1


def test_a_changed_document_in_excel_makes_a_new_version(catalogue, imported, tmp_path):
    catalogue["procedures"][0]["documents"].append({"name": "Giấy chứng sinh", "originals": 1, "copies": 0})
    result = import_catalogue(write_workbook(tmp_path / "danh-muc.xlsx", catalogue))
    assert result.new_versions == 1
    new = selectors.current_version("1.001193")
    assert [doc.name for doc in new.documents.all()] == ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]
    assert ProcedureVersion.objects.get(pk=imported.pk).documents.count() == 1


def test_abolishing_by_file_keeps_the_content(catalogue, imported, tmp_path):
    catalogue["procedures"][0]["status"] = "abolished"
    result = import_catalogue(write_json(tmp_path / "danh-muc.json", catalogue))
    assert result.status_changed == 1 and result.new_versions == 0
    imported.refresh_from_db()
    assert imported.status == Status.ABOLISHED
    assert selectors.current_version("1.001193") is None


def test_text_is_stored_in_nfc(catalogue, tmp_path, ward):
    import unicodedata

    catalogue["procedures"][0]["name"] = unicodedata.normalize("NFD", "Thủ tục đăng ký khai sinh")
    import_catalogue(write_json(tmp_path / "danh-muc.json", catalogue))
    name = selectors.current_version("1.001193").name
    assert name == unicodedata.normalize("NFC", "Thủ tục đăng ký khai sinh")
    # The NFD spelling of the same name is the same content: nothing changes on a second import.
    assert import_catalogue(write_json(tmp_path / "danh-muc.json", catalogue)).unchanged == 3


def test_a_renamed_field_and_a_changed_bundle_are_updated_in_place(catalogue, imported, tmp_path):
    catalogue["fields"][0]["name"] = "Hộ tịch (đăng ký)"
    catalogue["bundles"][0]["procedures"] = ["1.004194", "1.001193"]
    result = import_catalogue(write_json(tmp_path / "danh-muc.json", catalogue))
    assert (result.fields_updated, result.bundles_updated, result.unchanged) == (1, 1, 3)
