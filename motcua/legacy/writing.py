"""Writing checked records in bulk: dossiers with their state, times and national status, ONE append-only
"import" event each, the pause of a dossier waiting for a supplement, and the old system's evaluations.

This is the one writer of dossiers besides `dossiers/services.py`: it records history that
happened elsewhere, so it sets what the business actions would have set, without replaying them.

The dossier's `evaluation` column (what the statistics count) is written with the dossier, from its imported
evaluation.

A batch is prepared in Python (`Writer.prepare`: the rows, with the due instants computed; no database, so
that it can run in another thread while the previous batch is being written) and written in one
transaction (`Writer.write`), codes already in the database skipped, so a batch is written whole or not at
all, and the same file imported again writes nothing.

- PostgreSQL: the batch's dossier rows go by COPY into a temporary table, then ONE statement inserts them
  with `ON CONFLICT (code) DO NOTHING` and, from the rows it inserted (RETURNING), their events, pauses and
  evaluations: the database numbers the dossiers and finds the codes it already has.
- Other databases (SQLite): the codes already there are looked up, the ids reserved under the write lock,
  and each table written by one `executemany`.
"""

import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from operator import itemgetter

from django.db import connection, transaction
from django.utils import timezone

from motcua.dossiers.codes import SECRET_ALPHABET, SECRET_LENGTH
from motcua.dossiers.lifecycle import NATIONAL_STATUS, State, SupplementStage
from motcua.dossiers.models import Dossier, DossierCodeSequence, DossierEvent, Evaluation, Pause
from motcua.text import fold
from motcua.worktime.selectors import calendar_for

from .catalogue import Catalogue
from .checking import Record
from .models import ImportedEvaluation

ACTION = "import"
EXISTING_CHUNK = 5000  # codes per look-up query (below every database's limit on parameters)
STAGE = "legacy_import_stage"  # PostgreSQL: the temporary table a batch goes through
# The dossier columns that vary from row to row: only these go through the temporary table.
STAGED = (
    "code",
    "lookup_secret",
    "procedure_version_id",
    "receiving_agency_id",
    "channel",
    "state",
    "national_status",
    "supplement_stage",
    "applicant_name",
    "applicant_name_folded",
    "received_at",
    "due_at",
    "paused_since",
    "finished_at",
    "returned_at",
    "supplement_count",
    "evaluation",
)
SAME_AS = {
    "current_agency_id": "receiving_agency_id",
    "submitted_at": "received_at",
    "original_due_at": "due_at",
}
FOLDED_KEPT = 100_000  # folded applicant names remembered (names repeat a lot)


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
        # Generated columns (the dossier's finish_timeliness) are the database's to compute.
        fields = [f for f in model._meta.concrete_fields if f.attname not in skip and not f.generated]
        return cls(
            model._meta.db_table,
            [f.column for f in fields],
            [f.get_default() for f in fields],
            {f.attname: i for i, f in enumerate(fields)},
        )


