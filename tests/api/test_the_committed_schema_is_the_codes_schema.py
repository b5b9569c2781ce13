"""openapi.yaml at the repository root is the contract: regenerating it from the code changes nothing."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.urls import include, path
from django.utils import translation
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator

COMMITTED = Path(__file__).resolve().parents[2] / "openapi.yaml"
COMMAND = "motcua spectacular --file openapi.yaml --validate"

# Django gives a model's integer fields the range of the database's column: 64-bit on SQLite, 16 or 32 bits on
# PostgreSQL. Those bounds (and the int64 format that comes with them) are left out of the comparison, so the
# schema generated on either database matches the committed one.
DATABASE_MAXIMA = {32767, 2147483647, 9223372036854775807}
DATABASE_MINIMA = {-32768, -2147483648, -9223372036854775808}


def without_database_bounds(node):
    if isinstance(node, list):
        return [without_database_bounds(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: without_database_bounds(value) for key, value in node.items()}
    if node.get("type") == "integer" and node.get("maximum") in DATABASE_MAXIMA:
        del node["maximum"]
        if node.get("minimum") in DATABASE_MINIMA:
            del node["minimum"]
        if node.get("format") == "int64":
            del node["format"]
    return node


def generate(where: Path) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        call_command("spectacular", file=str(where), validate=True)
    return where.read_text(encoding="utf-8")


def test_the_committed_schema_matches_the_code(tmp_path):
    generated = yaml.safe_load(generate(tmp_path / "openapi.yaml"))
    committed = yaml.safe_load(COMMITTED.read_text(encoding="utf-8")) if COMMITTED.exists() else {}
    assert without_database_bounds(generated) == without_database_bounds(committed), (
        f"openapi.yaml is not the schema of the code: regenerate it with `{COMMAND}` at the repository root, "
        "check the difference (git diff openapi.yaml) and commit it with your change."
    )


def test_the_dossier_api_is_described_without_warnings(capsys):
    GENERATOR_STATS.reset()
    patterns = [path("api/v1/dossiers/", include("motcua.dossiers.api"))]
    with translation.override(settings.LANGUAGE_CODE):
        SchemaGenerator(patterns=patterns).get_schema(request=None, public=True)
    warnings = capsys.readouterr().err
    assert not GENERATOR_STATS, f"drf-spectacular warned; describe the views it names:\n{warnings}"


@pytest.mark.parametrize(
    "endpoint", ["/api/v1/dossiers/", "/api/v1/dossiers/{code}/", "/api/v1/dossiers/{code}/finish/"]
)
def test_the_dossier_endpoints_are_in_the_committed_schema(endpoint):
    assert endpoint in yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))["paths"]
