"""The same commands through call_command, with agencies and overrides from factories."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command

from tests.factories.org import AgencyFactory
from tests.factories.worktime import CalendarOverrideFactory

pytestmark = pytest.mark.django_db


def test_due_for_an_agency_uses_its_overrides(monkeypatch):
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    agency = AgencyFactory(code="000.00.22.H34")
    CalendarOverrideFactory(date=date(2026, 3, 3), agency=agency)
    out = io.StringIO()
    call_command(
        "due",
        received="2026-03-02T09:00:00+07:00",
        amount="1",
        unit="working_days",
        agency=agency.code,
        stdout=out,
    )
    assert out.getvalue() == "2026-03-04T09:00:00+07:00\n"


def test_jsonl_with_agencies(monkeypatch):
    agency = AgencyFactory(code="H34")
    CalendarOverrideFactory(date=date(2026, 3, 3), agency=agency)
    stdin = io.StringIO(
        json.dumps(
            {"received": "2026-03-02T09:00:00+07:00", "amount": 1, "unit": "working_days", "agency": "H34"}
        )
        + "\n"
        + json.dumps({"received": "2026-03-02T09:00:00+07:00", "amount": 1, "unit": "working_days"})
        + "\n"
    )
    out = io.StringIO()
    call_command("due", jsonl=True, stdin=stdin, stdout=out)
    assert [json.loads(line)["due"] for line in out.getvalue().splitlines()] == [
        "2026-03-04T09:00:00+07:00",
        "2026-03-03T09:00:00+07:00",
    ]


def test_bad_input_exits_with_code_2(monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("due", received="2026-03-02T09:00:00+07:00", amount="1", unit="weeks", stderr=err)
    assert exit_info.value.code == 2
    assert err.getvalue().startswith("Unknown unit “weeks”")


def test_calendar_show_names_the_override_and_its_decision(monkeypatch):
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    province = AgencyFactory(province=True, code="H34", name="Tỉnh Quảng Ngãi")
    CalendarOverrideFactory(
        working=True,
        date=date(2026, 11, 24),
        agency=province,
        name="Làm việc bình thường",
        decision="CV 5/UBND",
    )
    out = io.StringIO()
    call_command("calendar", "show", "2026", agency="H34", stdout=out)
    line = next(line for line in out.getvalue().splitlines() if line.startswith("24/11/2026"))
    assert "Làm việc bình thường" in line
    assert "CV 5/UBND" in line
    assert "Tỉnh Quảng Ngãi" in line