@dataclass
class Prepared:
    """A batch ready to write: dossier rows (the id left None), and beside each its line and evaluation."""

    records: list[Record]
    dossiers: list[list]
    lines: list[int]
    evaluations: list[str | None]


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
        self.folded: dict[str, str] = {}
        self.today = timezone.localtime(now).date()
        self.dossier = Layout.of(Dossier)
        assert self.dossier.columns[0] == "id"  # the database numbers the dossiers on PostgreSQL
        self.event = Layout.of(DossierEvent, skip=("id",))
        self.pause = Layout.of(Pause, skip=("id",))
        self.evaluation = Layout.of(ImportedEvaluation)
        self.postgresql = connection.vendor == "postgresql"

    def calendar(self, agency):
        calendar = self.calendars.get(agency.pk)
        if calendar is None:
            calendar = self.calendars[agency.pk] = calendar_for(agency)
        return calendar

    def load_calendars(self, agency_codes) -> None:
        """Read the calendars of these agencies now, so that `prepare` never needs the database."""
        for code in agency_codes:
            self.calendar(self.catalogue.agencies[code])

    def prepare(self, records: list[Record]) -> Prepared:
        return Prepared(
            records,
            self._rows(records),
            [record.line for record in records],
            [record.evaluation for record in records],
        )

    def write(self, batch: Prepared | list[Record]) -> Written:
        """One batch, in one transaction: every record whose code is not in the database yet."""
        if not isinstance(batch, Prepared):
            batch = self.prepare(batch)
        with transaction.atomic():
            written = self._write_postgresql(batch) if self.postgresql else self._write_other(batch)
            if written.dossiers:
                self._bump_code_sequences(batch.records)
        return written

    def _write_other(self, batch: Prepared) -> Written:
        written = Written()
        existing = _existing_codes([record.code for record in batch.records])
        i_id, i_code, i_agency, i_state, i_received = (
            self.dossier.index[name] for name in ("id", "code", "receiving_agency_id", "state", "received_at")
        )
        e = self.event.index
        event_base = list(self.event.defaults)
        event_base[e["number"]] = 1
        event_base[e["action"]] = ACTION
        event_base[e["at"]] = self.now
        event_base[e["actor_id"]] = None
        event_base[e["actor_name"]] = self.actor_name
        event_base[e["from_state"]] = ""
        event_base[e["step_id"]] = None
        event_base[e["note"]] = ""
        e_dossier, e_agency, e_to, e_data = e["dossier_id"], e["agency_id"], e["to_state"], e["data"]
        source = json.dumps(self.source)
        fresh = [
            index for index, row in enumerate(batch.dossiers) if not existing or row[i_code] not in existing
        ]
        written.skipped = len(batch.dossiers) - len(fresh)
        if not fresh:
            return written
        ids = self._reserve_ids(len(fresh))
        dossiers, events, pauses, evaluations = [], [], [], []
        for index, pk in zip(fresh, ids, strict=True):
            row = batch.dossiers[index].copy()
            row[i_id] = pk
            dossiers.append(row)
            state = row[i_state]
            written.states[state] += 1
            event = event_base.copy()
            event[e_dossier] = pk
            event[e_agency] = row[i_agency]
            event[e_to] = state
            event[e_data] = f'{{"file": {source}, "line": {batch.lines[index]}}}'
            events.append(event)
            if state == State.SUPPLEMENT_REQUESTED:
                pauses.append((pk, Pause.Reason.SUPPLEMENT, row[i_received], None))
            if batch.evaluations[index] is not None:
                evaluations.append((pk, batch.evaluations[index]))
        self._insert(self.dossier, dossiers)
        self._insert(self.event, events)
        self._insert(self.pause, pauses)
        self._insert(self.evaluation, evaluations)
        written.dossiers = len(dossiers)
        written.evaluations = len(evaluations)
        return written

    def _write_postgresql(self, batch: Prepared) -> Written:
        written = Written()
        staged = itemgetter(*(self.dossier.index[column] for column in STAGED))
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS pg_temp.{STAGE}")
            cursor.execute(
                f"CREATE TEMPORARY TABLE {STAGE} AS SELECT {', '.join(_quoted(STAGED))}, "
                f"0 AS line, ''::text AS overall FROM {self.dossier.table} WITH NO DATA"
            )
            names = ", ".join(_quoted([*STAGED, "line", "overall"]))
            with cursor.cursor.copy(f"COPY {STAGE} ({names}) FROM STDIN") as copy:
                for row, line, overall in zip(batch.dossiers, batch.lines, batch.evaluations, strict=True):
                    copy.write_row((*staged(row), line, overall))
            cursor.execute(*self._statement())
            for state, dossiers, evaluations in cursor.fetchall():
                written.states[state] += dossiers
                written.dossiers += dossiers
                written.evaluations += evaluations
            cursor.execute(f"DROP TABLE pg_temp.{STAGE}")
        written.skipped = len(batch.dossiers) - written.dossiers
        return written

    def _statement(self) -> tuple[str, dict]:
        """The one statement that writes a staged batch: the dossiers whose code is new, then from those
        (RETURNING) their events, pauses and evaluations. It returns, per state, the dossiers and the
        evaluations written. Columns the import leaves alone get their model default."""
        params: dict = {
            "action": ACTION,
            "at": self.now,
            "actor_name": self.actor_name,
            "file": self.source,
            "reason": Pause.Reason.SUPPLEMENT,
            "paused": State.SUPPLEMENT_REQUESTED,
        }

        def select(layout: Layout, model, given: dict[str, str], defaults=None) -> str:
            parts = []
            types = {f.column: f.db_type(connection) for f in model._meta.concrete_fields}
            for column, default in zip(layout.columns, defaults or layout.defaults, strict=True):
                if column in given:
                    parts.append(given[column])
                    continue
                name = f"{layout.table}_{column}"
                params[name] = json.dumps(default) if isinstance(default, dict) else default
                parts.append(f"%({name})s::{types[column]}")
            return ", ".join(parts)

        dossier = Layout(
            self.dossier.table, self.dossier.columns[1:], self._base()[1:], {}
        )  # without the id, which the database gives
        given = {column: f"s.{connection.ops.quote_name(column)}" for column in STAGED}
        given.update({column: given[same] for column, same in SAME_AS.items()})
        dossier_select = select(dossier, Dossier, given, dossier.defaults)
        columns = _quoted(dossier.columns)
        event = select(
            self.event,
            DossierEvent,
            {
                "dossier_id": "n.id",
                "number": "1",
                "action": "%(action)s",
                "at": "%(at)s",
                "actor_id": "NULL",
                "actor_name": "%(actor_name)s",
                "agency_id": "n.receiving_agency_id",
                "from_state": "''",
                "to_state": "n.state",
                "step_id": "NULL",
                "note": "''",
                "data": "jsonb_build_object('file', %(file)s::text, 'line', s.line)",
            },
        )
        pause = select(
            self.pause,
            Pause,
            {"dossier_id": "n.id", "reason": "%(reason)s", "started_at": "n.received_at", "ended_at": "NULL"},
        )
        sql = f"""
            WITH n AS (
                INSERT INTO {self.dossier.table} ({", ".join(columns)})
                SELECT {dossier_select} FROM {STAGE} s ORDER BY s.line
                ON CONFLICT (code) DO NOTHING
                RETURNING id, code, state, receiving_agency_id, received_at
            ), e AS (
                INSERT INTO {self.event.table} ({", ".join(_quoted(self.event.columns))})
                SELECT {event} FROM n JOIN {STAGE} s ON s.code = n.code
            ), p AS (
                INSERT INTO {self.pause.table} ({", ".join(_quoted(self.pause.columns))})
                SELECT {pause} FROM n WHERE n.state = %(paused)s
            ), v AS (
                INSERT INTO {self.evaluation.table} (dossier_id, overall)
                SELECT n.id, s.overall FROM n JOIN {STAGE} s ON s.code = n.code
                WHERE s.overall IS NOT NULL
            )
            SELECT n.state, count(*), count(s.overall) FROM n JOIN {STAGE} s ON s.code = n.code
            GROUP BY n.state
        """
        return sql, params

    # --- rows --------------------------------------------------------------------------------------------

    def _base(self) -> list:
        """A dossier row with what every imported dossier has; the rest comes from its record."""
        d = self.dossier.index
        dossier_base = list(self.dossier.defaults)
        dossier_base[d["current_step_id"]] = None
        dossier_base[d["version"]] = 1
        dossier_base[d["updated_at"]] = self.now
        dossier_base[d["paused_minutes"]] = 0
        return dossier_base

    def _rows(self, records: list[Record]) -> list[list]:
        d = self.dossier.index
        dossier_base = self._base()
        agencies = self.catalogue.agencies
        placeholders = self.catalogue.placeholder_versions
        secrets = lookup_secrets(len(records))
        folded = self.folded
        calendars = self.calendars
        dossiers = []
        (
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
            i_evaluation,
        ) = (
            d[name]
            for name in (
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
                "evaluation",
            )
        )
        for record, secret in zip(records, secrets, strict=True):
            agency = agencies[record.agency_code]
            limit = record.limit
            due = record.due_at
            if due is None:
                calendar = calendars.get(agency.pk) or self.calendar(agency)
                due = calendar.due(record.received_at, limit.amount, limit.unit, (), limit.cutoff)
            state = record.state
            name = record.applicant_name
            name_folded = folded.get(name)
            if name_folded is None:
                if len(folded) > FOLDED_KEPT:
                    folded.clear()
                name_folded = folded[name] = fold(name)
            row = dossier_base.copy()
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
            row[i_evaluation] = Evaluation.of(record.evaluation)  # the old system's one evaluation
            if state == State.SUPPLEMENT_REQUESTED:
                # The old system does not say since when: the clock is taken as paused since reception
                # (docs/legacy-import.md), as the old system's own report counted it (within time).
                row[i_stage] = SupplementStage.PROCESSING
                row[i_paused] = record.received_at
            dossiers.append(row)
        return dossiers

    # --- the database ------------------------------------------------------------------------------------

    def _reserve_ids(self, count: int) -> list[int]:
        """SQLite: the transaction holds the write lock (IMMEDIATE), so nobody takes these ids meanwhile."""
        with connection.cursor() as cursor:
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
        names = ", ".join(_quoted(columns))
        placeholders = ", ".join(["%s"] * len(columns))
        with connection.cursor() as cursor:
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
        for code, number in sorted(highest.items()):  # one order: batches written at once never deadlock
            agency = self.catalogue.agencies[code]
            sequence, _created = DossierCodeSequence.objects.select_for_update().get_or_create(
                agency=agency, day=today
            )
            if sequence.last_number < number:
                sequence.last_number = number
                sequence.save(update_fields=["last_number"])


def _quoted(columns) -> list[str]:
    return [connection.ops.quote_name(column) for column in columns]


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
