"""The rows of the next batches are checked and prepared in a second thread (`services.Ahead`) while the
first writes: what goes wrong there is raised in the importing thread, batches already written stay, and the
thread never outlives the import."""

import threading

import pytest

from motcua.dossiers.models import Dossier, DossierEvent, Pause
from motcua.legacy import services
from tests.legacy.files import legacy_csv, row

READER = "legacy-import-reader"


def readers() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == READER]


@pytest.mark.django_db
def test_a_file_changed_after_its_check_is_refused_at_its_line(tmp_path, now, ward, birth, monkeypatch):
    path = legacy_csv(tmp_path, [row(code="R-1"), row(code="R-2"), row(code="R-3")])
    check = services._check

    def check_then_change(path_, checker, progress):
        rows = check(path_, checker, progress)
        legacy_csv(tmp_path, [row(code="R-1"), row(code="R-2", channel="fax"), row(code="R-3")])
        return rows

    monkeypatch.setattr(services, "_check", check_then_change)
    with pytest.raises(services.ImportRefused) as refused:
        services.import_dossiers(path, batch_size=1)
    [error] = refused.value.errors
    assert (error.line, error.column) == (3, "channel")
    assert list(Dossier.objects.values_list("code", flat=True)) == ["R-1"]  # the batch before it
    assert refused.value.written == 1  # and the refusal says so (the command tells it)
    assert readers() == []


def test_an_error_in_the_thread_is_raised_to_the_consumer_after_the_items_before_it():
    def items():
        yield 1
        yield 2
        raise ValueError("line 3 is unreadable")

    received = []
    with pytest.raises(ValueError, match="line 3"):
        for item in services.Ahead(items(), 2):
            received.append(item)
    assert received == [1, 2]
    assert readers() == []


def test_a_consumer_that_stops_early_stops_the_thread_a_few_items_ahead():
    produced = []

    def items():
        for number in range(10_000):
            produced.append(number)
            yield number

    for item in services.Ahead(items(), 2):
        if item == 3:
            break
    # items 0-3 in hand, at most 2 waiting in the queue, and 1 the thread was trying to hand over
    assert 4 <= len(produced) <= 7
    assert readers() == []


@pytest.mark.django_db(transaction=True)
def test_batches_written_from_two_threads_are_all_there_once(tmp_path, now, ward, birth):
    """Outside a transaction, PostgreSQL gets batches from two writer threads, each on its own connection
    (SQLite is written from the importing thread: the same result)."""
    rows = [
        row(code=f"W-{number}", status="supplement" if number % 3 == 0 else "processing")
        for number in range(9)
    ]
    path = legacy_csv(tmp_path, rows)
    first = services.import_dossiers(path, batch_size=2, writers=2)
    second = services.import_dossiers(path, batch_size=2, writers=2)
    assert (first.imported, first.skipped, sum(first.states.values())) == (9, 0, 9)
    assert (second.imported, second.skipped) == (0, 9)
    assert sorted(Dossier.objects.values_list("code", flat=True)) == sorted(f"W-{n}" for n in range(9))
    assert DossierEvent.objects.count() == 9 and Pause.objects.count() == 3
    assert [t for t in threading.enumerate() if t.name.startswith("legacy-import-")] == []


def test_a_consumer_that_stops_early_stops_the_writer_threads():
    """`import_dossiers` stops reading the writers' results when its own loop fails (a broken terminal, an
    interrupt): the writers finish the batches in hand and stop, and closing the results raises nothing."""

    class Writer:
        def write(self, batch):
            return batch

    results = services._write_in_threads(Writer(), iter(range(20)), 2)
    assert next(results) in range(20)
    results.close()  # raised "generator ignored GeneratorExit" before
    writers = [thread for thread in threading.enumerate() if thread.name.startswith("legacy-import-writer")]
    assert writers == []
