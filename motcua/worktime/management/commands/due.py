"""`motcua due`: the due instant of a time limit, for operators and scripts (a stable contract).

    motcua due --received 2026-03-02T09:00:00+07:00 --amount 2.5 --unit working_days [--agency CODE]
        [--cutoff 15:00] [--pause START/END ...] [--explain]
    motcua due --jsonl [--explain] < requests.jsonl

One line out: the due instant in ISO 8601 with its offset. --explain adds the reasons on the lines after it.
--jsonl reads one JSON object per line ({"received", "amount", "unit"}, optional "agency", "cutoff",
"pauses": [[start, end], ...]) and writes one {"due": ...} (or {"error": ...}) per line, in order; blank
lines are skipped. Bad input: a one-line error (English when LANG starts with "en", else Vietnamese) and exit
code 2; with --jsonl, every other line is still answered and the exit code is 2 at the end.
"""

import json
import sys
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from motcua.worktime.explanations import describe
from motcua.worktime.inputs import InputErrors, compute, parse_due_request

from ..language import activate_from_environment, fail


class Command(BaseCommand):
    help = "Print the due instant of a time limit (ISO 8601), or answer JSON lines from standard input."
    requires_system_checks = []
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("--received", help="receipt instant, ISO 8601 with offset")
        parser.add_argument("--amount", help="amount of the time limit, e.g. 2.5")
        parser.add_argument("--unit", help="hours, working_days, calendar_days or months")
        parser.add_argument("--agency", help="agency code (default: the national calendar)")
        parser.add_argument("--cutoff", help="same-day cut-off, e.g. 15:00 (working_days only)")
        parser.add_argument("--pause", action="append", default=[], help="a pause START/END (repeatable)")
        parser.add_argument("--jsonl", action="store_true", help="read JSON lines from standard input")
        parser.add_argument("--explain", action="store_true", help="print the reasons after the due instant")

    def handle(self, *args, **options):
        activate_from_environment()
        if options["jsonl"]:
            failed = self.answer_lines(options.get("stdin") or sys.stdin, options["explain"])
            if failed:
                sys.exit(2)
            return
        data = {name: options[name] for name in ("received", "amount", "unit", "agency", "cutoff")}
        data["pauses"] = options["pause"]
        try:
            due, explanation, calendar = compute(parse_due_request(data), explain=options["explain"])
        except InputErrors as error:
            fail(self, error.one_line())
        self.stdout.write(due.isoformat())
        if explanation is not None:
            for line in describe(explanation, calendar):
                self.stdout.write(line)

    def answer_lines(self, lines, explain: bool) -> int:
        failed = 0
        for line in lines:
            if not line.strip():
                continue
            try:
                answer = self.answer(line, explain)
            except InputErrors as error:
                failed += 1
                answer = {"error": error.one_line()}
            self.stdout.write(json.dumps(answer, ensure_ascii=False))
            self.stdout.flush()
        return failed

    def answer(self, line: str, explain: bool) -> dict:
        try:
            data = json.loads(line, parse_float=Decimal)
        except ValueError as error:
            raise InputErrors({"line": [_("This line is not JSON.")]}) from error
        if not isinstance(data, dict):
            raise InputErrors({"line": [_("Each line must be a JSON object.")]})
        due, explanation, calendar = compute(parse_due_request(data), explain=explain)
        answer = {"due": due.isoformat()}
        if explanation is not None:
            answer["explanation"] = describe(explanation, calendar)
        return answer
