"""A version in force is never edited: a change makes a new version, the old one is amended and kept."""

from decimal import Decimal

import pytest

from motcua.catalog import selectors, services
from motcua.catalog.models import ProcedureVersion, Status
from tests.factories.catalog import ProcedureVersionFactory

pytestmark = pytest.mark.django_db


def test_revising_a_version_in_force_makes_a_new_version_and_amends_the_old_one():
    old = ProcedureVersionFactory(complete=True, name="Đăng ký kết hôn")
    new = services.revise(
        old,
        committed_limit_value=Decimal(2),
        steps=[
            {"name": "Tiếp nhận", "agency": None, "role": "desk_officer", "hours": Decimal(2)},
            {"name": "Giải quyết", "agency": None, "role": "specialist", "hours": Decimal(14)},
        ],
    )
    old.refresh_from_db()
    assert new.pk != old.pk
    assert new.procedure == old.procedure
    assert new.number > old.number
    assert new.status == Status.IN_FORCE and new.effective_at is not None
    assert old.status == Status.AMENDED and old.ended_at is not None
    # The old version keeps its content, documents, fees and steps: a dossier received under it is unaffected.
    assert old.committed_limit_value == Decimal("2.5")
    assert old.steps.count() == 3 and old.documents.count() == 2 and old.fees.count() == 1
    # The new one carries everything over, with the change.
    assert new.name == "Đăng ký kết hôn"
    assert new.committed_limit_value == Decimal(2)
    assert [step.name for step in new.steps.all()] == ["Tiếp nhận", "Giải quyết"]
    assert new.documents.count() == 2 and new.fees.count() == 1
    assert list(new.agency_kinds.all()) == list(old.agency_kinds.all())
    assert selectors.current_version(old.code) == new


def test_a_draft_is_changed_in_place():
    draft = ProcedureVersionFactory(draft=True)
    same = services.revise(draft, name="Tên mới")
    assert same.pk == draft.pk and same.status == Status.DRAFT
    assert ProcedureVersion.objects.get(pk=draft.pk).name == "Tên mới"


def test_publishing_a_draft_amends_the_version_in_force():
    in_force = ProcedureVersionFactory(complete=True)
    draft = services.new_draft(in_force)
    assert draft.status == Status.DRAFT and draft.number == in_force.number + 1
    assert draft.steps.count() == 3
    assert selectors.current_version(in_force.code) == in_force  # a draft changes nothing yet
    services.publish(draft)
    in_force.refresh_from_db()
    assert in_force.status == Status.AMENDED
    assert selectors.current_version(in_force.code) == draft


def test_only_one_draft_at_a_time():
    in_force = ProcedureVersionFactory()
    services.new_draft(in_force)
    with pytest.raises(services.CatalogueError):
        services.new_draft(in_force)


def test_a_draft_that_breaks_a_rule_is_not_published():
    draft = ProcedureVersionFactory(draft=True, committed_limit_value=Decimal(4))  # legal: 3 working days
    with pytest.raises(services.CatalogueError) as refused:
        services.publish(draft)
    assert "committed" in str(refused.value) or "cam kết" in str(refused.value)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_amended_versions_cannot_be_changed():
    old = ProcedureVersionFactory()
    services.revise(old, name="Tên mới")
    old.refresh_from_db()
    with pytest.raises(services.CatalogueError):
        services.revise(old, name="Tên khác")


def test_abolishing_leaves_no_version_in_force():
    version = ProcedureVersionFactory()
    services.abolish(version)
    assert version.status == Status.ABOLISHED
    assert selectors.current_version(version.code) is None
    assert version not in selectors.procedures_in_force()


def test_the_version_in_force_at_a_moment():
    old = ProcedureVersionFactory()
    new = services.revise(old, name="Tên mới")
    old.refresh_from_db()
    assert selectors.version_in_force_at(old.code, old.effective_at) == old
    assert selectors.version_in_force_at(old.code, new.effective_at) == new


def test_versions_change_at_server_time(frozen_clock):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    old = ProcedureVersionFactory()
    moment = frozen_clock.set(datetime(2026, 7, 1, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))
    new = services.revise(old, name="Tên mới")
    old.refresh_from_db()
    assert new.effective_at == moment == old.ended_at
