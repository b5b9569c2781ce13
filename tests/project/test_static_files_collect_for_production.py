"""`motcua collectstatic` with the production settings (MOTCUA_DEBUG off: whitenoise's compressed manifest
storage) succeeds: no vendored file points to a file that is not there (such as a source map), and the
dashboard's Chart.js and script are in the manifest."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "motcua" / "static" / "vendor"


def test_no_vendored_file_points_to_a_source_map():
    pointing = [
        str(path.relative_to(VENDOR))
        for path in sorted(VENDOR.rglob("*"))
        if path.suffix in (".js", ".css") and "sourceMappingURL" in path.read_text(encoding="utf-8")
    ]
    assert pointing == []


def test_collectstatic_succeeds_with_the_production_storage(tmp_path):
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("MOTCUA_")},
        "MOTCUA_DEBUG": "0",
        "MOTCUA_SECRET_KEY": "collectstatic-test-key-not-a-secret-0123456789abcdefghij",
        "MOTCUA_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "motcua", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
    for name in (
        "vendor/chartjs/chart.umd.min.js",
        "vendor/bootstrap/bootstrap.min.css",
        "motcua/dashboard.js",
    ):
        hashed = tmp_path / "static" / manifest[name]
        assert hashed.exists() and hashed.with_name(hashed.name + ".gz").exists()
