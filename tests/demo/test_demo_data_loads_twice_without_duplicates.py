from django.contrib.auth import get_user_model

from motcua.catalog.models import Bundle, Procedure, ProcedureVersion
from motcua.org.models import Agency, Membership

from .conftest import run_demo_data


def counts() -> dict[str, int]:
    return {
        "agencies": Agency.objects.count(),
        "users": get_user_model().objects.count(),
        "memberships": Membership.objects.count(),
        "procedures": Procedure.objects.count(),
        "versions": ProcedureVersion.objects.count(),
        "bundles": Bundle.objects.count(),
    }


def test_a_second_run_creates_nothing_new(demo_output):
    first = counts()
    assert all(first.values()), first
    run_demo_data()
    assert counts() == first


def test_a_second_run_changes_no_agency_or_account(demo_output):
    agencies = list(Agency.objects.values().order_by("pk"))
    users = list(get_user_model().objects.values().order_by("pk"))
    run_demo_data()
    assert list(Agency.objects.values().order_by("pk")) == agencies
    assert list(get_user_model().objects.values().order_by("pk")) == users
