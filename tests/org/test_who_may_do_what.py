"""The permission rule: a role acts in its own agency; leaders, monitors and administrators also below it."""

import pytest
from django.contrib.auth.models import AnonymousUser

from motcua.org.models import Role
from motcua.org.selectors import ROLES_FOR_ACTION, Action, agencies_where, can, reach
from tests.factories.org import AgencyFactory, MembershipFactory, UserFactory, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    province = AgencyFactory(province=True, code="000.00.00.H34")
    justice = AgencyFactory(parent=province, code="000.00.22.H34")
    justice_division = AgencyFactory(parent=justice, code="000.01.22.H34")
    ward = AgencyFactory(parent=province, commune=True, code="000.00.31.H34")
    return province, justice, justice_division, ward


def test_a_desk_officer_receives_only_at_their_own_agency(tree):
    province, justice, division, ward = tree
    officer = staff(Role.DESK_OFFICER, justice)
    assert can(officer, Action.RECEIVE, justice)
    assert can(officer, Action.RETURN_RESULT, justice)
    assert not can(officer, Action.RECEIVE, division)
    assert not can(officer, Action.RECEIVE, ward)
    assert not can(officer, Action.APPROVE, justice)
    assert not can(officer, Action.PROCESS, justice)


def test_a_leader_approves_in_their_agency_and_below_but_not_above_or_beside(tree):
    province, justice, division, ward = tree
    leader = staff(Role.LEADER, justice)
    assert can(leader, Action.APPROVE, justice)
    assert can(leader, Action.APPROVE, division)
    assert not can(leader, Action.APPROVE, province)
    assert not can(leader, Action.APPROVE, ward)
    assert not can(leader, Action.RECEIVE, justice)


def test_a_provincial_monitor_reads_statistics_everywhere_but_changes_nothing(tree):
    province, justice, division, ward = tree
    monitor = staff(Role.MONITOR, province)
    for agency in tree:
        assert can(monitor, Action.VIEW_STATISTICS, agency)
        assert can(monitor, Action.VIEW_DOSSIER, agency)
        for action in (Action.RECEIVE, Action.PROCESS, Action.APPROVE, Action.ISSUE, Action.ADMINISTER):
            assert not can(monitor, action, agency)


def test_specialist_and_clerk_act_in_their_own_agency_only(tree):
    province, justice, division, ward = tree
    specialist = staff(Role.SPECIALIST, division)
    clerk = staff(Role.CLERK, justice)
    assert can(specialist, Action.PROCESS, division) and not can(specialist, Action.PROCESS, justice)
    assert can(clerk, Action.ISSUE, justice) and not can(clerk, Action.ISSUE, division)


def test_inactive_membership_or_user_grants_nothing(tree):
    province, justice, division, ward = tree
    membership = MembershipFactory(role=Role.DESK_OFFICER, agency=justice, is_active=False)
    assert not can(membership.user, Action.RECEIVE, justice)
    active = staff(Role.DESK_OFFICER, justice)
    active.is_active = False
    assert not can(active, Action.RECEIVE, justice)
    assert not can(AnonymousUser(), Action.VIEW_DOSSIER, justice)


def test_superuser_may_do_everything(tree):
    root = UserFactory(is_superuser=True)
    assert all(can(root, action, agency) for action in ROLES_FOR_ACTION for agency in tree)


def test_agencies_where_matches_can_for_every_action(tree):
    """The list filter and the single check never disagree."""
    province, justice, division, ward = tree
    user = staff(Role.LEADER, justice)
    MembershipFactory(user=user, role=Role.DESK_OFFICER, agency=ward)
    for action in ROLES_FOR_ACTION:
        listed = set(agencies_where(user, action))
        assert listed == {agency for agency in tree if can(user, action, agency)}, action


def test_reach_answers_as_can_from_one_read(tree, django_assert_num_queries):
    """The many-questions form (one screen's offered actions) never disagrees with the single check."""
    province, justice, division, ward = tree
    leader = staff(Role.LEADER, justice)
    MembershipFactory(user=leader, role=Role.DESK_OFFICER, agency=ward)
    MembershipFactory(user=leader, role=Role.SPECIALIST, agency=province, is_active=False)
    inactive = staff(Role.DESK_OFFICER, justice)
    inactive.is_active = False
    monitor, root = staff(Role.MONITOR, province), UserFactory(is_superuser=True)
    for user in (leader, monitor, inactive, AnonymousUser(), root):
        reads = 1 if user.is_authenticated and user.is_active and not user.is_superuser else 0
        with django_assert_num_queries(reads):
            may = reach(user)
        for action in ROLES_FOR_ACTION:
            for agency in tree:
                assert may(action, agency) == can(user, action, agency), (user, action, agency)


def test_unknown_action_is_a_programming_error(tree):
    with pytest.raises(ValueError):
        can(UserFactory(), "approve_everything", tree[0])
