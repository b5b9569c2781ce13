"""Administrators keep the calendar in the Vietnamese admin: list, filters (year, kind, agency), search."""

from datetime import date

import pytest
from django.urls import reverse

from motcua.worktime.models import CalendarOverride
from motcua.worktime.selectors import calendar_for
from tests.factories.org import AgencyFactory
from tests.factories.worktime import CalendarOverrideFactory

pytestmark = pytest.mark.django_db

LIST = reverse("admin:worktime_calendaroverride_changelist")


def test_the_list_is_in_vietnamese_with_its_columns_and_filters(admin_client):
    CalendarOverrideFactory(date=date(2026, 3, 3), name="Nghỉ do bão", decision="Công điện 12/CĐ-TTg")
    page = admin_client.get(LIST).content.decode()
    assert "Nghỉ do bão" in page
    assert "Công điện 12/CĐ-TTg" in page
    assert "Ngày nghỉ bổ sung" in page
    assert "Toàn quốc" in page
    assert "Theo năm" in page or "năm" in page


def test_filters_by_year_kind_and_agency(admin_client):
    province = AgencyFactory(province=True, name="Tỉnh Quảng Ngãi")
    CalendarOverrideFactory(date=date(2025, 4, 28), name="Năm trước")
    CalendarOverrideFactory(date=date(2026, 3, 3), name="Năm nay", agency=province)
    CalendarOverrideFactory(working=True, date=date(2026, 3, 7), name="Làm bù thứ Bảy")
    assert "Năm trước" not in admin_client.get(LIST, {"year": "2026"}).content.decode()
    by_kind = admin_client.get(LIST, {"kind__exact": "working_day"}).content.decode()
    assert "Làm bù thứ Bảy" in by_kind and "Năm nay" not in by_kind
    by_agency = admin_client.get(LIST, {"agency__id__exact": province.pk}).content.decode()
    assert "Năm nay" in by_agency and "Năm trước" not in by_agency
    searched = admin_client.get(LIST, {"q": "Quảng Ngãi"}).content.decode()
    assert "Năm nay" in searched and "Làm bù thứ Bảy" not in searched


def test_adding_an_override_in_the_admin_changes_the_calendar(admin_client):
    response = admin_client.post(
        reverse("admin:worktime_calendaroverride_add"),
        {"date": "03/03/2026", "kind": "day_off", "name": "Nghỉ do bão", "decision": "Công điện 1/CĐ-TTg"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert CalendarOverride.objects.get().date == date(2026, 3, 3)
    assert not calendar_for(None).is_working_day(date(2026, 3, 3))


def test_two_global_overrides_of_the_same_date_are_refused(admin_client):
    CalendarOverrideFactory(date=date(2026, 3, 3))
    response = admin_client.post(
        reverse("admin:worktime_calendaroverride_add"),
        {"date": "03/03/2026", "kind": "working_day", "name": "Trùng", "decision": "X"},
    )
    assert response.status_code == 200
    assert CalendarOverride.objects.count() == 1
