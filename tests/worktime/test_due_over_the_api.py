"""GET /api/v1/worktime/due: public, same rules as the command line, errors as {"errors": {field: [...]}}."""

import pytest
from django.urls import reverse

from tests.factories.org import AgencyFactory
from tests.factories.worktime import CalendarOverrideFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/worktime/due"


def test_the_due_instant_with_its_explanation_needs_no_login(client):
    response = client.get(
        URL, {"received": "2026-02-13T09:00:00+07:00", "amount": "1", "unit": "working_days"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["due"] == "2026-02-23T09:00:00+07:00"
    assert "Ngày nghỉ: 16/02-20/02 Tết Nguyên Đán" in body["explanation"]
    assert body["explanation"][-1] == "Hạn: 09:00 Thứ 2 23/02/2026."


def test_the_brief_example(client):
    response = client.get(
        URL, {"received": "2026-03-02T09:00:00+07:00", "amount": "2.5", "unit": "working_days"}
    )
    assert response.json()["due"] == "2026-03-04T14:00:00+07:00"


def test_an_unencoded_plus_in_the_query_string_is_understood(client):
    response = client.get(URL + "?received=2026-03-02T09:00:00+07:00&amount=1&unit=hours")
    assert response.json()["due"] == "2026-03-02T10:00:00+07:00"


def test_an_agency_uses_its_calendar(client):
    agency = AgencyFactory(code="000.00.22.H34")
    CalendarOverrideFactory(date="2026-03-03", agency=agency, name="Nghỉ do bão")
    response = client.get(
        URL,
        {
            "received": "2026-03-02T09:00:00+07:00",
            "amount": "1",
            "unit": "working_days",
            "agency": agency.code,
        },
    )
    assert response.json()["due"] == "2026-03-04T09:00:00+07:00"
    assert "Ngày nghỉ: 03/03 Nghỉ do bão" in response.json()["explanation"]


def test_cutoff_and_pauses(client):
    response = client.get(
        URL,
        {"received": "2026-03-02T15:30:00+07:00", "amount": "0", "unit": "working_days", "cutoff": "15:00"},
    )
    assert response.json()["due"] == "2026-03-03T17:00:00+07:00"
    response = client.get(
        URL,
        {
            "received": "2026-03-02T09:00:00+07:00",
            "amount": "2",
            "unit": "working_days",
            "pause": ["2026-03-03T13:00:00+07:00/2026-03-05T10:00:00+07:00"],
        },
    )
    assert response.json()["due"] == "2026-03-05T16:00:00+07:00"


def test_bad_input_gives_vietnamese_messages_per_field(client):
    response = client.get(
        URL, {"received": "2026-03-02T09:00:00", "amount": "-1", "unit": "weeks", "agency": "KHONG.CO"}
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"received", "amount", "unit", "agency"}
    assert errors["received"] == [
        "“2026-03-02T09:00:00” không có múi giờ: hãy ghi kèm, ví dụ 2026-03-02T09:00:00+07:00."
    ]
    assert errors["amount"] == ["Số lượng thời gian không được âm."]
    assert errors["unit"][0].startswith("Đơn vị “weeks” không hợp lệ")
    assert errors["agency"] == ["Không có cơ quan mã “KHONG.CO”."]


def test_missing_fields_are_named(client):
    response = client.get(URL)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"received", "amount", "unit"}


def test_english_on_request(client):
    response = client.get(
        URL, {"received": "x", "amount": "1", "unit": "hours"}, headers={"accept-language": "en"}
    )
    assert response.json()["errors"]["received"][0].startswith("“x” is not a date and time")


def test_a_due_date_off_the_calendar_is_a_400_not_a_crash(client):
    response = client.get(
        URL, {"received": "2100-12-30T09:00:00+07:00", "amount": "30", "unit": "working_days"}
    )
    assert response.status_code == 400
    assert "amount" in response.json()["errors"]


def test_the_endpoint_is_in_the_openapi_schema(client):
    schema = client.get(reverse("api-schema"), {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/worktime/due"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"received", "amount", "unit", "agency", "cutoff", "pause"} <= names
    assert {"200", "400"} <= set(operation["responses"])
    assert operation.get("security", [{}]) == [{}]  # public: no authentication
