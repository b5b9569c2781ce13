from django.contrib.auth import get_user_model

from motcua.demo import province
from motcua.org.models import Agency, Membership, Role
from motcua.org.selectors import Action, can


def agency(name: str) -> Agency:
    return Agency.objects.get(name=name)


def test_the_province_centre_departments_vertical_agencies_and_wards_exist(demo_output):
    root = agency("Ủy ban nhân dân tỉnh Khánh Hòa")
    assert root.code == "000.00.00.H34" and root.parent is None and root.kind.code == "province"
    assert agency("Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa").kind.code == "service_centre"
    for name in [
        "Sở Tư pháp tỉnh Khánh Hòa",
        "Sở Tài chính tỉnh Khánh Hòa",
        "Sở Xây dựng tỉnh Khánh Hòa",
        "Sở Nông nghiệp và Môi trường tỉnh Khánh Hòa",
        "Sở Công Thương tỉnh Khánh Hòa",
    ]:
        assert agency(name).kind.code == "department"
    assert agency("Công an tỉnh Khánh Hòa").kind.code == "vertical"
    assert agency("Thuế tỉnh Khánh Hòa").kind.code == "vertical"
    communes = Agency.objects.filter(kind__code="commune")
    assert communes.count() >= 6
    assert "Ủy ban nhân dân phường Nha Trang" in {commune.name for commune in communes}
    assert all(commune.parent == root for commune in communes)
    assert Agency.objects.filter(path__startswith=root.path).count() == Agency.objects.count()


def test_the_centre_and_the_wards_receive_on_saturday_mornings(demo_output):
    assert agency("Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa").receives_on_saturday
    assert all(Agency.objects.filter(kind__code="commune").values_list("receives_on_saturday", flat=True))
    assert not agency("Sở Tư pháp tỉnh Khánh Hòa").receives_on_saturday


def test_every_agency_has_its_roles(demo_output):
    for spec in province.AGENCIES:
        roles = set(Membership.objects.filter(agency__code=spec.code).values_list("role", flat=True))
        assert roles == set(province.ROLES_BY_KIND[spec.kind]), spec.code
    centre_roles = set(
        Membership.objects.filter(agency__code=province.CENTRE_CODE).values_list("role", flat=True)
    )
    assert centre_roles == set(Role.values)


def test_readable_user_names_and_vietnamese_full_names(demo_output):
    User = get_user_model()
    desk = User.objects.get(username="tn.trungtam")
    assert desk.memberships.get().role == Role.DESK_OFFICER
    assert desk.is_staff and not desk.is_superuser
    assert desk.check_password(province.DEMO_PASSWORD)
    assert len(desk.get_full_name().split()) >= 3
    assert User.objects.get(username="cv.sotuphap").memberships.get().agency.code == province.JUSTICE_CODE
    assert User.objects.get(username="ld.phuongnhatrang").memberships.get().role == Role.LEADER
    assert User.objects.get(username="admin").is_superuser


def test_the_provincial_monitor_sees_the_whole_province(demo_output):
    monitor = get_user_model().objects.get(username="gs.tinh")
    for each in Agency.objects.all():
        assert can(monitor, Action.VIEW_STATISTICS, each), each


def test_administrators_may_change_agencies_and_procedures_in_the_admin(demo_output):
    administrator = get_user_model().objects.get(username="qt.trungtam")
    assert administrator.has_perm("org.change_agency")
    assert administrator.has_perm("catalog.change_procedure")
    assert not get_user_model().objects.get(username="tn.trungtam").has_perm("org.change_agency")
