import pytest


@pytest.fixture(autouse=True)
def seeded_index(db):
    """The default groups, indicators and bands (migration 0002), put back if a transactional test of another
    app emptied the tables before this one."""
    from importlib import import_module

    from django.apps import apps

    import_module("motcua.serviceindex.migrations.0002_default_index").seed(apps, None)
