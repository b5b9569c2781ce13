"""The engine runs without Django: the catalogue, scripts and the benchmark use it as plain Python."""

import subprocess
import sys


def test_importing_the_engine_does_not_import_django():
    code = (
        "import sys; import motcua.worktime.engine, motcua.worktime.days; "
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
