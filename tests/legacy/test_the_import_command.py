"""`motcua import-dossiers FILE`: a summary on success; on a bad file each problem with its line and
column on standard error, in English or Vietnamese by LANG, exit code 2, nothing written; no progress bar off
a terminal."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation

from motcua.dossiers.models import Dossier
from motcua.legacy import services
from motcua.legacy.progress import TerminalProgress
from tests.legacy.files import legacy_csv, row

pytestmark = pytest.mark.django_db


def run(path, monkeypatch, language="en_US.UTF-8", *arguments):
    monkeypatch.setenv("LANG", language)
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        # The command activates the language of LANG; the tests after this one keep theirs.
        with translation.override(translation.get_language()):
            call_command("import-dossiers", str(path), *arguments, stdout=out, stderr=err)
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue(), err.getvalue()


def test_a_good_file_prints_its_summary(tmp_path, now, ward, birth, monkeypatch):
    path = legacy_csv(
        tmp_path,
        [row(code="C-1"), row(code="C-2", agency_code="000.00.66.H34", due_at="2024-03-09T17:00:00+07:00")],
    )
    code, out, err = run(path, monkeypatch)
    assert code == 0 and err == ""  # not a terminal: no progress bar
    assert "2 rows, 2 dossiers imported, 0 already there" in out
    assert "000.00.66.H34" in out
    assert Dossier.objects.count() == 2


def test_a_bad_row_is_reported_in_english(tmp_path, now, ward, birth, monkeypatch):
    path = legacy_csv(tmp_path, [row(code="C-1"), row(code="C-2", received_at="2024-03-01 08:15")])
    code, out, err = run(path, monkeypatch)
    assert code == 2 and out == ""
    assert "Line 3, column received_at:" in err and "no UTC offset" in err
    assert "nothing was written" in err
    assert not Dossier.objects.exists()


def test_a_bad_row_is_reported_in_vietnamese(tmp_path, now, ward, birth, monkeypatch):
    path = legacy_csv(tmp_path, [row(code="C-1", channel="fax")])
    code, _out, err = run(path, monkeypatch, language="vi_VN.UTF-8")
    assert code == 2
    assert "Dòng 2, cột channel:" in err


def test_a_file_changed_after_its_check_is_refused_with_what_stays_written(
    tmp_path, now, ward, birth, monkeypatch
):
    path = legacy_csv(tmp_path, [row(code="C-1"), row(code="C-2"), row(code="C-3")])
    check = services._check

    def check_then_change(path_, checker, progress):
        rows = check(path_, checker, progress)
        legacy_csv(tmp_path, [row(code="C-1"), row(code="C-2"), row(code="C-3", channel="fax")])
        return rows

    monkeypatch.setattr(services, "_check", check_then_change)
    code, out, err = run(path, monkeypatch, "en_US.UTF-8", "--batch-size", "1")
    assert code == 2 and out == ""
    assert "nothing was written" not in err
    assert "changed after it was checked" in err and "2 dossiers written before it are kept" in err
    assert "Line 4, column channel:" in err
    assert sorted(Dossier.objects.values_list("code", flat=True)) == ["C-1", "C-2"]


def test_the_progress_bar_is_drawn_on_a_terminal_only():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    assert TerminalProgress.if_terminal(io.StringIO()) is None
    terminal = Terminal()
    bar = TerminalProgress.if_terminal(terminal)
    bar.start("Importing", 10)
    bar.finish(10)
    assert "100%" in terminal.getvalue() and terminal.getvalue().endswith("\n")
    # The check fills its bar with the file's characters but gives its rate in rows.
    checking = Terminal()
    bar = TerminalProgress(checking)
    with translation.override("en"):
        bar.start("Checking", 1000)
        bar.finish(1000, rows=0)
    assert "100%" in checking.getvalue() and " 0 rows/s" in checking.getvalue()
