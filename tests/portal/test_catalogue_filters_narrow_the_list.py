"""Filters by field, by where to file (agency), by level and by online service; results come in pages."""

import re

import pytest

from motcua.catalog.models import ProcedureVersion
from motcua.dossiers.rules import may_receive
from motcua.org.models import Agency
from motcua.portal import selectors
from tests.factories.catalog import FieldFactory, ProcedureVersionFactory

pytestmark = pytest.mark.django_db


def codes(client, **params) -> list[str]:
    response = client.get("/procedures/", params)
    assert response.status_code == 200
    return sorted(set(re.findall(r'href="/procedures/(\d\.\d{6})/"', response.content.decode())))


@pytest.fixture
def catalogue(world, centre, birth, marriage, company):
    """Commune level: birth (full online), marriage and the world's household business (partial online);
    province level: the company (not online), received by departments."""
    world.version.field = FieldFactory(code="HKD", name="Hộ kinh doanh")
    world.version.save()
    return birth, marriage, company


def test_by_field(client, catalogue):
    assert codes(client, field="HOTICH") == ["1.000894", "1.001193"]
    assert codes(client, field="DKDN") == ["2.002042"]


def test_by_level(client, world, catalogue):
    assert codes(client, level="province") == ["2.002042"]
    assert codes(client, level="commune") == sorted(["1.000894", "1.001193", world.version.code])


def test_by_online_service_level(client, world, catalogue):
    assert codes(client, online_level="full") == ["1.001193"]
    assert codes(client, online_level="partial") == sorted(["1.000894", world.version.code])
    assert codes(client, online_level="none") == ["2.002042"]


def test_by_agency_the_procedures_its_kind_implements(client, world, catalogue):
    assert codes(client, agency=world.ward.code) == sorted(["1.000894", "1.001193", world.version.code])
    assert codes(client, agency=world.department.code) == ["2.002042"]


def test_the_service_centre_receives_every_procedure(client, world, centre, catalogue):
    assert codes(client, agency=centre.code) == sorted(
        ["1.000894", "1.001193", "2.002042", world.version.code]
    )


def test_filters_combine_with_the_search(client, world, catalogue):
    assert codes(client, q="dang ky", agency=world.ward.code, online_level="full") == ["1.001193"]


def test_an_unknown_choice_is_ignored_not_an_error(client, world, catalogue):
    everything = sorted(["1.000894", "1.001193", "2.002042", world.version.code])
    assert codes(client, level="village") == everything
    assert codes(client, agency="000.99.99.H34") == everything


def test_the_agency_list_agrees_with_who_may_receive(world, centre, catalogue):
    for version in ProcedureVersion.objects.all():
        listed = set(selectors.filing_agencies(version))
        assert listed == {agency for agency in Agency.objects.all() if may_receive(agency, version)}
        for agency in Agency.objects.all():
            filed_here = selectors.procedures_filed_at(agency, ProcedureVersion.objects.all())
            assert (version in filed_here) == may_receive(agency, version)


def test_results_come_twenty_to_a_page_and_the_pages_keep_the_search(client):
    for number in range(25):
        ProcedureVersionFactory(procedure__code=f"1.{900000 + number}", name=f"Cấp giấy phép số {number}")
    first = client.get("/procedures/", {"q": "giay phep"}).content.decode()
    assert "25 thủ tục" in first and "Trang 1/2" in first
    assert len(re.findall(r'href="/procedures/\d\.\d{6}/"', first)) == 20
    assert 'href="?q=giay+phep&amp;page=2"' in first
    second = client.get("/procedures/", {"q": "giay phep", "page": 2}).content.decode()
    assert len(re.findall(r'href="/procedures/\d\.\d{6}/"', second)) == 5
    assert 'href="?q=giay+phep&amp;page=1"' in second
