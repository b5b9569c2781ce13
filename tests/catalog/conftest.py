"""Blank forms go to a temporary media folder; the agency the sample catalogue names exists."""

import copy

import pytest

from tests.catalog.sample import CATALOGUE
from tests.factories.org import AgencyFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def ward(db):
    """The agency named in the process of RESIDENCE."""
    return AgencyFactory(code="000.00.31.H34", name="Công an phường Phú Hội", commune=True)


@pytest.fixture
def catalogue(ward):
    """A fresh deep copy of the valid catalogue, to change in a test."""
    return copy.deepcopy(CATALOGUE)
