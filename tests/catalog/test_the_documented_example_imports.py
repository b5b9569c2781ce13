"""The example in docs/catalog-format.md is a valid catalogue (given the bundle's other procedures)."""

import json
import re
from pathlib import Path

import pytest

from motcua.catalog import selectors
from motcua.catalog.services import import_catalogue
from tests.factories.catalog import ProcedureFactory, ProcedureVersionFactory

pytestmark = pytest.mark.django_db

DOC = Path(__file__).resolve().parents[2] / "docs" / "catalog-format.md"


def test_the_documented_example_imports(tmp_path):
    example = re.search(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)[1]
    for code in ("1.004222", "1.005050"):
        ProcedureVersionFactory(procedure=ProcedureFactory(code=code))
    path = tmp_path / "example.json"
    path.write_text(example, encoding="utf-8")
    result = import_catalogue(path)
    assert (result.created, result.bundles_created) == (1, 1)
    version = selectors.current_version("1.001193")
    assert version.reduction.percent == 50
    assert json.loads(example)["procedures"][0]["name"] == version.name
