"""Validating a catalogue file's items, whatever the format: raw dicts in the JSON shape in, records out.

The readers (reading_json.py, reading_excel.py) turn a file into raw items, each with a `locate(key)` that
says where a key's value is written (sheet or list, row, column). Every problem is collected with its place;
nothing is written to the database here.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.utils.translation import gettext as _

from motcua.org.models import Agency, AgencyKind

from . import labels, rules
from .models import PROCEDURE_CODE_PATTERN, Field, Procedure, Status
from .records import (
    CHANNEL_ORDER,
    RECEIVING,
    BundleRecord,
    Catalogue,
    DocumentRecord,
    FeeRecord,
    FieldRecord,
    ImportProblem,
    ProcedureRecord,
    StepRecord,
    clean_text,
    digest,
)
from .rules import Limit

PROCEDURE_KEYS = {
    "required": [
        "code",
        "name",
        "field",
        "level",
        "agency_kinds",
        "channels",
        "online_level",
        "legal_time_limit",
        "committed_time_limit",
        "result",
        "result_is_document",
    ],
    "optional": [
        "subjects",
        "same_day_cutoff",
        "fees",
        "documents",
        "conditions",
        "legal_basis",
        "status",
        "publication_decision",
        "publication_date",
        "process",
    ],
}
FIELD_KEYS = {"required": ["code", "name"], "optional": []}
BUNDLE_KEYS = {"required": ["code", "name", "lead", "procedures"], "optional": ["description"]}
DOCUMENT_KEYS = {"required": ["name"], "optional": ["originals", "copies", "required", "form"]}
FEE_KEYS = {"required": ["name", "amount"], "optional": ["note"]}
STEP_KEYS = {"required": ["name", "agency", "role", "hours"], "optional": []}
LIMIT_KEYS = {"required": ["value", "unit"], "optional": []}
MAX_LIMIT = Decimal(1_000_000)  # DecimalField(max_digits=8, decimal_places=2)
MAX_SMALL = 32767


@dataclass
class Context:
    """What the database holds, looked up once: normal(code or name) -> code."""

    fields: dict[str, str]
    kinds: dict[str, str]
    agencies: dict[str, str]
    procedures: set[str]
    base_dir: Path

    @classmethod
    def from_database(cls, base_dir: Path) -> "Context":
        def words(rows):
            found = {}
            for code, name in rows:
                found.setdefault(labels.normal(name), code)
                found[labels.normal(code)] = code
            return found

        agencies = words(Agency.objects.values_list("code", "name"))
        agencies.update(labels.vocabulary([(RECEIVING, labels.RECEIVING_LABEL)], labels.ALIASES["agency"]))
        return cls(
            fields=words(Field.objects.values_list("code", "name")),
            kinds=words(AgencyKind.objects.values_list("code", "name")),
            agencies=agencies,
            procedures=set(Procedure.objects.values_list("code", flat=True)),
            base_dir=base_dir,
        )


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class Checker:
    """Reads typed values out of one raw item, recording each problem at the place `locate` gives."""

    def __init__(self, problems: list[ImportProblem], locate):
        self.problems = problems
        self.locate = locate
        self.count = 0

    def error(self, key: str, message: str) -> None:
        self.count += 1
        self.problems.append(ImportProblem(*self.locate(key), message))

    def keys(self, raw, spec: dict, key: str = "") -> bool:
        """Is `raw` an object with every required key and no unknown one?"""
        if not isinstance(raw, dict):
            self.error(key, _("An object ({...}) is expected here."))
            return False
        prefix = f"{key}." if key else ""
        for name in spec["required"]:
            if name not in raw:
                self.error(f"{prefix}{name}", _("The key “%(key)s” is missing.") % {"key": name})
        for name in raw:
            if name not in spec["required"] and name not in spec["optional"]:
                allowed = ", ".join(spec["required"] + spec["optional"])
                message = _("Unknown key “%(key)s”; the keys are: %(allowed)s.")
                self.error(f"{prefix}{name}", message % {"key": name, "allowed": allowed})
        return True

    def present(self, raw, key: str, required: bool):
        """The raw value, or None when blank (an error if required and the key is there)."""
        value = raw.get(key.rpartition(".")[2]) if isinstance(raw, dict) else None
        if is_blank(value) or value == []:
            if required and isinstance(raw, dict) and key.rpartition(".")[2] in raw:
                self.error(key, _("A value is required."))
            return None
        return value

    def text(self, raw, key, required=False, max_length=None) -> str:
        value = self.present(raw, key, required)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | Decimal | float):
            self.error(key, _("Text is expected here."))
            return ""
        text = clean_text(str(value))
        if max_length and len(text) > max_length:
            message = _("At most %(max)s characters (this one has %(length)s).")
            self.error(key, message % {"max": max_length, "length": len(text)})
        return text

    def procedure_code(self, raw, key, required=True) -> str:
        value = self.present(raw, key, required)
        if isinstance(value, float | Decimal):  # a spreadsheet took the code for a number
            value = f"{value:.6f}"
        code = self.text({key: value}, key) if value is not None else ""
        if code and not re.fullmatch(PROCEDURE_CODE_PATTERN, code):
            message = _("“%(code)s” is not a procedure code: the form is d.dddddd, e.g. 1.001193.")
            self.error(key, message % {"code": code})
            return ""
        return code

    def lookup(self, raw, key, vocab: dict[str, str], required=True, what=None) -> str:
        value = self.present(raw, key, required)
        if value is None:
            return ""
        code = vocab.get(labels.normal(value))
        if code is None:
            self.unknown(key, value, vocab, what)
            return ""
        return code

    def unknown(self, key, value, vocab, what=None) -> None:
        known = sorted(set(vocab.values()))
        if what:
            self.error(key, what % {"value": value})
        else:
            message = _("“%(value)s” is not an accepted value; use one of: %(choices)s.")
            self.error(key, message % {"value": value, "choices": ", ".join(known)})

    def codes(self, raw, key, vocab, what=None) -> tuple[str, ...]:
        value = self.present(raw, key, True)
        if value is None:
            return ()
        items = labels.split_list(value, vocab) if isinstance(value, str) else value
        if not isinstance(items, list):
            self.error(key, _("A list is expected here."))
            return ()
        found = []
        for item in items:
            code = vocab.get(labels.normal(item)) if isinstance(item, str) else None
            if code is None:
                self.unknown(key, item, vocab, what)
            elif code in found:
                self.error(key, _("“%(value)s” is listed twice.") % {"value": item})
            else:
                found.append(code)
        return tuple(found)

    def decimal(self, raw, key, required=True, positive=False) -> Decimal | None:
        value = self.present(raw, key, required)
        if value is None:
            return None
        if isinstance(value, str) and re.fullmatch(r"\s*\d+,\d+\s*", value):
            value = value.replace(",", ".")  # Vietnamese decimal comma
        try:
            number = Decimal(str(value).strip()) if not isinstance(value, bool) else None
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            self.error(key, _("“%(value)s” is not a number.") % {"value": value})
            return None
        number = number.normalize() + 0
        if number < 0 or (positive and number == 0):
            message = (
                _("The number must be greater than 0.") if positive else _("The number may not be negative.")
            )
            self.error(key, message)
        elif number >= MAX_LIMIT or number.as_tuple().exponent < -2:
            self.error(key, _("At most two decimals and less than 1,000,000 are accepted."))
        return number

    def integer(self, raw, key, required=True, default=None, maximum=None) -> int | None:
        value = self.present(raw, key, required)
        if value is None:
            return default
        if isinstance(value, str) and re.fullmatch(r"\s*\d{1,3}([. ]\d{3})+\s*", value):
            value = re.sub(r"[. ]", "", value)  # 1.000.000 đồng
        number = None
        if not isinstance(value, bool):
            try:
                number = Decimal(str(value).strip())
            except InvalidOperation:
                number = None
        if number is None or not number.is_finite() or number != number.to_integral_value() or number < 0:
            self.error(key, _("“%(value)s” is not a whole number ≥ 0.") % {"value": value})
            return default
        if maximum is not None and number > maximum:
            self.error(key, _("At most %(max)s.") % {"max": maximum})
        return int(number)

    def boolean(self, raw, key, required=True, default=None) -> bool | None:
        value = self.present(raw, key, required)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        for answer, words in labels.BOOLEAN_WORDS.items():
            if labels.normal(value) in words:
                return answer
        self.error(key, _("“%(value)s” is not yes or no (true/false, có/không).") % {"value": value})
        return default

    def time(self, raw, key) -> datetime.time | None:
        value = self.present(raw, key, False)
        if value is None:
            return None
        if isinstance(value, datetime.time):
            return value.replace(second=0, microsecond=0)
        match = re.fullmatch(r"\s*(\d{1,2})[:h](\d{2})\s*", str(value))
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            return datetime.time(int(match[1]), int(match[2]))
        self.error(key, _("“%(value)s” is not an hour HH:MM, e.g. 15:00.") % {"value": value})
        return None

    def date(self, raw, key) -> datetime.date | None:
        value = self.present(raw, key, False)
        if value is None:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value).strip())
        except ValueError:
            self.error(key, _("“%(value)s” is not a date YYYY-MM-DD.") % {"value": value})
            return None

    def limit(self, raw, key) -> Limit | None:
        value = raw.get(key) if isinstance(raw, dict) else None
        if value is None:
            if isinstance(raw, dict) and key in raw:
                self.error(key, _("A value is required."))
            return None
        if not self.keys(value, LIMIT_KEYS, key):
            return None
        amount = self.decimal(value, f"{key}.value")
        unit = self.lookup(value, f"{key}.unit", labels.choices("unit"), what=_("“%(value)s” is not a unit."))
        if amount is None or not unit:
            return None
        return Limit(amount, rules.Unit(unit))

    def items(self, raw, key) -> list:
        value = raw.get(key) if isinstance(raw, dict) else None
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(key, _("A list is expected here."))
            return []
        return value


def check_field(raw, checker: Checker) -> FieldRecord | None:
    if not checker.keys(raw, FIELD_KEYS):
        return None
    before = checker.count
    record = FieldRecord(checker.text(raw, "code", True, 40), checker.text(raw, "name", True, 255))
    return record if checker.count == before else None


def check_document(raw, checker: Checker, key: str, base_dir: Path) -> DocumentRecord | None:
    if not checker.keys(raw, DOCUMENT_KEYS, key):
        return None
    form = checker.text(raw, f"{key}.form")
    form_path = form_digest = None
    if form:
        form_path = base_dir / form
        if not form_path.is_file():
            checker.error(f"{key}.form", _("The blank form file “%(path)s” does not exist.") % {"path": form})
        else:
            form_digest = digest(form_path.read_bytes())
    return DocumentRecord(
        name=checker.text(raw, f"{key}.name", True),
        originals=checker.integer(raw, f"{key}.originals", False, 1, MAX_SMALL),
        copies=checker.integer(raw, f"{key}.copies", False, 0, MAX_SMALL),
        required=checker.boolean(raw, f"{key}.required", False, True),
        form_digest=form_digest,
        form_path=form_path,
    )


def check_fee(raw, checker: Checker, key: str) -> FeeRecord | None:
    if not checker.keys(raw, FEE_KEYS, key):
        return None
    return FeeRecord(
        name=checker.text(raw, f"{key}.name", True, 500),
        amount=checker.integer(raw, f"{key}.amount"),
        note=checker.text(raw, f"{key}.note"),
    )


def check_step(raw, checker: Checker, key: str, context: Context) -> StepRecord | None:
    if not checker.keys(raw, STEP_KEYS, key):
        return None
    return StepRecord(
        name=checker.text(raw, f"{key}.name", True, 500),
        agency=checker.lookup(
            raw, f"{key}.agency", context.agencies, what=_("There is no agency “%(value)s”.")
        ),
        role=checker.lookup(raw, f"{key}.role", labels.choices("role")),
        hours=checker.decimal(raw, f"{key}.hours", positive=True),
    )


def _children(raw, checker: Checker, key: str, check) -> tuple:
    return tuple(check(item, f"{key}[{index}]") for index, item in enumerate(checker.items(raw, key), 1))


def check_procedure(raw, checker: Checker, context: Context) -> ProcedureRecord | None:
    if not checker.keys(raw, PROCEDURE_KEYS):
        return None
    before = checker.count
    legal = checker.limit(raw, "legal_time_limit")
    committed = checker.limit(raw, "committed_time_limit")
    cutoff = checker.time(raw, "same_day_cutoff")
    channels = checker.codes(raw, "channels", labels.choices("channel"))
    online_level = checker.lookup(raw, "online_level", labels.choices("online_level"))
    process = _children(raw, checker, "process", lambda item, key: check_step(item, checker, key, context))
    record = ProcedureRecord(
        code=checker.procedure_code(raw, "code"),
        status=checker.lookup(raw, "status", labels.choices("status"), required=False) or Status.IN_FORCE,
        name=checker.text(raw, "name", True, 500),
        field=checker.lookup(raw, "field", context.fields, what=_("There is no field “%(value)s”.")),
        level=checker.lookup(raw, "level", labels.choices("level")),
        agency_kinds=tuple(
            sorted(
                checker.codes(raw, "agency_kinds", context.kinds, _("There is no agency kind “%(value)s”."))
            )
        ),
        subjects=checker.text(raw, "subjects"),
        channels=tuple(code for code in CHANNEL_ORDER if code in channels),
        online_level=online_level,
        legal=legal,
        committed=committed,
        same_day_cutoff=cutoff,
        fees=_children(raw, checker, "fees", lambda item, key: check_fee(item, checker, key)),
        documents=_children(
            raw, checker, "documents", lambda item, key: check_document(item, checker, key, context.base_dir)
        ),
        conditions=checker.text(raw, "conditions"),
        result=checker.text(raw, "result", True),
        result_is_document=checker.boolean(raw, "result_is_document"),
        legal_basis=checker.text(raw, "legal_basis"),
        publication_decision=checker.text(raw, "publication_decision", max_length=255),
        publication_date=checker.date(raw, "publication_date"),
        process=process,
    )
    if checker.count != before:
        return None
    found = [*rules.check_limits(legal, committed, cutoff)] if legal and committed else []
    if channels and online_level:
        found += rules.check_channels(channels, online_level)
    if committed:
        found += rules.check_process(committed, cutoff, [step.hours for step in process])
    for problem in found:
        checker.error(_problem_key(problem.key), problem.message)
    return None if found else record


def _problem_key(key: str) -> str:
    return {"committed_time_limit": "committed_time_limit.value", "process": "process[1].hours"}.get(key, key)


def check_bundle(raw, checker: Checker, known_procedures: set[str]) -> BundleRecord | None:
    if not checker.keys(raw, BUNDLE_KEYS):
        return None
    before = checker.count
    members = []
    for item in checker.items(raw, "procedures"):
        code = checker.procedure_code({"procedures": item}, "procedures")
        if code and code not in known_procedures:
            checker.error("procedures", _("There is no procedure %(code)s.") % {"code": code})
        elif code in members:
            checker.error("procedures", _("“%(value)s” is listed twice.") % {"value": code})
        elif code:
            members.append(code)
    lead = checker.procedure_code(raw, "lead")
    if "procedures" in raw and len(members) < 2 and checker.count == before:
        checker.error("procedures", _("Linked procedures have at least two procedures."))
    if lead and members and lead not in members:
        checker.error("lead", _("The lead procedure %(code)s is not one of the procedures.") % {"code": lead})
    record = BundleRecord(
        code=checker.text(raw, "code", True, 60),
        name=checker.text(raw, "name", True, 500),
        description=checker.text(raw, "description"),
        lead=lead,
        procedures=tuple(members),
    )
    return record if checker.count == before else None


def check_catalogue(items: dict[str, list], context: Context, problems: list[ImportProblem]) -> Catalogue:
    """Check the raw items of a file: {"fields"|"procedures"|"bundles": [(raw, locate), ...]}."""
    fields = []
    for raw, locate in items.get("fields", []):
        checker = Checker(problems, locate)
        record = check_field(raw, checker)
        if record and any(labels.normal(record.code) == labels.normal(other.code) for other in fields):
            checker.error("code", _("The code %(code)s appears twice.") % {"code": record.code})
        elif record:
            fields.append(record)
            context.fields[labels.normal(record.code)] = record.code
            context.fields.setdefault(labels.normal(record.name), record.code)
    procedures, seen = [], set()
    for raw, locate in items.get("procedures", []):
        checker = Checker(problems, locate)
        record = check_procedure(raw, checker, context)
        code = record.code if record else _raw_code(raw)
        if code and code in seen:
            checker.error("code", _("The procedure %(code)s appears twice.") % {"code": code})
        elif code:
            seen.add(code)
            if record:
                procedures.append(record)
    bundles, bundle_codes = [], set()
    for raw, locate in items.get("bundles", []):
        checker = Checker(problems, locate)
        record = check_bundle(raw, checker, seen | context.procedures)
        if record and record.code in bundle_codes:
            checker.error("code", _("The code %(code)s appears twice.") % {"code": record.code})
        elif record:
            bundle_codes.add(record.code)
            bundles.append(record)
    return Catalogue(fields=fields, procedures=procedures, bundles=bundles)


def _raw_code(raw) -> str:
    code = raw.get("code") if isinstance(raw, dict) else None
    return unicodedata.normalize("NFC", code).strip() if isinstance(code, str) else ""
