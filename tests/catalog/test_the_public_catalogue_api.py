"""The catalogue over REST: public, read-only, procedures in force with their current version."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from motcua.catalog import services
from tests.factories.catalog import BundleFactory, FieldFactory, ProcedureVersionFactory
from tests.factories.org import AgencyFactory, AgencyKindFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return APIClient()  # anonymous: the catalogue is public


@pytest.fixture
def marriage():
    return ProcedureVersionFactory(complete=True, name="Đăng ký kết hôn")


def codes(response) -> list[str]:
    assert response.status_code == 200
    return [item["code"] for item in response.json()["results"]]


def test_the_list_shows_procedures_in_force(client, marriage):
    amended = ProcedureVersionFactory()
    services.revise(amended, name="Tên mới")
    abolished = services.abolish(ProcedureVersionFactory())
    ProcedureVersionFactory(draft=True)
    response = client.get(reverse("catalog-procedure-list"))
    assert sorted(codes(response)) == sorted([marriage.code, amended.code])
    assert abolished.code not in codes(response)
    item = next(item for item in response.json()["results"] if item["code"] == marriage.code)
    assert item["name"] == "Đăng ký kết hôn"
    assert item["committed_time_limit"] == {"value": "2.5", "unit": "working_days"}
    assert item["reduction"] == {"days": "0.5", "percent": "16.67"}
    assert item["channels"] == ["direct", "online"]
    assert item["agency_kinds"] == ["commune"]


def test_the_list_filters(client, marriage):
    land = FieldFactory(code="DATDAI", name="Đất đai")
    province = AgencyKindFactory(code="province", name="Tỉnh", rank=10)
    other = ProcedureVersionFactory(
        field=land, level="province", online_level="full", agency_kinds=[province]
    )
    url = reverse("catalog-procedure-list")
    assert codes(client.get(url, {"field": "DATDAI"})) == [other.code]
    assert codes(client.get(url, {"level": "commune"})) == [marriage.code]
    assert codes(client.get(url, {"online_level": "full"})) == [other.code]
    assert codes(client.get(url, {"agency_kind": "province"})) == [other.code]
    assert codes(client.get(url, {"search": marriage.code})) == [marriage.code]
    assert codes(client.get(url, {"search": "kết hôn"})) == [marriage.code]
    assert codes(client.get(url, {"search": "ket hon"})) == [marriage.code]  # without diacritics
    assert client.get(url, {"level": "village"}).status_code == 400


def test_the_detail_shows_documents_fees_steps_and_reduction(client, marriage):
    department = AgencyFactory(code="000.00.22.H34")
    step = marriage.steps.last()
    step.agency = department
    step.save()
    response = client.get(reverse("catalog-procedure-detail", args=[marriage.code]))
    assert response.status_code == 200
    data = response.json()
    assert data["code"] == marriage.code and data["version"] == marriage.number
    assert [doc["name"] for doc in data["documents"]] == ["Tờ khai theo mẫu", "Giấy tờ tùy thân"]
    assert data["fees"] == [{"name": "Lệ phí", "amount": 8000, "note": ""}]
    assert [step["agency"] for step in data["process"]] == ["receiving", "receiving", "000.00.22.H34"]
    assert [step["role"] for step in data["process"]] == ["desk_officer", "specialist", "leader"]
    assert data["reduction"]["percent"] == "16.67"
    assert data["legal_time_limit"] == {"value": "3", "unit": "working_days"}


def test_the_detail_is_the_current_version(client, marriage):
    new = services.revise(marriage, name="Đăng ký kết hôn (mới)")
    data = client.get(reverse("catalog-procedure-detail", args=[marriage.code])).json()
    assert (data["name"], data["version"]) == ("Đăng ký kết hôn (mới)", new.number)


def test_an_unknown_or_abolished_code_is_not_found(client, marriage):
    assert client.get(reverse("catalog-procedure-detail", args=["9.999999"])).status_code == 404
    services.abolish(marriage)
    assert client.get(reverse("catalog-procedure-detail", args=[marriage.code])).status_code == 404


def test_fields_and_bundles(client, marriage):
    bundle = BundleFactory(lead=marriage.procedure, code="LT-KETHON")
    assert client.get(reverse("catalog-field-list")).json() == [{"code": "HOTICH", "name": "Hộ tịch"}]
    data = client.get(reverse("catalog-bundle-list")).json()
    assert data[0]["code"] == "LT-KETHON" and data[0]["lead"] == marriage.code
    assert data[0]["procedures"] == [member.procedure.code for member in bundle.members.all()]


def test_the_api_is_read_only(client, marriage):
    response = client.post(reverse("catalog-procedure-list"), {"code": "1.000001"}, format="json")
    assert response.status_code == 405


def test_the_catalogue_is_in_the_api_schema(client):
    schema = client.get(reverse("api-schema")).content.decode()
    assert "/api/v1/catalog/procedures/{code}/" in schema
    assert "agency_kind" in schema and "reduction" in schema
