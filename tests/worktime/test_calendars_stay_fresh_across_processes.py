"""Calendars are cached per process and rebuilt when any process changes an override.

The revision token is a database row changed in the same transaction as the override, so another process sees
the change as soon as it commits. Here "another process" is simulated by changing the data behind the cache's
back (a queryset update, as another server would), then bumping the token as the receivers do.
"""

from datetime import date

import pytest

from motcua.worktime import selectors
from motcua.worktime.models import CalendarOverride, CalendarRevision
from motcua.worktime.signals import bump_revision
from tests.factories.org import AgencyFactory
from tests.factories.worktime import CalendarOverrideFactory

from .helpers import at

pytestmark = pytest.mark.django_db


def test_the_calendar_is_reused_while_nothing_changes(django_assert_num_queries):
    agency = AgencyFactory()
    first = selectors.calendar_for(agency)
    with django_assert_num_queries(1):  # the revision token only
        assert selectors.calendar_for(agency) is first


def test_agencies_with_the_same_configuration_share_one_calendar():
    assert selectors.calendar_for(AgencyFactory()) is selectors.calendar_for(AgencyFactory())


def test_saving_an_override_changes_the_revision_and_the_calendar():
    before = selectors.calendar_for(None)
    token = CalendarRevision.objects.values_list("token", flat=True).first()
    override = CalendarOverrideFactory(date=date(2026, 3, 3))
    assert CalendarRevision.objects.values_list("token", flat=True).get() != token
    after = selectors.calendar_for(None)
    assert after is not before
    assert not after.is_working_day(date(2026, 3, 3))
    override.delete()
    assert selectors.calendar_for(None).is_working_day(date(2026, 3, 3))


def test_a_change_made_elsewhere_is_seen_once_the_token_changes():
    override = CalendarOverrideFactory(date=date(2026, 3, 3))
    assert not selectors.calendar_for(None).is_working_day(date(2026, 3, 3))
    # Another process moves the override (its receivers would bump the token in the same transaction).
    CalendarOverride.objects.filter(pk=override.pk).update(date=date(2026, 3, 4))
    bump_revision()
    calendar = selectors.calendar_for(None)
    assert calendar.is_working_day(date(2026, 3, 3))
    assert not calendar.is_working_day(date(2026, 3, 4))


def test_moving_an_agency_to_another_parent_changes_its_calendar():
    province = AgencyFactory(province=True)
    other = AgencyFactory(province=True)
    department = AgencyFactory(parent=province)
    CalendarOverrideFactory(date=date(2026, 3, 3), agency=province)
    assert selectors.due_for(department, at("2026-03-02 09:00"), 1, "hours") == at("2026-03-02 10:00")
    assert not selectors.calendar_for(department).is_working_day(date(2026, 3, 3))
    department.parent = other
    department.save()
    assert selectors.calendar_for(department).is_working_day(date(2026, 3, 3))


def test_changing_office_hours_changes_the_calendar():
    agency = AgencyFactory()
    assert selectors.due_for(agency, at("2026-03-02 07:00"), 1, "hours") == at("2026-03-02 09:00")
    agency.office_hours = "07:00-11:00, 13:00-17:00"
    agency.save()
    assert selectors.due_for(agency, at("2026-03-02 07:00"), 1, "hours") == at("2026-03-02 08:00")
