"""Scans go to a temporary media folder; the dossier world of tests/factories/dossiers.py; page helpers."""

import pytest

from tests.factories.dossiers import make_world


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def world(db):
    return make_world()


def as_user(client, user):
    client.force_login(user)
    return client
