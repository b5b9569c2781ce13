"""Importing a catalogue file: check everything, then write it in one transaction, or write nothing.

Per procedure: a new code creates the procedure; the same content as the version in the database changes
nothing; other content makes a new version (the version in force until then becomes amended). Fields are
created or renamed; bundles are created or replaced.
"""

from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from motcua.org.models import Agency, AgencyKind

from . import versioning
from .checking import Context, check_catalogue
from .models import Bundle, BundleMember, Field, Procedure, Status
from .reading_excel import read_excel
from .reading_json import read_json
from .records import (
    RECEIVING,
    BundleRecord,
    Catalogue,
    CatalogueImportError,
    ImportProblem,
    ImportResult,
    ProcedureRecord,
    snapshot,
)
from .selectors import latest_version

READERS = {".json": read_json, ".xlsx": read_excel}


def read_catalogue(path: Path) -> Catalogue:
    """The file's content, checked against itself and the database; CatalogueImportError when anything is
    wrong (every problem listed)."""
    path = Path(path)
    problems: list[ImportProblem] = []
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        message = _("Unknown file type “%(suffix)s”: a catalogue is a .json or .xlsx file.")
        raise CatalogueImportError(
            [ImportProblem(path.name, "", None, "", message % {"suffix": path.suffix})]
        )
    if not path.is_file():
        raise CatalogueImportError([ImportProblem(path.name, "", None, "", _("The file does not exist."))])
    items = reader(path, problems)
    catalogue = check_catalogue(items, Context.from_database(path.parent), problems)
    if problems:
        raise CatalogueImportError(problems)
    return catalogue


def import_catalogue(path: Path, actor=None) -> ImportResult:
    """Import a catalogue file (.json or .xlsx); see docs/catalog-format.md."""
    with transaction.atomic():
        catalogue = read_catalogue(path)
        return write_catalogue(catalogue, actor)


def write_catalogue(catalogue: Catalogue, actor=None) -> ImportResult:
    result = ImportResult()
    for record in catalogue.fields:
        field, created = Field.objects.get_or_create(code=record.code, defaults={"name": record.name})
        if created:
            result.fields_created += 1
        elif field.name != record.name:
            field.name = record.name
            field.save(update_fields=["name"])
            result.fields_updated += 1
    for record in catalogue.procedures:
        _write_procedure(record, actor, result)
    for record in catalogue.bundles:
        _write_bundle(record, result)
    return result


def _write_procedure(record: ProcedureRecord, actor, result: ImportResult) -> None:
    procedure = Procedure.objects.filter(code=record.code).first()
    current = latest_version(procedure) if procedure else None
    if procedure is None:
        procedure = Procedure.objects.create(code=record.code)
        result.created += 1
    elif current is not None and snapshot(current) == record:
        if current.status == record.status:
            result.unchanged += 1
            return
        if record.status != Status.IN_FORCE:
            versioning.set_status(current, record.status, actor=actor)
            result.status_changed += 1
            return
        result.new_versions += 1  # in force again: a new version, the old one stays as it ended
    else:
        result.new_versions += 1
    versioning.create_version(procedure, status=record.status, actor=actor, **_content(record, current))


def _content(record: ProcedureRecord, previous) -> dict:
    kinds = {kind.code: kind for kind in AgencyKind.objects.filter(code__in=record.agency_kinds)}
    agency_codes = [step.agency for step in record.process if step.agency != RECEIVING]
    agencies = {agency.code: agency for agency in Agency.objects.filter(code__in=agency_codes)}
    stored_forms = _stored_forms(previous)
    return {
        "name": record.name,
        "field": Field.objects.get(code=record.field),
        "level": record.level,
        "agency_kinds": [kinds[code] for code in record.agency_kinds],
        "subjects": record.subjects,
        "channel_direct": "direct" in record.channels,
        "channel_online": "online" in record.channels,
        "channel_postal": "postal" in record.channels,
        "online_level": record.online_level,
        "legal_limit_value": record.legal.value,
        "legal_limit_unit": record.legal.unit,
        "committed_limit_value": record.committed.value,
        "committed_limit_unit": record.committed.unit,
        "same_day_cutoff": record.same_day_cutoff,
        "conditions": record.conditions,
        "result": record.result,
        "result_is_document": record.result_is_document,
        "legal_basis": record.legal_basis,
        "publication_decision": record.publication_decision,
        "publication_date": record.publication_date,
        "documents": [
            {
                "name": doc.name,
                "originals": doc.originals,
                "copies": doc.copies,
                "required": doc.required,
                "form": _form(doc, stored_forms),
            }
            for doc in record.documents
        ],
        "fees": [{"name": fee.name, "amount": fee.amount, "note": fee.note} for fee in record.fees],
        "steps": [
            {
                "name": step.name,
                "agency": agencies.get(step.agency),
                "role": step.role,
                "hours": step.hours,
            }
            for step in record.process
        ],
    }


def _stored_forms(version) -> dict[str, str]:
    """digest -> stored name of the previous version's forms, so an unchanged form is not stored twice."""
    if version is None:
        return {}
    return {doc.form_digest: str(doc.form_path) for doc in snapshot(version).documents if doc.form_digest}


def _form(doc, stored_forms: dict[str, str]):
    if doc.form_path is None:
        return ""
    if doc.form_digest in stored_forms:
        return stored_forms[doc.form_digest]
    return ContentFile(doc.form_path.read_bytes(), name=doc.form_path.name)


def _write_bundle(record: BundleRecord, result: ImportResult) -> None:
    procedures = {
        procedure.code: procedure for procedure in Procedure.objects.filter(code__in=record.procedures)
    }
    bundle = Bundle.objects.filter(code=record.code).first()
    if bundle is not None:
        members = tuple(bundle.members.values_list("procedure__code", flat=True))
        same = (bundle.name, bundle.description, bundle.lead.code, members)
        if same == (record.name, record.description, record.lead, record.procedures):
            result.bundles_unchanged += 1
            return
        result.bundles_updated += 1
        bundle.members.all().delete()
    else:
        bundle = Bundle(code=record.code)
        result.bundles_created += 1
    bundle.name = record.name
    bundle.description = record.description
    bundle.lead = procedures[record.lead]
    bundle.save()
    for order, code in enumerate(record.procedures, start=1):
        BundleMember.objects.create(bundle=bundle, procedure=procedures[code], order=order)
