"""Who may do what, where: the one permission function of MotCua.

Every caller (office screens, API, admin actions, services) asks `can(user, action, agency)`. A role acts in
its own agency; leaders, monitors and administrators also act in every agency below theirs.
"""

from collections.abc import Callable

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import Agency, Membership, Role


class Action:
    """Business actions, each with the roles that may take it (and why)."""

    VIEW_DOSSIER = "view_dossier"
    RECEIVE = "receive"  # check completeness, receive, ask for supplements at the desk, refuse at reception
    RETURN_RESULT = "return_result"  # hand the result back, by desk, post or online
    PROCESS = "process"  # appraise, forward, send back, ask for supplements during processing
    APPROVE = "approve"  # approve and sign a result, issue an apology with a new date
    ISSUE = "issue"  # number and issue signed results (văn thư)
    VIEW_STATISTICS = "view_statistics"
    ADMINISTER = "administer"  # agency data, staff, calendar overrides, catalogue of the agency

    LABELS = {
        VIEW_DOSSIER: _("view dossiers"),
        RECEIVE: _("receive dossiers"),
        RETURN_RESULT: _("return results"),
        PROCESS: _("process dossiers"),
        APPROVE: _("approve and sign"),
        ISSUE: _("issue results"),
        VIEW_STATISTICS: _("view statistics"),
        ADMINISTER: _("administer"),
    }


ROLES_FOR_ACTION: dict[str, frozenset[str]] = {
    Action.VIEW_DOSSIER: frozenset(Role.values),
    Action.RECEIVE: frozenset({Role.DESK_OFFICER}),
    Action.RETURN_RESULT: frozenset({Role.DESK_OFFICER}),
    Action.PROCESS: frozenset({Role.SPECIALIST}),
    Action.APPROVE: frozenset({Role.LEADER}),
    Action.ISSUE: frozenset({Role.CLERK}),
    Action.VIEW_STATISTICS: frozenset({Role.MONITOR, Role.LEADER, Role.ADMINISTRATOR}),
    Action.ADMINISTER: frozenset({Role.ADMINISTRATOR}),
}

# The action a role takes when it works a step of a dossier's process (who may forward, finish... a step).
STEP_ACTION = {
    Role.DESK_OFFICER: Action.RECEIVE,
    Role.SPECIALIST: Action.PROCESS,
    Role.LEADER: Action.APPROVE,
    Role.CLERK: Action.ISSUE,
}

# Roles whose reach covers the agencies below their own (a department leader over its divisions, a provincial
# monitor over the whole province).
SUBTREE_ROLES = frozenset({Role.LEADER, Role.MONITOR, Role.ADMINISTRATOR})


def _active_memberships(user, action: str) -> QuerySet:
    roles = ROLES_FOR_ACTION[action]
    return Membership.objects.filter(user=user, role__in=roles, is_active=True, agency__is_active=True)


def can(user, action: str, agency: Agency) -> bool:
    """May `user` take `action` on a dossier (or the data) of `agency`?"""
    if action not in ROLES_FOR_ACTION:
        raise ValueError(f"unknown action {action!r}")
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return _reaches(_active_memberships(user, action).values_list("role", "agency__path"), action, agency)


def _reaches(memberships, action: str, agency: Agency) -> bool:
    roles = ROLES_FOR_ACTION[action]
    return any(
        role in roles and (path == agency.path or (role in SUBTREE_ROLES and agency.path.startswith(path)))
        for role, path in memberships
    )


def reach(user) -> Callable[[str, Agency], bool]:
    """`can` for one user and many (action, agency) questions, from a single read of their memberships.

    For one screen or one API answer that asks several questions (the actions offered on a dossier); the
    answers are those of `can` at the moment of the read."""
    if user is None or not user.is_authenticated or not user.is_active:
        return lambda action, agency: False
    if user.is_superuser:
        return lambda action, agency: True
    memberships = list(
        Membership.objects.filter(user=user, is_active=True, agency__is_active=True).values_list(
            "role", "agency__path"
        )
    )
    return lambda action, agency: _reaches(memberships, action, agency)


def agencies_where(user, action: str) -> QuerySet:
    """Every agency in which `user` may take `action`: for filtering lists and queues."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Agency.objects.none()
    if user.is_superuser:
        return Agency.objects.all()
    condition = Q(pk__in=[])
    for role, path in _active_memberships(user, action).values_list("role", "agency__path"):
        condition |= Q(path__startswith=path) if role in SUBTREE_ROLES else Q(path=path)
    return Agency.objects.filter(condition)


def memberships_of(user) -> QuerySet:
    return Membership.objects.filter(user=user, is_active=True).select_related("agency", "agency__kind")
