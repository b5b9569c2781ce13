"""Search by code, applicant name (diacritics optional) or ID number, within the dossiers the user may see."""

import re

import pytest
from django.urls import reverse

from motcua.org.models import AgencyKind, Role
from tests.factories.dossiers import vn
from tests.factories.org import AgencyFactory, staff
from tests.office.helpers import walk_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def found(client, world, frozen_clock):
    frozen_clock.set(vn(2026, 3, 2, 9))
    an = walk_in(world, name="Nguyễn Văn An", id_number="056090001234")
    binh = walk_in(world, name="Trần Thị Bình", id_number="056190009999")

    def search(user, text):
        client.force_login(user)
        page = client.get(reverse("office:search"), {"q": text}).content.decode()
        return re.findall(r'href="/office/dossiers/\d+/">([^<]+)</a>', page)

    search.an, search.binh = an, binh
    return search


def test_by_applicant_name_without_diacritics(world, found):
    assert found(world.desk, "nguyen van") == [found.an.code]
    assert found(world.desk, "TRAN THI") == [found.binh.code]


def test_by_code_or_its_start(world, found):
    assert found(world.desk, found.an.code) == [found.an.code]
    assert found(world.desk, found.an.code[:-4]) == [found.binh.code, found.an.code]  # newest first


def test_by_id_number_typed_with_spaces(world, found):
    assert found(world.desk, "056 190 009 999") == [found.binh.code]


def test_nothing_of_another_agency(world, found):
    other_ward = AgencyFactory(parent=world.province, kind=AgencyKind.objects.get(code="commune"))
    assert found(staff(Role.DESK_OFFICER, other_ward), "nguyen") == []
    assert found(world.provincial_leader, "nguyen") == [found.an.code]  # a leader sees below
