"""What the import needs to know of the agency tree and the catalogue, read once per run, and the
placeholders it creates for codes they do not have.

A procedure is *known* when it has a published (not draft) version that is not itself a placeholder; a
dossier then takes the version that had taken effect at its reception (or the first one, when it was received
before the catalogue's first version), and an empty `due_at` is that version's committed limit. An unknown
agency or procedure becomes a placeholder: the migration never stops on a gap in the tree or the catalogue.
"""

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from motcua.catalog.models import Field, Procedure, ProcedureVersion, Status, TimeUnit
from motcua.org.models import Agency, AgencyKind

from .models import ImportedAgency, ImportedProcedure

ROOT_CODE = "IMPORTED"
PLACEHOLDER_KIND = "imported"
PLACEHOLDER_FIELD = "IMPORTED"
_EARLIEST = datetime(1, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Limit:
    """A version's committed limit, as `Calendar.due` takes it."""

    version_id: int
    amount: Decimal
    unit: str
    cutoff: object


@dataclass
class _Versions:
    effective: list[datetime] = field(default_factory=list)
    limits: list[Limit] = field(default_factory=list)

    def at(self, moment: datetime) -> Limit:
        index = bisect_right(self.effective, moment) - 1
        return self.limits[max(index, 0)]


@dataclass(frozen=True)
class Placeholder:
    code: str
    name: str
    line: int


class Catalogue:
    """Agencies by code, procedures by code (their versions' limits), and the placeholders a file needs."""

    def __init__(self) -> None:
        self.agencies: dict[str, Agency] = {
            agency.code: agency for agency in Agency.objects.only("pk", "code", "path", "office_hours")
        }
        placeholder_versions = dict(
            ImportedProcedure.objects.values_list("version__procedure__code", "version_id")
        )
        self.placeholder_versions: dict[str, int] = placeholder_versions
        self.known: dict[str, _Versions] = {}
        rows = (
            ProcedureVersion.objects.exclude(status=Status.DRAFT)
            .exclude(pk__in=list(placeholder_versions.values()))
            .values_list(
                "pk",
                "procedure__code",
                "effective_at",
                "committed_limit_value",
                "committed_limit_unit",
                "same_day_cutoff",
            )
            .order_by("procedure__code", "effective_at", "number")
        )
        for pk, code, effective, amount, unit, cutoff in rows:
            versions = self.known.setdefault(code, _Versions())
            versions.effective.append(effective or _EARLIEST)
            versions.limits.append(Limit(pk, amount, unit, cutoff))
        self.new_agencies: dict[str, Placeholder] = {}
        self.new_procedures: dict[str, Placeholder] = {}

    def limit(self, procedure_code: str, received: datetime) -> Limit | None:
        """The committed limit of the version a dossier received at `received` is under; None: unknown."""
        versions = self.known.get(procedure_code)
        return versions.at(received) if versions is not None else None

    def note_agency(self, code: str, name: str, line: int) -> None:
        if code not in self.agencies and code not in self.new_agencies:
            self.new_agencies[code] = Placeholder(code, name or code, line)

    def note_procedure(self, code: str, name: str, line: int) -> None:
        if (
            code not in self.known
            and code not in self.placeholder_versions
            and code not in self.new_procedures
        ):
            self.new_procedures[code] = Placeholder(code, name or code, line)

    # --- placeholders ------------------------------------------------------------------------------------

    def create_placeholders(self, source: str, now: datetime) -> None:
        """Create the agencies and procedures the file named and the database lacks, in one transaction."""
        if not self.new_agencies and not self.new_procedures:
            return
        with transaction.atomic():
            if self.new_agencies:
                root = _imported_root(source, now)
                for placeholder in self.new_agencies.values():
                    agency = Agency(
                        code=placeholder.code,
                        name=placeholder.name[:255],
                        kind=root.kind,
                        parent=root,
                        is_active=False,
                    )
                    agency.save()
                    ImportedAgency.objects.create(
                        agency=agency, source_file=source, line=placeholder.line, imported_at=now
                    )
                    self.agencies[agency.code] = agency
            if self.new_procedures:
                imported_field = _imported_field()
                for placeholder in self.new_procedures.values():
                    version = _placeholder_version(placeholder, imported_field)
                    ImportedProcedure.objects.create(
                        version=version, source_file=source, line=placeholder.line, imported_at=now
                    )
                    self.placeholder_versions[placeholder.code] = version.pk


def _imported_root(source: str, now: datetime) -> Agency:
    kind, _created = AgencyKind.objects.get_or_create(
        code=PLACEHOLDER_KIND, defaults={"name": _("Imported (placeholder)"), "rank": 99}
    )
    root = Agency.objects.filter(code=ROOT_CODE).first()
    if root is None:
        root = Agency(code=ROOT_CODE, name=_("Imported agencies"), kind=kind, is_active=False)
        root.save()
        ImportedAgency.objects.create(agency=root, source_file=source, line=None, imported_at=now)
    return root


def _imported_field() -> Field:
    imported_field, _created = Field.objects.get_or_create(
        code=PLACEHOLDER_FIELD, defaults={"name": _("Imported (not in the catalogue)")}
    )
    return imported_field


def _placeholder_version(placeholder: Placeholder, imported_field: Field) -> ProcedureVersion:
    """A version never in force, named as in the file, without a limit of its own (0 working days: every
    dossier under it brings its appointment from the file)."""
    procedure, _created = Procedure.objects.get_or_create(code=placeholder.code)
    number = (procedure.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    return ProcedureVersion.objects.create(
        procedure=procedure,
        number=number,
        status=Status.ABOLISHED,
        name=placeholder.name[:500],
        field=imported_field,
        level="",
        channel_direct=True,
        channel_online=True,
        channel_postal=True,
        legal_limit_value=Decimal(0),
        legal_limit_unit=TimeUnit.WORKING_DAYS,
        committed_limit_value=Decimal(0),
        committed_limit_unit=TimeUnit.WORKING_DAYS,
        result="",
        result_is_document=False,
    )
