from io import StringIO

import pytest
from django.core.management import call_command


def run_demo_data(*, dossiers: bool = False) -> str:
    """`demo-data`'s output. Without the demo dossiers unless asked: playing them takes seconds, so the tests
    of the dossiers load them once per module (loaded.py) and the others do without."""
    out = StringIO()
    call_command("demo-data", *([] if dossiers else ["--no-dossiers"]), stdout=out)
    return out.getvalue()


@pytest.fixture
def demo_output(db) -> str:
    """The demo province loaded once; the command's output."""
    return run_demo_data()
