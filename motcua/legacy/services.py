"""The legacy import's public surface: `import_dossiers(path)` (docs/legacy-import.md).

    import_dossiers(path, *, batch_size=20000, progress=None) -> Summary     or raises ImportRefused

1. Check every row of the file (reading.py, checking.py) against the agency tree and the catalogue read once
   (catalogue.py). Any problem: `ImportRefused` with each line and column, and nothing is written.
2. Create the placeholders for agency and procedure codes the database lacks, in one transaction.
3. Read the file again and write it in batches (writing.py), each batch one transaction; codes already in the
   database are skipped and counted, so importing a file again changes nothing, and an import stopped half-way
   (a lost connection) is finished by running it again.
"""

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from motcua import clock
from motcua.dossiers.lifecycle import State

from . import reading
from .catalogue import Catalogue, Placeholder
from .checking import Checker, Record
from .errors import ImportRefused, RowError
from .writing import Writer

__all__ = ["ImportRefused", "RowError", "Summary", "import_dossiers"]

BATCH_SIZE = 20_000
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


def import_dossiers(path, *, batch_size: int = BATCH_SIZE, progress=None) -> Summary:
    path = Path(path)
    started = time.monotonic()
    now = clock.now()
    catalogue = Catalogue()
    summary = Summary(file=path.name)
    summary.rows = _check(path, Checker(catalogue, now), progress)
    catalogue.create_placeholders(path.name, now)
    summary.new_agencies = list(catalogue.new_agencies.values())
    summary.new_procedures = list(catalogue.new_procedures.values())
    writer = Writer(catalogue, path.name, now, _("MotCua system"))
    checker = Checker(catalogue, now, duplicates=False)  # duplicates were looked for in the first pass
    if progress is not None:
        progress.start(_("Importing"), summary.rows)
    batch: list[Record] = []
    done = 0
    for line, values in reading.rows(path):
        record = checker.check(line, values)
        if not isinstance(record, Record):  # the file changed since it was checked
            raise ImportRefused(record[:MAX_ERRORS])
        batch.append(record)
        if len(batch) >= batch_size:
            done += _write(writer, batch, summary)
            batch = []
            if progress is not None:
                progress.update(done)
    if batch:
        done += _write(writer, batch, summary)
    if progress is not None:
        progress.finish(done)
    summary.seconds = time.monotonic() - started
    return summary


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
            progress.update(characters.characters)
    if progress is not None:
        progress.finish(characters.characters)
    if errors:
        raise ImportRefused(errors, more)
    return rows


def _write(writer: Writer, batch: list[Record], summary: Summary) -> int:
    written = writer.write(batch)
    summary.imported += written.dossiers
    summary.skipped += written.skipped
    summary.evaluations += written.evaluations
    summary.states.update(written.states)
    return len(batch)
