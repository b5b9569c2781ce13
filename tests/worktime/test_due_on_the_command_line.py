"""`motcua due` and `motcua calendar show`: a stable contract for operators and scripts.

Run as real processes (the console script's module, `python -m motcua`) with their own database, so exit
codes, standard error and LANG are what an operator sees.
"""

import json
import os
import subprocess
import sys

import pytest


@pytest.fixture(scope="module")
def motcua(tmp_path_factory):
    var = tmp_path_factory.mktemp("cli")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("MOTCUA_", "DJANGO_"))}
    env.update(
        {
            "MOTCUA_DEBUG": "1",
            "MOTCUA_VAR_DIR": str(var),
            "DATABASE_URL": f"sqlite:///{var}/db.sqlite3",
            "LANG": "C.UTF-8",
        }
    )
    subprocess.run([sys.executable, "-m", "motcua", "migrate", "-v0"], env=env, check=True)

    def run(*args, stdin=None, lang=None):
        environment = {**env, "LANG": lang} if lang else env
        return subprocess.run(
            [sys.executable, "-m", "motcua", *args],
            env=environment,
            input=stdin,
            capture_output=True,
            text=True,
        )

    return run


def test_prints_the_due_instant_alone_on_one_line(motcua):
    result = motcua(
        "due", "--received", "2026-03-02T09:00:00+07:00", "--amount", "2.5", "--unit", "working_days"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "2026-03-04T14:00:00+07:00\n"


def test_explain_adds_the_reasons_on_the_following_lines(motcua):
    result = motcua(
        "due",
        "--received",
        "2026-02-13T09:00:00+07:00",
        "--amount",
        "1",
        "--unit",
        "working_days",
        "--explain",
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "2026-02-23T09:00:00+07:00"
    assert "Ngày nghỉ: 16/02-20/02 Tết Nguyên Đán" in lines


def test_cutoff_and_pause_options(motcua):
    result = motcua(
        "due",
        "--received",
        "2026-03-02T15:30:00+07:00",
        "--amount",
        "0",
        "--unit",
        "working_days",
        "--cutoff",
        "15:00",
    )
    assert result.stdout == "2026-03-03T17:00:00+07:00\n"
    result = motcua(
        "due", "--received", "2026-03-02T09:00:00+07:00", "--amount", "2", "--unit", "working_days",
        "--pause", "2026-03-03T13:00:00+07:00/2026-03-05T10:00:00+07:00",
    )  # fmt: skip
    assert result.stdout == "2026-03-05T16:00:00+07:00\n"


@pytest.mark.parametrize(
    ("args", "vietnamese", "english"),
    [
        (
            ["--received", "2026-03-02T09:00:00+07:00", "--amount", "1", "--unit", "weeks"],
            "Đơn vị “weeks” không hợp lệ",
            "Unknown unit “weeks”",
        ),
        (
            ["--received", "2026-03-02T09:00:00+07:00", "--amount", "-1", "--unit", "hours"],
            "Số lượng thời gian không được âm.",
            "The amount cannot be negative.",
        ),
        (
            ["--received", "2026-03-02T09:00:00", "--amount", "1", "--unit", "hours"],
            "không có múi giờ",
            "has no offset",
        ),
        (
            [
                "--received",
                "2026-03-02T09:00:00+07:00",
                "--amount",
                "1",
                "--unit",
                "hours",
                "--agency",
                "KHONG.CO",
            ],
            "Không có cơ quan mã “KHONG.CO”.",
            "Unknown agency “KHONG.CO”.",
        ),
    ],
)
def test_bad_input_is_one_line_in_the_language_of_lang_with_exit_code_2(motcua, args, vietnamese, english):
    result = motcua("due", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert vietnamese in result.stderr
    assert result.stderr.count("\n") == 1
    result = motcua("due", *args, lang="en_US.UTF-8")
    assert result.returncode == 2
    assert english in result.stderr
    assert result.stderr.count("\n") == 1


def test_jsonl_answers_every_line_in_order_and_errors_do_not_stop_the_others(motcua):
    lines = [
        {"received": "2026-03-02T09:00:00+07:00", "amount": 2.5, "unit": "working_days"},
        {"received": "2026-03-02T09:00:00+07:00", "amount": "1", "unit": "fortnights"},
        {"received": "2026-01-31T10:00:00+07:00", "amount": 1, "unit": "months"},
        {"received": "2026-03-02T09:00:00+07:00", "amount": 1, "unit": "hours", "agency": "KHONG.CO"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n\nnot json\n"
    result = motcua("due", "--jsonl", stdin=stdin, lang="en_GB.UTF-8")
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert answers[0] == {"due": "2026-03-04T14:00:00+07:00"}
    assert answers[1]["error"].startswith("Unknown unit “fortnights”")
    assert answers[2] == {"due": "2026-03-02T17:00:00+07:00"}
    assert answers[3] == {"error": "Unknown agency “KHONG.CO”."}
    assert answers[4] == {"error": "This line is not JSON."}
    assert len(answers) == 5
    assert result.returncode == 2


def test_jsonl_with_only_good_lines_exits_0(motcua):
    stdin = (
        json.dumps({"received": "2026-02-13T09:00:00+07:00", "amount": "1", "unit": "working_days"}) + "\n"
    )
    result = motcua("due", "--jsonl", stdin=stdin)
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"due": "2026-02-23T09:00:00+07:00"}


def test_calendar_show_lists_the_year(motcua):
    result = motcua("calendar", "show", "2026")
    assert result.returncode == 0, result.stderr
    assert "17/02/2026" in result.stdout and "Tết Nguyên Đán" in result.stdout
    assert "27/04/2026" in result.stdout and "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)" in result.stdout
    assert "22/08/2026" in result.stdout and "Ngày làm việc bù cho ngày nghỉ 31/08/2026" in result.stdout
    assert "24/11/2026" in result.stdout


def test_calendar_show_refuses_an_unknown_agency(motcua):
    result = motcua("calendar", "show", "2026", "--agency", "KHONG.CO", lang="en_US.UTF-8")
    assert result.returncode == 2
    assert result.stderr == "Unknown agency “KHONG.CO”.\n"
