"""The three surfaces of the index (staff page, command line, REST) show the same figures, to the people who
may see them, with errors in Vietnamese (structured in the API)."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from motcua.org.models import Role
from motcua.serviceindex.index import index
from tests.factories.org import staff
from tests.serviceindex.dataset import MARCH, READ_AT, build

pytestmark = pytest.mark.django_db

PERIOD = {"from": "2026-03-01", "to": "2026-03-31"}


@pytest.fixture
def dataset(frozen_clock):
    return build(frozen_clock)


def expected(dataset, agency=None):
    return index(agency or dataset.world.province, *MARCH, now=READ_AT).as_dict()


def run(*args, **options) -> str:
    out = io.StringIO()
    call_command("service-index", *args, stdout=out, **options)
    return out.getvalue()


def march(agency, *more):
    return ["--agency", agency.code, "--from", "2026-03-01", "--to", "2026-03-31", *more]


# --- command line ----------------------------------------------------------------------------------------


def test_the_command_prints_the_index_as_json(dataset):
    data = json.loads(run(*march(dataset.world.province)))
    assert data == expected(dataset)
    assert (data["total"], data["achievable"], data["score_100"], data["band"]) == (
        "34.38",
        "70.00",
        "49.11",
        "Yếu",
    )
    by_code = {row["code"]: row for row in data["indicators"]}
    assert by_code["2.1"] | {"name": ""} == {
        "code": "2.1",
        "group": 2,
        "name": "",
        "max_points": "20.00",
        "target": None,
        "computed": True,
        "numerator": 3,
        "denominator": 6,
        "ratio": "50.00",
        "points": "10.00",
    }
    assert by_code["1.1"]["computed"] is False and by_code["1.1"]["points"] is None


def test_the_command_prints_a_text_table(dataset, monkeypatch):
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    text = run(*march(dataset.world.province, "--format", "text"))
    assert "3/6 = 50.00 %" in text and "10.00/20.00" in text
    assert "Yếu" in text and "34.38" in text


@pytest.mark.parametrize(
    "args, vietnamese",
    [
        (
            ["--agency", "KHONG.CO", "--from", "2026-03-01", "--to", "2026-03-31"],
            "Không có cơ quan nào có mã “KHONG.CO”.",
        ),
        (
            ["--agency", "{ward}", "--from", "2026-02-30", "--to", "2026-03-31"],
            "“2026-02-30” không phải là ngày: viết from theo dạng YYYY-MM-DD, ví dụ 2026-03-31.",
        ),
        (
            ["--agency", "{ward}", "--from", "2026-03-31", "--to", "2026-03-01"],
            "Kỳ báo cáo kết thúc (2026-03-01) trước khi bắt đầu (2026-03-31).",
        ),
        (
            ["--agency", "{ward}", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "xlsx"],
            "Không có định dạng “xlsx”: dùng một trong json, text.",
        ),
    ],
)
def test_bad_input_is_one_vietnamese_line_and_exit_code_2(dataset, monkeypatch, args, vietnamese):
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    args = [arg.format(ward=dataset.world.ward.code) for arg in args]
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        run(*args, stderr=err)
    assert exit_info.value.code == 2
    assert err.getvalue().strip() == vietnamese


# --- REST ------------------------------------------------------------------------------------------------


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_a_monitor_gets_the_same_json_as_the_command(dataset):
    response = api(dataset.world.monitor).get(
        "/api/v1/service-index/", {"agency": dataset.world.province.code, **PERIOD}
    )
    assert response.status_code == 200
    assert response.json() == expected(dataset)


def test_a_ward_leader_sees_the_ward_but_not_the_province(dataset):
    client = api(dataset.world.leader)
    ward = client.get("/api/v1/service-index/", {"agency": dataset.world.ward.code, **PERIOD})
    assert ward.status_code == 200 and ward.json() == expected(dataset, dataset.world.ward)
    province = client.get("/api/v1/service-index/", {"agency": dataset.world.province.code, **PERIOD})
    assert province.status_code == 403
    assert province.json()["error"]["code"] == "not_allowed"
    assert province.json()["error"]["details"] == {"agency": dataset.world.province.code}


def test_a_desk_officer_and_an_anonymous_caller_are_refused(dataset):
    desk = api(dataset.world.desk).get(
        "/api/v1/service-index/", {"agency": dataset.world.ward.code, **PERIOD}
    )
    assert desk.status_code == 403 and desk.json()["error"]["code"] == "not_allowed"
    anonymous = api().get("/api/v1/service-index/", {"agency": dataset.world.ward.code, **PERIOD})
    assert anonymous.status_code == 401
    assert anonymous.json()["error"]["code"] == "not_authenticated"


def test_bad_inputs_are_named_field_by_field(dataset):
    response = api(dataset.world.monitor).get(
        "/api/v1/service-index/", {"agency": "KHONG.CO", "from": "31/03/2026"}, HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["message"] == "Một số giá trị còn thiếu hoặc không hợp lệ: xem từng trường."
    assert set(error["fields"]) == {"agency", "from", "to"}
    assert error["fields"]["agency"] == ["Không có cơ quan nào có mã “KHONG.CO”."]


def test_a_date_the_reports_cannot_hold_is_refused_not_a_server_error(dataset):
    """The period is checked as for the settlement report (one check): year 9999 is out of range."""
    asked = {"agency": dataset.world.ward.code, "from": "2026-03-01", "to": "9999-12-31"}
    response = api(dataset.world.monitor).get("/api/v1/service-index/", asked)
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"to"}


# --- staff page ------------------------------------------------------------------------------------------


def page_query(agency, first="2026-03-01", last="2026-03-31"):
    return {"agency": agency.pk, "first_day": first, "last_day": last}


def test_the_page_shows_each_indicator_and_links_to_what_lost_points(client, dataset):
    client.force_login(dataset.world.monitor)
    response = client.get(reverse("serviceindex:page"), page_query(dataset.world.province))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)" in html
    assert 'id="index-band">Yếu<' in html
    row = html[html.index('id="indicator-2.1"') :]
    row = row[: row.index("</tr>")]
    # Vietnamese number writing: a decimal comma.
    assert "3 / 6" in row and "50,00" in row and "10,00 / 20,00" in row
    lost_url = reverse("serviceindex:lost", args=["2.1"])
    assert lost_url in html
    listed = client.get(lost_url, page_query(dataset.world.province))
    assert listed.status_code == 200
    for name in ("d2", "d3", "d6"):
        assert dataset.dossiers[name].code in listed.content.decode()
    assert dataset.dossiers["d1"].code not in listed.content.decode()


def test_the_lost_procedures_and_feedback_are_listed(client, dataset):
    client.force_login(dataset.world.monitor)
    procedures = client.get(reverse("serviceindex:lost", args=["1.3"]), page_query(dataset.world.province))
    assert "Thủ tục chưa đủ bộ phận" in procedures.content.decode()
    feedback = client.get(reverse("serviceindex:lost", args=["5.2"]), page_query(dataset.world.province))
    html = feedback.content.decode()
    assert all(dataset.feedback[name].code in html for name in ("f2", "f5", "f7"))
    assert dataset.feedback["f1"].code not in html
    assert (
        client.get(reverse("serviceindex:lost", args=["1.1"]), page_query(dataset.world.province)).status_code
        == 404
    )


def test_bad_dates_on_the_page_are_explained_in_vietnamese(client, dataset):
    client.force_login(dataset.world.monitor)
    response = client.get(
        reverse("serviceindex:page"), page_query(dataset.world.province, "2026-03-31", "2026-03-01")
    )
    assert response.status_code == 400
    assert "Ngày kết thúc kỳ đứng trước ngày bắt đầu." in response.content.decode()
    response = client.get(reverse("serviceindex:page"), page_query(dataset.world.province, "31/02/2026"))
    assert response.status_code == 400
    assert "Ngày đầu không phải là một ngày." in response.content.decode()


def test_only_leaders_monitors_and_administrators_see_the_page(client, dataset):
    client.force_login(dataset.world.desk)
    assert client.get(reverse("serviceindex:page")).status_code == 403
    client.force_login(dataset.world.leader)
    response = client.get(reverse("serviceindex:page"))
    assert response.status_code == 200  # the ward, this year up to today
    other = staff(Role.MONITOR, dataset.world.department, username="si.giamsat.so")
    client.force_login(other)
    refused = client.get(reverse("serviceindex:page"), page_query(dataset.world.province))
    assert refused.status_code == 400  # the province is not among the department monitor's agencies
