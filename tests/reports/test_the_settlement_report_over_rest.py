"""GET /api/v1/reports/settlement/: the command's JSON for monitors and leaders of the agency or above it;
structured 400 for bad input, 401 without credentials, 403 for others."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from motcua.org.models import Role
from tests.factories.org import MembershipFactory, UserFactory
from tests.reports.dataset import MARCH, build

pytestmark = pytest.mark.django_db
URL = "/api/v1/reports/settlement/"
MARCH_QUERY = {"agency": "000.00.00.H34", "from": "2026-03-01", "to": "2026-03-31"}


@pytest.fixture
def dataset(frozen_clock):
    return build(frozen_clock)


def client_of(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def command_json(*args) -> dict:
    out = StringIO()
    call_command("report", "settlement", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize("by", [None, "agency", "field", "month"])
def test_a_provincial_monitor_gets_the_commands_json(dataset, by):
    query = dict(MARCH_QUERY, **({"by": by} if by else {}))
    response = client_of(dataset.world.monitor).get(URL, query)
    assert response.status_code == 200
    args = ["--agency", query["agency"], "--from", query["from"], "--to", query["to"]]
    if by:
        args += ["--by", by]
    assert response.json() == command_json(*args)
    assert response.json()["received"]["total"] == 13


def test_a_leader_of_an_ancestor_may_read_a_units_report(dataset):
    response = client_of(dataset.world.provincial_leader).get(URL, {**MARCH_QUERY, "agency": "000.31.34.H34"})
    assert response.status_code == 200
    assert response.json()["agency"] == "000.31.34.H34" and response.json()["received"]["total"] == 11


def test_others_are_refused(dataset):
    world = dataset.world
    # The ward's leader may not read the province; the desk officer not even the ward.
    for user, agency in ((world.leader, "000.00.00.H34"), (world.desk, "000.31.34.H34")):
        response = client_of(user).get(URL, {**MARCH_QUERY, "agency": agency})
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "not_allowed"
    system = UserFactory(username="he-thong-khac")
    MembershipFactory(user=system, agency=world.department, role=Role.MONITOR)
    assert client_of(system).get(URL, MARCH_QUERY).status_code == 403
    assert client_of(system).get(URL, {**MARCH_QUERY, "agency": "000.00.22.H34"}).status_code == 200
    anonymous = APIClient().get(URL, MARCH_QUERY)
    assert anonymous.status_code == 401 and anonymous.json()["error"]["code"] == "not_authenticated"


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ({}, {"agency", "from", "to"}),
        ({**MARCH_QUERY, "agency": "nope"}, {"agency"}),
        ({**MARCH_QUERY, "from": "2026-02-30"}, {"from"}),
        ({**MARCH_QUERY, "to": "31/03/2026"}, {"to"}),
        ({**MARCH_QUERY, "from": "2026-04-01"}, {"to"}),
        ({**MARCH_QUERY, "by": "colour"}, {"by"}),
        ({**MARCH_QUERY, "to": "9999-12-31"}, {"to"}),
    ],
)
def test_bad_input_is_a_structured_400_in_vietnamese(dataset, query, fields):
    response = client_of(dataset.world.monitor).get(URL, query)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and set(error["fields"]) == fields
    assert error["message"] == "Một số giá trị còn thiếu hoặc không hợp lệ: xem từng trường."
    assert all(
        message and isinstance(message, str) for messages in error["fields"].values() for message in messages
    )


def test_english_when_asked(dataset):
    response = client_of(dataset.world.monitor).get(
        URL, {**MARCH_QUERY, "by": "colour"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.json()["error"]["fields"]["by"][0].startswith("Unknown breakdown")


def test_the_period_is_the_reports(dataset):
    response = client_of(dataset.world.monitor).get(URL, MARCH_QUERY)
    assert (response.json()["from"], response.json()["to"]) == tuple(day.isoformat() for day in MARCH)
