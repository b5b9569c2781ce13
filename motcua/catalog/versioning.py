"""Writing procedure versions: the one door for every change to a procedure's content.

The rule: a version in force is never edited. A change is made on a draft (a copy), and publishing the draft
puts it in force and marks the previous version amended. Anything that refers to a version (dossiers, with
on_delete=PROTECT) keeps referring to the version it was made under.
"""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from motcua import clock

from . import rules
from .models import Fee, ProcedureVersion, ProcessStep, RequiredDocument, Status

CHILD_FIELDS = {
    "documents": (RequiredDocument, ["name", "originals", "copies", "required", "form"]),
    "fees": (Fee, ["name", "amount", "note"]),
    "steps": (ProcessStep, ["name", "agency", "role", "hours"]),
}
NOT_COPIED = {"id", "procedure", "number", "status", "created_at", "created_by", "effective_at", "ended_at"}


class CatalogueError(Exception):
    """A catalogue change refused, with the reasons (translated messages)."""

    def __init__(self, messages):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("\n".join(str(message) for message in self.messages))


def _copied_fields() -> list[str]:
    return [
        field.name
        for field in ProcedureVersion._meta.concrete_fields
        if field.name not in NOT_COPIED and not field.name.endswith("_id")
    ]


def content_of(version: ProcedureVersion) -> dict:
    """A version's content as keyword arguments for create_version (children as lists of dicts)."""
    content = {name: getattr(version, name) for name in _copied_fields()}
    content["agency_kinds"] = list(version.agency_kinds.all())
    for relation, (_model, names) in CHILD_FIELDS.items():
        content[relation] = [
            {name: getattr(child, name) for name in names} for child in getattr(version, relation).all()
        ]
    return content


def problems(version: ProcedureVersion) -> list[rules.Problem]:
    """The rules a version breaks; a version with problems cannot be put in force."""
    found = [
        *rules.check_limits(version.legal_limit, version.committed_limit, version.same_day_cutoff),
        *rules.check_channels(version.channels, version.online_level),
        *rules.check_process(
            version.committed_limit, version.same_day_cutoff, [step.hours for step in version.steps.all()]
        ),
    ]
    if not version.agency_kinds.exists():
        found.append(rules.Problem("agency_kinds", _("At least one implementing agency kind is needed.")))
    return found


def _lock(procedure) -> None:
    """Serialise version changes of one procedure (PostgreSQL row lock; SQLite writers queue anyway)."""
    type(procedure).objects.select_for_update().filter(pk=procedure.pk).first()


def _retire(procedure, status: str, now) -> None:
    ProcedureVersion.objects.filter(procedure=procedure, status=Status.IN_FORCE).update(
        status=status, ended_at=now
    )


def _write_children(version, agency_kinds, children: dict) -> None:
    version.agency_kinds.set(agency_kinds)
    for relation, items in children.items():
        model, _names = CHILD_FIELDS[relation]
        getattr(version, relation).all().delete()
        for order, item in enumerate(items, start=1):
            model.objects.create(version=version, order=order, **item)


def next_number(procedure) -> int:
    return (procedure.versions.aggregate(last=Max("number"))["last"] or 0) + 1


@transaction.atomic
def create_version(procedure, *, status=Status.DRAFT, actor=None, agency_kinds=(), **content):
    """A new version of `procedure` with `content` (fields of ProcedureVersion, and documents, fees, steps
    as lists of dicts). In force: the version in force until now becomes amended."""
    _lock(procedure)
    children = {relation: content.pop(relation, []) for relation in CHILD_FIELDS}
    now = clock.now()
    if status != Status.DRAFT:  # a published change ends the version in force
        _retire(procedure, Status.AMENDED, now)
    version = ProcedureVersion.objects.create(
        procedure=procedure,
        number=next_number(procedure),
        status=status,
        created_by=actor,
        effective_at=now if status == Status.IN_FORCE else None,
        ended_at=now if status in (Status.AMENDED, Status.ABOLISHED) else None,
        **content,
    )
    _write_children(version, agency_kinds, children)
    return version


def new_draft(version: ProcedureVersion, actor=None) -> ProcedureVersion:
    """A draft copy of `version` (documents, fees and steps included), to be changed and published."""
    existing = version.procedure.versions.filter(status=Status.DRAFT).first()
    if existing is not None:
        message = _("Procedure %(code)s already has a draft (version %(number)s): change that one.")
        raise CatalogueError(message % {"code": version.code, "number": existing.number})
    return create_version(version.procedure, status=Status.DRAFT, actor=actor, **content_of(version))


@transaction.atomic
def publish(draft: ProcedureVersion, actor=None) -> ProcedureVersion:
    """Put a draft in force; the version in force until now becomes amended."""
    _lock(draft.procedure)
    draft.refresh_from_db()
    if draft.status != Status.DRAFT:
        raise CatalogueError(_("Only a draft can be published."))
    found = problems(draft)
    if found:
        raise CatalogueError([problem.message for problem in found])
    now = clock.now()
    _retire(draft.procedure, Status.AMENDED, now)
    draft.status = Status.IN_FORCE
    draft.effective_at = now
    draft.save(update_fields=["status", "effective_at"])
    return draft


@transaction.atomic
def revise(
    version: ProcedureVersion,
    *,
    actor=None,
    agency_kinds=None,
    documents=None,
    fees=None,
    steps=None,
    **changes,
) -> ProcedureVersion:
    """Change a procedure. A draft is changed in place; a version in force is copied into a new version with
    the changes, which is put in force (the old one becomes amended and stays as it was)."""
    unknown = set(changes) - set(_copied_fields())
    if unknown:
        raise TypeError(f"not a content field of a procedure version: {', '.join(sorted(unknown))}")
    if version.status == Status.IN_FORCE:
        content = {**content_of(version), **changes}
        given = {"agency_kinds": agency_kinds, "documents": documents, "fees": fees, "steps": steps}
        content.update({key: value for key, value in given.items() if value is not None})
        draft = create_version(version.procedure, status=Status.DRAFT, actor=actor, **content)
        return publish(draft, actor=actor)
    if version.status != Status.DRAFT:
        raise CatalogueError(_("An amended or abolished version cannot be changed."))
    for name, value in changes.items():
        setattr(version, name, value)
    version.save()
    children = {"documents": documents, "fees": fees, "steps": steps}
    children = {key: value for key, value in children.items() if value is not None}
    kinds = agency_kinds if agency_kinds is not None else list(version.agency_kinds.all())
    _write_children(version, kinds, children)
    return version


@transaction.atomic
def abolish(version: ProcedureVersion, actor=None) -> ProcedureVersion:
    """The procedure is abolished (bãi bỏ): its version in force stops being in force."""
    _lock(version.procedure)
    version.refresh_from_db()
    if version.status != Status.IN_FORCE:
        raise CatalogueError(_("Only a version in force can be abolished."))
    version.status = Status.ABOLISHED
    version.ended_at = clock.now()
    version.save(update_fields=["status", "ended_at"])
    return version


@transaction.atomic
def set_status(version: ProcedureVersion, status: str, actor=None) -> ProcedureVersion:
    """Mark a version amended or abolished without changing its content (used by the import)."""
    if status == Status.ABOLISHED and version.status == Status.IN_FORCE:
        return abolish(version, actor=actor)
    if status not in (Status.AMENDED, Status.ABOLISHED):
        raise CatalogueError(_("A version can only be marked amended or abolished."))
    version.status = status
    version.ended_at = version.ended_at or clock.now()
    version.save(update_fields=["status", "ended_at"])
    return version
