"""What the public portal reads: the catalogue as citizens search it, and a dossier found by code and secret.

Nothing here writes. The catalogue comes through `catalog.selectors`; a dossier is looked up by its code and
either its lookup secret or the last four digits of the applicant's phone, and an unknown code and a wrong
secret give the same answer (None).
"""

import hmac
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from motcua.catalog.choices import Level, OnlineLevel
from motcua.catalog.models import Field, ProcedureVersion
from motcua.catalog.selectors import current_version, procedures_in_force
from motcua.dossiers.models import Dossier
from motcua.dossiers.rules import SERVICE_CENTRE
from motcua.org.models import Agency
from motcua.text import fold, nfc

# --- the catalogue ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueQuery:
    """A search of the catalogue as the form sends it; every part optional."""

    text: str = ""
    field: str = ""  # a field code
    agency: str = ""  # an agency code
    level: str = ""
    online_level: str = ""


def search_procedures(query: CatalogueQuery) -> QuerySet:
    """Procedures in force matching `query`, by name (every word, diacritics and case ignored) or code."""
    versions = procedures_in_force().prefetch_related(None).select_related("procedure", "field")
    text = nfc(query.text)
    if text:
        words = fold(text).split()
        by_name = Q()
        for word in words:
            by_name &= Q(name_folded__contains=word)
        versions = versions.filter(Q(procedure__code__contains=text) | by_name)
    if query.field:
        versions = versions.filter(field__code=query.field)
    if query.level in Level.values:
        versions = versions.filter(level=query.level)
    if query.online_level in OnlineLevel.values:
        versions = versions.filter(online_level=query.online_level)
    if query.agency:
        agency = Agency.objects.select_related("kind").filter(code=query.agency, is_active=True).first()
        if agency is None:
            return versions.none()
        versions = procedures_filed_at(agency, versions)
    return versions


def procedures_filed_at(agency: Agency, versions: QuerySet) -> QuerySet:
    """The versions `agency` receives: those its kind implements; a service centre receives them all.

    The queryset form of `dossiers.rules.may_receive` (tests/portal hold the two together)."""
    if agency.kind.code == SERVICE_CENTRE:
        return versions
    return versions.filter(agency_kinds=agency.kind_id)


def filing_agencies(version: ProcedureVersion) -> QuerySet:
    """Where a citizen may file `version`: active agencies whose kind implements it, and service centres."""
    return (
        Agency.objects.filter(is_active=True)
        .filter(Q(kind__in=version.agency_kinds.all()) | Q(kind__code=SERVICE_CENTRE))
        .select_related("kind")
        .order_by("kind__rank", "name")
    )


def fields_in_use() -> QuerySet:
    """The fields (lĩnh vực) that have a procedure in force, for the search form."""
    in_force = procedures_in_force().prefetch_related(None).values("field_id")
    return Field.objects.filter(pk__in=in_force).order_by("name")


def receiving_agencies() -> QuerySet:
    """The active agencies that receive some procedure in force, for the search form."""
    kinds = ProcedureVersion.agency_kinds.through.objects.filter(
        procedureversion__in=procedures_in_force().prefetch_related(None).values("pk")
    ).values("agencykind_id")
    return (
        Agency.objects.filter(is_active=True)
        .filter(Q(kind__in=kinds) | Q(kind__code=SERVICE_CENTRE))
        .select_related("kind")
        .order_by("kind__rank", "name")
    )


def procedure_page(code: str) -> ProcedureVersion | None:
    """The version in force of procedure `code`, with its documents, fees and steps; None if not in force."""
    return current_version(code)


# --- tracking --------------------------------------------------------------------------------------------

PHONE_DIGITS = 4


def normalise_code(code: str) -> str:
    return nfc(code).replace(" ", "").upper()


def normalise_secret(secret: str) -> str:
    return nfc(secret).replace(" ", "").upper()


def _last_digits(phone: str) -> str:
    digits = "".join(char for char in phone if char.isdigit())
    return digits[-PHONE_DIGITS:] if len(digits) >= PHONE_DIGITS else ""


def tracked_dossier(code: str, *, secret: str = "", phone_digits: str = "") -> Dossier | None:
    """The dossier with `code` whose lookup secret is `secret` or whose applicant's phone ends with
    `phone_digits` (exactly four digits); None for an unknown code and for a wrong secret alike."""
    dossier = (
        Dossier.objects.select_related(
            "procedure_version__procedure", "receiving_agency", "current_agency", "current_step__agency"
        )
        .filter(code=normalise_code(code))
        .first()
    )
    # Compare in constant time, and compare even when there is no dossier, so both paths cost the same.
    expected_secret = dossier.lookup_secret if dossier is not None else "\0" * 6
    expected_digits = _last_digits(dossier.applicant_phone) if dossier is not None else ""
    given_secret = normalise_secret(secret)
    secret_matches = bool(given_secret) and hmac.compare_digest(
        given_secret.encode(), expected_secret.upper().encode()
    )
    digits_match = (
        len(phone_digits) == PHONE_DIGITS
        and phone_digits.isdigit()
        and bool(expected_digits)
        and hmac.compare_digest(phone_digits.encode(), expected_digits.encode())
    )
    if dossier is None or not (secret_matches or digits_match):
        return None
    return dossier
