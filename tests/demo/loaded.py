"""The demo loaded once per test module (the load plays hundreds of dossiers through the services).

`demo_loaded` keeps the demo in an outer transaction for the module and rolls it back at the end, so other
modules never see it; each test still runs in its own savepoint (pytest-django's `db`)."""

import pytest
from django.db import transaction

from .conftest import run_demo_data


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield run_demo_data(dossiers=True)
        transaction.set_rollback(True)
