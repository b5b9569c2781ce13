"""The legacy import's public surface: `import_dossiers(path)` (docs/legacy-import.md).

    import_dossiers(path, *, batch_size=20000, progress=None) -> Summary     or raises ImportRefused

1. Check every row of the file (reading.py, checking.py) against the agency tree and the catalogue read once
   (catalogue.py). Any problem: `ImportRefused` with each line and column, and nothing is written.
2. Create the placeholders for agency and procedure codes the database lacks, in one transaction.
3. Read the file again and write it in batches (writing.py), each batch one transaction; codes already in the
   database are skipped and counted, so importing a file again changes nothing, and an import stopped half-way
   (a lost connection) is finished by running it again. The rows of the next batches are read, checked again
   and prepared (due instants computed) in a second thread while this thread writes the current one, so that
   Python's work and the database's overlap (docs/performance.md). On PostgreSQL, outside a transaction,
   WRITERS threads write batches at once, each on its own connection (the database's work is the larger
   part: indexes and foreign keys); elsewhere (SQLite, or inside a caller's transaction) this thread writes.
"""

import queue
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection
from django.utils import translation
from django.utils.translation import gettext as _

from motcua import clock
from motcua.dossiers.lifecycle import State

from . import reading
from .catalogue import Catalogue, Placeholder
from .checking import Checker, Record
from .errors import ImportRefused, RowError
from .writing import Prepared, Writer, Written

__all__ = ["ImportRefused", "RowError", "Summary", "import_dossiers"]

BATCH_SIZE = 20_000
AHEAD = 2  # batches prepared ahead of the one being written
WRITERS = 2  # PostgreSQL: batches written at once, each by its own thread and connection
MAX_ERRORS = 200  # listed; the others are counted


@dataclass
class Summary:
    file: str
    rows: int = 0
    imported: int = 0
    skipped: int = 0
    evaluations: int = 0
    states: Counter = field(default_factory=Counter)
    new_agencies: list[Placeholder] = field(default_factory=list)
    new_procedures: list[Placeholder] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0

    def lines(self) -> list[str]:
        lines = [
            _("%(file)s: %(rows)s rows, %(imported)s dossiers imported, %(skipped)s already there (skipped).")
            % {"file": self.file, "rows": self.rows, "imported": self.imported, "skipped": self.skipped},
            _("Evaluations imported: %(count)s.") % {"count": self.evaluations},
            _("Time: %(seconds)s s (%(rate)s rows/s).")
            % {"seconds": f"{self.seconds:.1f}", "rate": f"{self.rate:,.0f}"},
        ]
        if self.states:
            lines.append(
                _("By state: %(states)s.")
                % {"states": ", ".join(f"{State(s).label} {n}" for s, n in sorted(self.states.items()))}
            )
        for title, placeholders in (
            (_("Placeholder agencies created (under “Imported agencies”):"), self.new_agencies),
            (_("Placeholder procedures created (not in force):"), self.new_procedures),
        ):
            if placeholders:
                lines.append(title)
                lines.extend(
                    "  " + _("%(code)s %(name)s (first on line %(line)s)") % vars(placeholder)
                    for placeholder in placeholders
                )
        return lines

    def __str__(self) -> str:
        return "\n".join(self.lines())


def import_dossiers(
    path, *, batch_size: int = BATCH_SIZE, progress=None, writers: int | None = None
) -> Summary:
    """`writers`: batches written at once (PostgreSQL outside a transaction only); None: WRITERS."""
    path = Path(path)
    started = time.monotonic()
    now = clock.now()
    catalogue = Catalogue()
    summary = Summary(file=path.name)
    first = Checker(catalogue, now)
    summary.rows = _check(path, first, progress)
    catalogue.create_placeholders(path.name, now)
    summary.new_agencies = list(catalogue.new_agencies.values())
    summary.new_procedures = list(catalogue.new_procedures.values())
    writer = Writer(catalogue, path.name, now, _("MotCua system"))
    writer.load_calendars(first.agency_codes)
    checker = Checker(catalogue, now, duplicates=False)  # duplicates were looked for in the first pass
    if progress is not None:
        progress.start(_("Importing"), summary.rows)
    batches = Ahead(_prepared(path, checker, writer, batch_size), AHEAD)
    writers = WRITERS if writers is None else writers
    if writers > 1 and connection.vendor == "postgresql" and not connection.in_atomic_block:
        results = _write_in_threads(writer, batches, writers)
    else:
        results = (writer.write(batch) for batch in batches)
    done = 0
    try:
        for written in results:
            done += _count(written, summary)
            if progress is not None:
                progress.update(done)
    except ImportRefused as refused:  # the file changed since the check: say what stays written
        raise ImportRefused(refused.errors, refused.more, written=summary.imported) from None
    if progress is not None:
        progress.finish(done)
    summary.seconds = time.monotonic() - started
    return summary


