import pytest
from django.core.exceptions import ValidationError

from tests.factories.org import AgencyFactory

pytestmark = pytest.mark.django_db


def test_subtree_holds_the_agency_and_everything_below_it():
    province = AgencyFactory(province=True)
    justice = AgencyFactory(parent=province)
    division = AgencyFactory(parent=justice)
    ward = AgencyFactory(parent=province, commune=True)
    other_province = AgencyFactory(province=True)

    assert set(province.subtree()) == {province, justice, division, ward}
    assert set(justice.subtree()) == {justice, division}
    assert list(division.ancestors()) == [province, justice]
    assert other_province not in province.subtree()


def test_moving_a_branch_moves_its_descendants():
    province = AgencyFactory(province=True)
    district = AgencyFactory(parent=province)
    commune = AgencyFactory(parent=district, commune=True)
    centre = AgencyFactory(parent=province)

    commune.refresh_from_db()
    district.parent = centre
    district.save()
    commune.refresh_from_db()

    assert commune.path == f"{province.path}{centre.pk}/{district.pk}/{commune.pk}/"
    assert commune in centre.subtree()


def test_an_agency_cannot_be_placed_under_its_own_unit():
    province = AgencyFactory(province=True)
    department = AgencyFactory(parent=province)
    province.parent = department
    with pytest.raises(ValidationError):
        province.full_clean()
    with pytest.raises(ValidationError):
        province.save()


def test_office_hours_are_validated():
    agency = AgencyFactory.build(office_hours="08:00-12:00, 11:00-17:00")
    with pytest.raises(ValidationError) as error:
        agency.full_clean(exclude=["kind"])
    assert "office_hours" in error.value.message_dict
