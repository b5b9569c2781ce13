"""Overrides of the official calendar: an extra day off or an extra working day, global or for one agency and
its subtree. Overrides win over the `holidays` package; the nearest agency's override wins."""

from datetime import date, time

import pytest

from motcua.worktime.days import DAY_OFF, WORKING_DAY, apply_overrides, official_days
from motcua.worktime.engine import Calendar
from motcua.worktime.selectors import calendar_for, calendar_year, due_for
from tests.factories.org import AgencyFactory
from tests.factories.worktime import CalendarOverrideFactory

from .helpers import at

pytestmark = pytest.mark.django_db


def test_apply_overrides_later_wins():
    off, work = apply_overrides(
        {date(2026, 11, 24): "Ngày Văn hóa Việt Nam"},
        {},
        [(date(2026, 11, 24), WORKING_DAY, "Chưa có luật"), (date(2026, 3, 3), DAY_OFF, "Bão")],
    )
    assert off == {date(2026, 3, 3): "Bão"}
    assert work == {date(2026, 11, 24): "Chưa có luật"}


def test_a_global_working_day_override_cancels_a_holiday_of_the_package():
    assert due_for(None, at("2026-11-23 09:00"), 1, "working_days") == at("2026-11-25 09:00")
    CalendarOverrideFactory(working=True, date=date(2026, 11, 24), name="Ngày Văn hóa: chưa nghỉ")
    assert due_for(None, at("2026-11-23 09:00"), 1, "working_days") == at("2026-11-24 09:00")


def test_a_global_day_off_override_applies_to_every_agency():
    ward = AgencyFactory(commune=True)
    CalendarOverrideFactory(date=date(2026, 3, 3), name="Nghỉ do bão")
    # Mon 02/03 09:00: 7 h; Tue 03/03 off; Wed 04/03 08:00-09:00.
    assert due_for(ward, at("2026-03-02 09:00"), 1, "working_days") == at("2026-03-04 09:00")
    assert due_for(None, at("2026-03-02 09:00"), 1, "working_days") == at("2026-03-04 09:00")


def test_an_agency_override_applies_to_its_subtree_only():
    province = AgencyFactory(province=True)
    department = AgencyFactory(parent=province)
    other = AgencyFactory(province=True)
    CalendarOverrideFactory(date=date(2026, 3, 3), agency=province, name="Nghỉ do bão số 3")
    assert due_for(department, at("2026-03-02 09:00"), 1, "working_days") == at("2026-03-04 09:00")
    assert due_for(province, at("2026-03-02 09:00"), 1, "working_days") == at("2026-03-04 09:00")
    assert due_for(other, at("2026-03-02 09:00"), 1, "working_days") == at("2026-03-03 09:00")


def test_the_nearest_agency_wins():
    province = AgencyFactory(province=True)
    department = AgencyFactory(parent=province)
    CalendarOverrideFactory(date=date(2026, 3, 3), name="Nghỉ toàn quốc")
    CalendarOverrideFactory(working=True, date=date(2026, 3, 3), agency=province, name="Tỉnh vẫn làm")
    CalendarOverrideFactory(date=date(2026, 3, 3), agency=department, name="Sở nghỉ")
    assert not calendar_for(None).is_working_day(date(2026, 3, 3))
    assert calendar_for(province).is_working_day(date(2026, 3, 3))
    assert not calendar_for(department).is_working_day(date(2026, 3, 3))


def test_an_extra_working_saturday_counts():
    CalendarOverrideFactory(working=True, date=date(2026, 3, 7), name="Làm bù")
    # Fri 06/03 09:00: 7 h; Sat 07/03 08:00-09:00.
    assert due_for(None, at("2026-03-06 09:00"), 1, "working_days") == at("2026-03-07 09:00")


def test_an_agency_with_its_own_sessions():
    agency = AgencyFactory(office_hours="07:00-11:30, 13:30-17:00")
    assert due_for(agency, at("2026-03-02 12:00"), 1, "hours") == at("2026-03-02 14:30")


def test_the_year_lists_package_days_and_overrides_with_their_decision():
    CalendarOverrideFactory(
        working=True, date=date(2026, 11, 24), name="Làm việc", decision="Công văn 1/VPCP"
    )
    days = {day.date: day for day in calendar_year(None, 2026)}
    assert days[date(2026, 2, 17)].name == "Tết Nguyên Đán"
    assert days[date(2026, 2, 17)].override is None
    assert days[date(2026, 8, 22)].kind == WORKING_DAY
    assert days[date(2026, 11, 24)].kind == WORKING_DAY
    assert days[date(2026, 11, 24)].override.decision == "Công văn 1/VPCP"


def test_package_calendar_matches_the_plain_engine_without_overrides():
    plain = Calendar(days_off=official_days()[0], working_days=official_days()[1])
    assert calendar_for(None).due(at("2026-02-13 09:00"), 3, "working_days") == plain.due(
        at("2026-02-13 09:00"), 3, "working_days"
    )
    assert calendar_for(None).due(at("2026-02-13 14:00"), 0, "working_days", cutoff=time(15)) == at(
        "2026-02-13 17:00"
    )
