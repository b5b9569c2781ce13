"""Who may open one dossier (`may_view`, asked of that dossier alone, for the API and the office page) is
exactly who finds it in their lists (`visible_to`): the agencies that received it, hold it, or held it."""

import pytest

from motcua.dossiers import selectors, services
from motcua.dossiers.models import Dossier
from motcua.org.models import Role
from tests.factories.dossiers import at_step, intake, make_world, received, vn
from tests.factories.org import AgencyFactory, UserFactory, staff

pytestmark = pytest.mark.django_db


def test_may_view_agrees_with_the_lists_for_every_user_and_dossier(frozen_clock):
    world = make_world()
    other_ward = AgencyFactory(parent=world.province, commune=True, code="000.32.34.H34")
    other_desk = staff(Role.DESK_OFFICER, other_ward, username="tiepnhan-khac")

    at_the_ward = received(world, frozen_clock, vn(2026, 3, 2, 9))
    at_the_department = services.forward(
        at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.SPECIALIST),
        world.specialist,
        to_agency=world.department,
        hours=8,
    )
    # Through the department and back: the department sees it only through its passage there.
    passed_through = services.forward(
        at_step(world, frozen_clock, received(world, frozen_clock, vn(2026, 3, 2, 9)), Role.SPECIALIST),
        world.specialist,
        to_agency=world.department,
        hours=8,
    )
    passed_through = services.send_back(passed_through, world.department_specialist, reason="Trả lại")
    assert passed_through.current_agency == world.ward == passed_through.receiving_agency
    elsewhere = services.receive(services.submit(intake(world, agency=other_ward), other_desk), other_desk)

    inactive = staff(Role.SPECIALIST, world.ward, username="nghiviec", is_active=False)
    users = [
        world.desk,
        world.specialist,
        world.department_specialist,
        world.provincial_leader,
        world.monitor,
        other_desk,
        inactive,
        UserFactory(username="khong-vai-tro"),
        UserFactory(username="sieu-quan-tri", is_superuser=True),
    ]
    dossiers = [at_the_ward, at_the_department, passed_through, elsewhere]
    for user in users:
        listed = set(selectors.visible_to(user).values_list("pk", flat=True))
        for dossier in dossiers:
            fresh = Dossier.objects.get(pk=dossier.pk)
            assert selectors.may_view(user, fresh) == (dossier.pk in listed), (user.username, dossier.code)

    # The cases that matter are all there: held elsewhere, passed through, and never seen.
    assert selectors.may_view(world.department_specialist, passed_through)
    assert selectors.may_view(world.department_specialist, at_the_department)
    assert not selectors.may_view(world.department_specialist, at_the_ward)
    assert not selectors.may_view(world.desk, elsewhere) and selectors.may_view(world.monitor, elsewhere)
    assert selectors.visible_one(world.desk, Dossier.objects.filter(code=elsewhere.code)) is None
    assert selectors.visible_one(world.desk, Dossier.objects.filter(code=at_the_ward.code)) == at_the_ward
