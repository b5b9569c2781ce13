"""Rows seeded by data migrations are there at the start of every transactional test, whatever ran before."""

from pathlib import Path

import pytest

from motcua.org.models import AgencyKind
from tests.conftest import SEEDS

PACKAGE = Path(__file__).resolve().parents[2] / "motcua"


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_may_empty_the_tables():
    AgencyKind.objects.all().delete()
    assert not AgencyKind.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_next_transactional_test_still_finds_the_seeded_kinds():
    assert AgencyKind.objects.filter(code__in=["province", "commune", "vertical"]).count() == 3


def test_every_seeding_migration_is_listed():
    """A data migration that seeds rows (get_or_create in a RunPython function) must be in SEEDS."""
    seeding = {
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for path in PACKAGE.glob("*/migrations/0*.py")
        if "RunPython" in (text := path.read_text()) and "get_or_create(" in text
    }
    assert seeding == {module for module, _function in SEEDS}
