"""Exporting the catalogue and importing the file again changes nothing (JSON and Excel), forms included."""

import json
import unicodedata

import pytest

from motcua.catalog import services
from motcua.catalog.models import Bundle, Procedure, ProcedureVersion
from tests.catalog.sample import counts, write_json
from tests.factories.catalog import ProcedureVersionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(catalogue, tmp_path):
    (tmp_path / "in" / "forms").mkdir(parents=True)
    (tmp_path / "in" / "forms" / "to-khai.docx").write_bytes(b"mau to khai")
    catalogue["procedures"][0]["documents"][0]["form"] = "forms/to-khai.docx"
    services.import_catalogue(write_json(tmp_path / "in" / "danh-muc.json", catalogue))
    # Made in the admin, say (a browser sends line breaks as CRLF; some keyboards type NFD): also exported.
    ProcedureVersionFactory(
        complete=True,
        name=unicodedata.normalize("NFD", "Đăng ký kết hôn"),
        legal_basis="Luật Hôn nhân và gia đình\r\nNghị định số 123/2015/NĐ-CP ",
    )
    ProcedureVersionFactory(draft=True)  # a draft alone is not exported
    return catalogue


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_a_round_trip_changes_nothing(filled, tmp_path, suffix):
    path = tmp_path / "out" / f"danh-muc{suffix}"
    exported = services.export_catalogue(path)
    assert (exported.procedures, exported.bundles, exported.forms) == (4, 1, 1)
    assert (path.parent / "forms" / "1.001193").is_dir()
    rows = counts()
    result = services.import_catalogue(path)
    assert result.unchanged == 4 and not result.changed
    assert counts() == rows


def test_the_json_export_is_the_format(filled, tmp_path):
    path = tmp_path / "out" / "danh-muc.json"
    services.export_catalogue(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("motcua-catalogue", 1)
    birth = next(item for item in data["procedures"] if item["code"] == "1.001193")
    original = filled["procedures"][0]
    for key in ("name", "field", "level", "channels", "online_level", "fees", "process", "result"):
        assert birth[key] == original[key], key
    assert birth["committed_time_limit"] == {"value": "0.5", "unit": "working_days"}
    assert (path.parent / birth["documents"][0]["form"]).read_bytes() == b"mau to khai"


def test_an_export_imports_into_an_empty_catalogue(filled, tmp_path):
    first = tmp_path / "one" / "danh-muc.json"
    services.export_catalogue(first)
    Bundle.objects.all().delete()
    ProcedureVersion.objects.all().delete()
    Procedure.objects.all().delete()
    services.import_catalogue(first)
    second = tmp_path / "two" / "danh-muc.json"
    services.export_catalogue(second)
    before, after = (json.loads(path.read_text(encoding="utf-8")) for path in (first, second))
    forms = [
        (path.parent / doc.pop("form")).read_bytes()
        for data, path in ((before, first), (after, second))
        for procedure in data["procedures"]
        for doc in procedure["documents"]
        if doc["form"]
    ]
    assert forms == [b"mau to khai", b"mau to khai"]  # stored again under a new name: the content counts
    assert after == before
