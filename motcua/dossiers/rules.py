"""Small domain rules of dossiers, in plain functions."""

from motcua.catalog.models import ProcedureVersion
from motcua.org.models import Agency

SERVICE_CENTRE = "service_centre"


def may_receive(agency: Agency, version: ProcedureVersion) -> bool:
    """An agency receives the procedures its kind implements; a public administration service centre receives
    every procedure of its province (Decree 118/2025: regardless of administrative boundary)."""
    if agency.kind.code == SERVICE_CENTRE:
        return True
    return any(kind.pk == agency.kind_id for kind in version.agency_kinds.all())  # prefetched or one read