def _prepared(path: Path, checker: Checker, writer: Writer, batch_size: int) -> Iterator[Prepared]:
    """The file's rows, checked again and prepared for writing, batch by batch (no database)."""
    batch: list[Record] = []
    for line, values in reading.rows(path):
        record = checker.check(line, values)
        if not isinstance(record, Record):  # the file changed since it was checked
            raise ImportRefused(record[:MAX_ERRORS])
        batch.append(record)
        if len(batch) >= batch_size:
            yield writer.prepare(batch)
            batch = []
    if batch:
        yield writer.prepare(batch)


class Ahead:
    """Iterate `items` in another thread, at most `depth` items ahead of the consumer; an exception raised
    there is raised here. The thread stops when the consumer stops early (or fails)."""

    _ITEM, _END, _ERROR = range(3)

    def __init__(self, items: Iterable, depth: int) -> None:
        self.items = items
        self.queue: queue.Queue = queue.Queue(maxsize=depth)
        self.stopped = threading.Event()
        self.language = translation.get_language()

    def _run(self) -> None:
        try:
            with translation.override(self.language):
                for item in self.items:
                    if not self._put((self._ITEM, item)):
                        return
            self._put((self._END, None))
        except BaseException as error:  # handed to the consumer, raised there
            self._put((self._ERROR, error))

    def _put(self, message) -> bool:
        while not self.stopped.is_set():
            try:
                self.queue.put(message, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def __iter__(self) -> Iterator:
        thread = threading.Thread(target=self._run, name="legacy-import-reader", daemon=True)
        thread.start()
        try:
            while True:
                kind, value = self.queue.get()
                if kind == self._END:
                    return
                if kind == self._ERROR:
                    raise value
                yield value
        finally:
            self.stopped.set()
            thread.join()


def _check(path: Path, checker: Checker, progress) -> int:
    errors: list[RowError] = []
    more = rows = 0
    characters = reading.Progress() if progress is not None else None
    if progress is not None:
        progress.start(_("Checking"), max(path.stat().st_size, 1))
    for line, values in reading.rows(path, characters):
        rows += 1
        result = checker.check(line, values)
        if not isinstance(result, Record):
            room = MAX_ERRORS - len(errors)
            errors.extend(result[:room])
            more += len(result) - len(result[:room])
        if progress is not None and not rows % 5000:
            progress.update(characters.characters, rows=rows)
    if progress is not None:
        progress.finish(characters.characters, rows=rows)
    if errors:
        raise ImportRefused(errors, more)
    return rows


def _count(written: Written, summary: Summary) -> int:
    summary.imported += written.dossiers
    summary.skipped += written.skipped
    summary.evaluations += written.evaluations
    summary.states.update(written.states)
    return written.dossiers + written.skipped


def _write_in_threads(writer: Writer, batches: Iterable[Prepared], threads: int) -> Iterator[Written]:
    """Write `batches` from `threads` threads, each batch in its own transaction on the thread's own
    connection; yield what each wrote as it is done. The first failure stops the feeding of new batches, lets
    the batches being written finish (or fail) in their own transactions, and is raised here."""
    work: queue.Queue = queue.Queue(maxsize=threads)
    done: queue.Queue = queue.Queue()
    failed = threading.Event()
    language = translation.get_language()

    def run() -> None:
        try:
            with translation.override(language):
                while (batch := work.get()) is not None:
                    if failed.is_set():
                        continue  # drain: the import is stopping
                    try:
                        done.put((True, writer.write(batch)))
                    except BaseException as error:
                        failed.set()
                        done.put((False, error))
        finally:
            connection.close()

    pool = [
        threading.Thread(target=run, name=f"legacy-import-writer-{n}", daemon=True) for n in range(threads)
    ]
    for thread in pool:
        thread.start()
    sent = received = 0
    errors: list[BaseException] = []

    def results(until_sent: bool = False) -> Iterator[Written]:
        """What the writers have finished (all that was sent, when `until_sent`); failures go to `errors`."""
        nonlocal received
        while received < sent and (until_sent or not done.empty()):
            received += 1
            ok, value = done.get()
            if ok:
                yield value
            else:
                errors.append(value)

    try:
        for batch in batches:
            while not failed.is_set():
                try:
                    work.put(batch, timeout=0.1)
                    sent += 1
                    break
                except queue.Full:
                    yield from results()
            if failed.is_set():
                break
            yield from results()
    except GeneratorExit:  # the consumer stopped early: stop the writers (finally), yield nothing more
        raise
    except BaseException as reading_error:  # the file: stop the writers, then raise it
        errors.append(reading_error)
    finally:
        for _thread in pool:
            work.put(None)
        for thread in pool:
            thread.join()
    yield from results(until_sent=True)
    if errors:
        raise errors[0]
