"""Writing checked records in bulk: dossiers with their state, times and national status, ONE append-only
"import" event each, the pause of a dossier waiting for a supplement, and the old system's evaluations.

This is the one writer of dossiers besides `dossiers/services.py` (decisions/0006): it records history that
happened elsewhere, so it sets what the business actions would have set, without replaying them. PostgreSQL
gets every table through COPY (psycopg); other databases (SQLite) through one `executemany` per table. Each
batch is one transaction, and codes already in the database are skipped, so a batch is written whole or not
at all, and the same file imported again writes nothing.
"""

import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time

from django.db import connection, transaction
from django.utils import timezone

from motcua.dossiers.codes import SECRET_ALPHABET, SECRET_LENGTH
from motcua.dossiers.lifecycle import NATIONAL_STATUS, State, SupplementStage
from motcua.dossiers.models import Dossier, DossierCodeSequence, DossierEvent, Pause
from motcua.text import fold
from motcua.worktime.selectors import calendar_for

from .catalogue import Catalogue
from .checking import Record
from .models import ImportedEvaluation

ACTION = "import"
EXISTING_CHUNK = 5000  # codes per look-up query (below every database's limit on parameters)


def _secret_table() -> tuple[bytes, bytes]:
    """Random bytes to secret letters without bias: 248 = 8 x 31 byte values map to the alphabet, the last 8
    are dropped."""
    usable = len(SECRET_ALPHABET) * (256 // len(SECRET_ALPHABET))
    table = bytes(
        ord(SECRET_ALPHABET[value % len(SECRET_ALPHABET)]) if value < usable else 0 for value in range(256)
    )
    return table, bytes(range(usable, 256))


_TABLE, _DROP = _secret_table()


def lookup_secrets(count: int) -> list[str]:
    """`count` lookup secrets like `dossiers.codes.new_lookup_secret`'s, from one read of os.urandom."""
    letters = b""
    needed = count * SECRET_LENGTH
    while len(letters) < needed:
        letters += os.urandom((needed - len(letters)) * 9 // 8 + 64).translate(_TABLE, _DROP)
    text = letters[:needed].decode("ascii")
    return [text[i : i + SECRET_LENGTH] for i in range(0, needed, SECRET_LENGTH)]


@dataclass
class Layout:
    """A model's columns in table order, the default of each, and where the import puts its values."""

    table: str
    columns: list[str]
    defaults: list
    index: dict[str, int]

    @classmethod
    def of(cls, model, skip: Sequence[str] = ()) -> "Layout":
        fields = [f for f in model._meta.concrete_fields if f.attname not in skip]
        return cls(
            model._meta.db_table,
            [f.column for f in fields],
            [f.get_default() for f in fields],
            {f.attname: i for i, f in enumerate(fields)},
        )


@dataclass
class Written:
    dossiers: int = 0
    skipped: int = 0
    evaluations: int = 0
    states: Counter = field(default_factory=Counter)


class Writer:
    def __init__(self, catalogue: Catalogue, source: str, now: datetime, actor_name: str) -> None:
        self.catalogue = catalogue
        self.source = source
        self.now = now
        self.actor_name = actor_name
        self.calendars: dict[int, object] = {}
        self.today = timezone.localtime(now).date()
        self.dossier = Layout.of(Dossier)
        self.event = Layout.of(DossierEvent, skip=("id",))
        self.pause = Layout.of(Pause, skip=("id",))
        self.evaluation = Layout.of(ImportedEvaluation)
        self.postgresql = connection.vendor == "postgresql"

    def calendar(self, agency):
        calendar = self.calendars.get(agency.pk)
        if calendar is None:
            calendar = self.calendars[agency.pk] = calendar_for(agency)
        return calendar

    def write(self, records: list[Record]) -> Written:
        """One batch, in one transaction: every record whose code is not in the database yet."""
        written = Written()
        with transaction.atomic():
            existing = _existing_codes([record.code for record in records])
            fresh = [record for record in records if record.code not in existing] if existing else records
            written.skipped = len(records) - len(fresh)
            if not fresh:
                return written
            ids = self._reserve_ids(len(fresh))
            dossiers, events, pauses, evaluations = self._rows(fresh, ids, written)
            self._insert(self.dossier, dossiers)
            self._insert(self.event, events)
            self._insert(self.pause, pauses)
            self._insert(self.evaluation, evaluations)
            self._bump_code_sequences(fresh)
        written.dossiers = len(fresh)
        written.evaluations = len(evaluations)
        return written

    # --- rows --------------------------------------------------------------------------------------------

    def _rows(self, records: list[Record], ids: list[int], written: Written):
        d, e = self.dossier.index, self.event.index
        dossier_base, event_base = list(self.dossier.defaults), list(self.event.defaults)
        dossier_base[d["current_step_id"]] = None
        dossier_base[d["version"]] = 1
        dossier_base[d["updated_at"]] = self.now
        dossier_base[d["paused_minutes"]] = 0
        event_base[e["number"]] = 1
        event_base[e["action"]] = ACTION
        event_base[e["at"]] = self.now
        event_base[e["actor_id"]] = None
        event_base[e["actor_name"]] = self.actor_name
        event_base[e["from_state"]] = ""
        event_base[e["step_id"]] = None
        event_base[e["note"]] = ""
        agencies = self.catalogue.agencies
        placeholders = self.catalogue.placeholder_versions
        source = json.dumps(self.source)
        secrets = lookup_secrets(len(records))
        folded: dict[str, str] = {}
        dossiers, events, pauses, evaluations = [], [], [], []
        states = written.states
        (
            i_id,
            i_code,
            i_secret,
            i_version,
            i_receiving,
            i_current,
            i_channel,
            i_state,
            i_national,
            i_stage,
            i_name,
            i_folded,
            i_submitted,
            i_received,
            i_original_due,
            i_due,
            i_paused,
            i_finished,
            i_returned,
            i_supplements,
        ) = (
            d[name]
            for name in (
                "id",
                "code",
                "lookup_secret",
                "procedure_version_id",
                "receiving_agency_id",
                "current_agency_id",
                "channel",
                "state",
                "national_status",
                "supplement_stage",
                "applicant_name",
                "applicant_name_folded",
                "submitted_at",
                "received_at",
                "original_due_at",
                "due_at",
                "paused_since",
                "finished_at",
                "returned_at",
                "supplement_count",
            )
        )
        e_dossier, e_agency, e_to, e_data = e["dossier_id"], e["agency_id"], e["to_state"], e["data"]
        for record, pk, secret in zip(records, ids, secrets, strict=True):
            agency = agencies[record.agency_code]
            limit = record.limit
            due = record.due_at
            if due is None:
                due = self.calendar(agency).due(
                    record.received_at, limit.amount, limit.unit, (), limit.cutoff
                )
            state = record.state
            states[state] += 1
            name = record.applicant_name
            name_folded = folded.get(name)
            if name_folded is None:
                name_folded = folded[name] = fold(name)
            row = dossier_base.copy()
            row[i_id] = pk
            row[i_code] = record.code
            row[i_secret] = secret
            row[i_version] = limit.version_id if limit is not None else placeholders[record.procedure_code]
            row[i_receiving] = row[i_current] = agency.pk
            row[i_channel] = record.channel
            row[i_state] = state
            row[i_national] = NATIONAL_STATUS[state]
            row[i_name] = name
            row[i_folded] = name_folded
            row[i_submitted] = row[i_received] = record.received_at
            row[i_original_due] = row[i_due] = due
            row[i_finished] = record.finished_at
            row[i_returned] = record.returned_at
            row[i_supplements] = record.supplement_count
            if state == State.SUPPLEMENT_REQUESTED:
                # The old system does not say since when: the clock is taken as paused since reception
                # (docs/legacy-import.md), as the old system's own report counted it (within time).
                row[i_stage] = SupplementStage.PROCESSING
                row[i_paused] = record.received_at
                pauses.append((pk, Pause.Reason.SUPPLEMENT, record.received_at, None))
            dossiers.append(row)
            event = event_base.copy()
            event[e_dossier] = pk
            event[e_agency] = agency.pk
            event[e_to] = state
            event[e_data] = f'{{"file": {source}, "line": {record.line}}}'
            events.append(event)
            if record.evaluation is not None:
                evaluations.append((pk, record.evaluation))
        return dossiers, events, pauses, evaluations

    # --- the database ------------------------------------------------------------------------------------

    def _reserve_ids(self, count: int) -> list[int]:
        with connection.cursor() as cursor:
            if self.postgresql:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    [self.dossier.table, count],
                )
                return [row[0] for row in cursor.fetchall()]
            # SQLite: the transaction holds the write lock (IMMEDIATE), so nobody takes these ids meanwhile.
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {self.dossier.table}")
            last = cursor.fetchone()[0]
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [self.dossier.table])
            row = cursor.fetchone()
            last = max(last, row[0] if row else 0)
            return list(range(last + 1, last + count + 1))

    def _insert(self, layout: Layout, rows: list) -> None:
        if not rows:
            return
        columns = layout.columns
        names = ", ".join(connection.ops.quote_name(column) for column in columns)
        with connection.cursor() as cursor:
            if self.postgresql:
                with cursor.cursor.copy(f"COPY {layout.table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                return
            placeholders = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {layout.table} ({names}) VALUES ({placeholders})",
                [[_sqlite(value) for value in row] for row in rows],
            )

    def _bump_code_sequences(self, records: list[Record]) -> None:
        """A code the old system gave today in MotCua's own shape (<agency>-YYMMDD-NNNN) must not be given
        again by a reception later today: the day's counter moves past it."""
        today = self.today
        stamp = f"{today:%y%m%d}"
        start = datetime.combine(today, time.min, tzinfo=timezone.get_current_timezone())
        highest: dict[str, int] = {}
        for record in records:
            if record.received_at < start:
                continue
            match = re.fullmatch(rf"{re.escape(record.agency_code)}-{stamp}-(\d+)", record.code)
            if match:
                number = int(match.group(1))
                if number > highest.get(record.agency_code, 0):
                    highest[record.agency_code] = number
        for code, number in highest.items():
            agency = self.catalogue.agencies[code]
            sequence, _created = DossierCodeSequence.objects.select_for_update().get_or_create(
                agency=agency, day=today
            )
            if sequence.last_number < number:
                sequence.last_number = number
                sequence.save(update_fields=["last_number"])


def _sqlite(value):
    """Values as Django writes them to SQLite: instants as naive UTC text, JSON as text."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
    if isinstance(value, dict):
        return json.dumps(value)
    return value


def _existing_codes(codes: list[str]) -> set[str]:
    existing: set[str] = set()
    for start in range(0, len(codes), EXISTING_CHUNK):
        chunk = codes[start : start + EXISTING_CHUNK]
        existing.update(Dossier.objects.filter(code__in=chunk).values_list("code", flat=True))
    return existing
