"""The list: filters on indexed columns, a search without diacritics, and a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.dossiers import services
from motcua.org.models import Role
from tests.factories.dossiers import at_step, intake, received, vn
from tests.factories.org import AgencyFactory, staff

from .helpers import url

pytestmark = pytest.mark.django_db


def codes(api, **params) -> list[str]:
    response = api.get(url(), params)
    assert response.status_code == 200, response.json()
    return [row["code"] for row in response.json()["results"]]


@pytest.fixture
def dossiers(world, frozen_clock):
    """Three received on 2 March (one late, one paused, one fine), one submitted on 5 March."""
    late = received(world, frozen_clock, vn(2026, 3, 2, 9), name="Nguyễn Văn An")
    paused = received(world, frozen_clock, vn(2026, 3, 2, 9), name="Trần Thị Bình", id_number="079190000001")
    paused = at_step(world, frozen_clock, paused, Role.SPECIALIST)
    paused = services.request_supplement(paused, world.specialist, missing=["Tờ khai"], reason="Thiếu")
    fine = received(world, frozen_clock, vn(2026, 3, 2, 9), name="Lê Đức Cường")
    fine = at_step(world, frozen_clock, fine, Role.LEADER)
    fine = services.finish(fine, world.leader, result_number="01/GCN")
    frozen_clock.set(vn(2026, 3, 5, 9))  # after every appointment (4 March, 14:00)
    submitted = services.submit(intake(world, name="Phạm Thị Dung", channel="online"), world.desk)
    return {"late": late.code, "paused": paused.code, "fine": fine.code, "submitted": submitted.code}


def test_overdue_means_unfinished_past_the_appointment_and_not_merely_paused(api, dossiers):
    assert codes(api, overdue="true") == [dossiers["late"]]
    assert set(codes(api, overdue="false")) == {dossiers["paused"], dossiers["fine"], dossiers["submitted"]}
    detail = api.get(url(dossiers["late"])).json()
    assert detail["is_overdue"] is True


def test_paused_lists_the_dossiers_whose_clock_is_stopped(api, dossiers):
    assert codes(api, paused="true") == [dossiers["paused"]]
    assert dossiers["paused"] not in codes(api, paused="false")


def test_search_by_name_without_diacritics_by_code_or_by_id_number(api, dossiers):
    assert codes(api, search="tran thi binh") == [dossiers["paused"]]
    assert codes(api, search="Trần Thị") == [dossiers["paused"]]
    assert codes(api, search="le duc") == [dossiers["fine"]]
    assert codes(api, search="079190000001") == [dossiers["paused"]]
    assert codes(api, search=dossiers["late"]) == [dossiers["late"]]
    assert len(codes(api, search=dossiers["late"][:-4])) == 3  # the three received on 2 March
    assert codes(api, search="khong ai") == []


def test_filters_by_state_channel_dates_agencies_and_procedure(api, world, dossiers):
    assert codes(api, state="submitted") == [dossiers["submitted"]]
    assert set(codes(api, state=["submitted", "result_ready"])) == {dossiers["submitted"], dossiers["fine"]}
    assert codes(api, channel="online") == [dossiers["submitted"]]
    assert len(codes(api, received_from="2026-03-02", received_to="2026-03-02")) == 3
    assert codes(api, received_from="2026-03-03") == []
    assert set(codes(api, due_before="2026-03-04T15:00:00+07:00")) == {
        dossiers["late"],
        dossiers["paused"],
        dossiers["fine"],
    }
    assert len(codes(api, receiving_agency=world.ward.code, procedure=world.version.code)) == 4
    assert codes(api, current_agency=world.department.code) == []
    assert codes(api, receiving_agency=world.department.code) == []


def test_ordering_and_pages(api, dossiers):
    newest_first = codes(api)
    assert newest_first[0] == dossiers["submitted"]
    by_code = codes(api, ordering="code")
    assert by_code == sorted(by_code)
    page = api.get(url(), {"page_size": 2}).json()
    assert page["count"] == 4 and len(page["results"]) == 2 and page["next"]


def test_bad_filter_values_are_field_errors(api, dossiers):
    response = api.get(url(), {"state": "lost", "received_from": "hôm qua"})
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"state", "received_from"}


def test_the_number_of_queries_does_not_grow_with_the_rows(api, ward_system, world, frozen_clock):
    other_ward = AgencyFactory(parent=world.province, commune=True)
    other_desk = staff(Role.DESK_OFFICER, other_ward)
    received(world, frozen_clock, vn(2026, 3, 2, 9))

    def count_queries(params) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            response = api.get(url(), params)
        assert response.status_code == 200
        return len(queries), len(response.json()["results"])

    params = {"overdue": "false", "search": "nguyen", "state": ["received", "processing"]}
    one = count_queries(params)
    for index in range(29):
        dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
        if index % 3 == 0:
            services.forward(dossier, world.desk)
        services.submit(intake(world, agency=other_ward), other_desk)  # not visible: filtered in SQL
    thirty = count_queries(params)
    assert (one[1], thirty[1]) == (1, 30)
    assert one[0] == thirty[0] <= 5, "token, memberships, agencies, count, page"
