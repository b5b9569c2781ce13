"""Loading the demo province: agencies, accounts and the catalogue, idempotently, in one transaction; then the
demo dossiers (`dossiers.py`), in a transaction of their own."""

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.db import transaction

from motcua import clock
from motcua.catalog.services import import_catalogue
from motcua.org.models import Agency, AgencyKind, Membership, Role

from . import province
from .clock import demo_clock
from .dossiers import WINDOW_DAYS, DossierLoadResult, load_demo_dossiers

CATALOGUE = Path(__file__).resolve().parent / "data" / "catalogue.json"
# The apps whose model permissions the demo administrators get in the Django admin.
ADMINISTRATOR_APPS = ["org", "catalog"]


@dataclass
class LoadResult:
    agencies_created: int = 0
    agencies_updated: int = 0
    users_created: int = 0
    memberships_created: int = 0
    catalogue: object = None  # the catalogue importer's ImportResult
    accounts: list[province.AccountSpec] = field(default_factory=list)
    # The demo password, hashed once for every new account (a published password gains nothing from 80 salts,
    # and 80 password hashings would make every run take half a minute).
    password_hash: str = ""


@transaction.atomic
def load_demo_data(catalogue: Path = CATALOGUE) -> LoadResult:
    """Create what is missing and restore what differs from the demo; a second run changes nothing."""
    result = LoadResult(accounts=province.accounts(), password_hash=make_password(province.DEMO_PASSWORD))
    agencies = _load_agencies(result)
    _load_admin(result)
    administrator_permissions = list(
        Permission.objects.filter(content_type__app_label__in=ADMINISTRATOR_APPS)
    )
    for account in result.accounts:
        user = _ensure_user(result, account.username, account.family_and_middle, account.given)
        _, created = Membership.objects.get_or_create(
            user=user, agency=agencies[account.agency_code], role=account.role
        )
        result.memberships_created += created
        if account.role == Role.ADMINISTRATOR:
            user.user_permissions.add(*administrator_permissions)
    # The catalogue is in force from before the first demo dossier (a new version still starts at its import).
    with demo_clock(clock.now() - timedelta(days=WINDOW_DAYS + 1)):
        result.catalogue = import_catalogue(catalogue)
    return result


def load_demo(
    catalogue: Path = CATALOGUE, with_dossiers: bool = True
) -> tuple[LoadResult, DossierLoadResult | None]:
    """The province, its accounts and catalogue, then the demo dossiers (added once)."""
    result = load_demo_data(catalogue)
    return result, load_demo_dossiers() if with_dossiers else None


def _load_agencies(result: LoadResult) -> dict[str, Agency]:
    kinds = {kind.code: kind for kind in AgencyKind.objects.all()}
    agencies: dict[str, Agency] = {}
    for spec in province.AGENCIES:  # parents come before their children
        wanted = {
            "name": spec.name,
            "kind": kinds[spec.kind],
            "parent": agencies[spec.parent] if spec.parent else None,
            "address": spec.address,
            "office_hours": spec.office_hours,
            "receives_on_saturday": spec.receives_on_saturday,
            "is_active": True,
        }
        agency = Agency.objects.filter(code=spec.code).first()
        if agency is None:
            agency = Agency.objects.create(code=spec.code, **wanted)
            result.agencies_created += 1
        elif any(getattr(agency, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(agency, name, value)
            agency.save()
            result.agencies_updated += 1
        agencies[spec.code] = agency
    return agencies


def _ensure_user(result: LoadResult, username: str, first_name: str, last_name: str, **flags):
    """The demo user, created with the demo password; an existing user keeps its password."""
    User = get_user_model()
    wanted = {"first_name": first_name, "last_name": last_name, "is_staff": True, "is_active": True, **flags}
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create(username=username, password=result.password_hash, **wanted)
        result.users_created += 1
    elif any(getattr(user, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(user, name, value)
        user.save()
    return user


def _load_admin(result: LoadResult) -> None:
    _ensure_user(result, province.ADMIN_USERNAME, "Quản trị", "hệ thống", is_superuser=True)
