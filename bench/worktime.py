"""Benchmark of the working-time engine: deadlines per second, against a naive minute-by-minute walk.

    make bench                       (runs: MOTCUA_DEBUG=1 .venv/bin/python bench/worktime.py)
    .venv/bin/python bench/worktime.py [--items 200000] [--naive-items 300] [--seed 2026]

Both run in this one process on the same random deadlines over Vietnam's official calendar: receipts at
random minutes of 2024-2028, a realistic mix of units (working days up to 30, hours, calendar days, months,
same-day procedures with a 15:00 cut-off, a few pauses). The engine computes all of them; the naive walk (the
reference of the property tests, tests/worktime/reference.py) only the first --naive-items, because it takes
milliseconds each; its rate is scaled from those. The naive answers are checked against the engine's.
Pure Python, no Django. Prints figures only; docs/performance.md records them with the date and the machine.
"""

import argparse
import platform
import random
import sys
import time
from datetime import datetime, timedelta
from datetime import time as clock
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from motcua.worktime.days import official_days
from motcua.worktime.engine import TIME_ZONE, Calendar
from tests.worktime.reference import NaiveCalendar


def random_deadlines(count: int, seed: int, tz) -> list[tuple]:
    rng = random.Random(seed)
    first = datetime(2024, 1, 1, tzinfo=tz)
    minutes = int((datetime(2029, 1, 1, tzinfo=tz) - first).total_seconds() // 60)
    deadlines = []
    for _ in range(count):
        start = first + timedelta(minutes=rng.randrange(minutes))
        draw = rng.random()
        cutoff = None
        if draw < 0.55:
            amount, unit = Decimal(rng.randrange(1, 61)) / 2, "working_days"
        elif draw < 0.70:
            amount, unit = Decimal(rng.randrange(1, 41)), "hours"
        elif draw < 0.80:
            amount, unit = Decimal(rng.randrange(1, 61)), "calendar_days"
        elif draw < 0.85:
            amount, unit = Decimal(rng.randrange(1, 7)), "months"
        else:
            amount, unit, cutoff = Decimal(rng.randrange(0, 3)), "working_days", clock(15)
        pauses = ()
        if rng.random() < 0.05:
            paused = start + timedelta(minutes=rng.randrange(0, 5 * 1440))
            pauses = ((paused, paused + timedelta(minutes=rng.randrange(60, 3 * 1440))),)
        deadlines.append((start, amount, unit, pauses, cutoff))
    return deadlines


def rate(calendar, deadlines) -> tuple[float, float, list]:
    due = calendar.due
    began = time.perf_counter()
    answers = [due(start, amount, unit, pauses, cutoff) for start, amount, unit, pauses, cutoff in deadlines]
    seconds = time.perf_counter() - began
    return len(deadlines) / seconds, seconds, answers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200_000)
    parser.add_argument("--naive-items", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args()

    began = time.perf_counter()
    days_off, working_days = official_days()
    loaded = time.perf_counter() - began
    began = time.perf_counter()
    calendar = Calendar(days_off=days_off, working_days=working_days)
    built = time.perf_counter() - began
    naive = NaiveCalendar(calendar.sessions, days_off, working_days, calendar.tz)
    deadlines = random_deadlines(options.items, options.seed, calendar.tz)

    engine_rate, engine_seconds, answers = rate(calendar, deadlines)
    sample = deadlines[: options.naive_items]
    naive_rate, naive_seconds, naive_answers = rate(naive, sample)
    disagreements = sum(1 for a, b in zip(answers, naive_answers, strict=False) if a != b)

    print(f"worktime benchmark, Python {platform.python_version()}, {platform.machine()}, zone {TIME_ZONE}")
    print(f"official calendar 1990-2100 (holidays package): {loaded:.3f} s; day index built in {built:.3f} s")
    print(f"engine: {options.items:,} deadlines in {engine_seconds:.2f} s = {engine_rate:,.0f} deadlines/s")
    print(
        f"naive minute-by-minute walk: first {len(sample):,} of the same deadlines in {naive_seconds:.2f} s "
        f"= {naive_rate:,.1f} deadlines/s (scaled from that sample)"
    )
    print(f"engine / naive: {engine_rate / naive_rate:,.0f} times faster")
    print(f"naive and engine disagree on {disagreements} of {len(sample)} deadlines")
    if disagreements:
        sys.exit(1)


if __name__ == "__main__":
    main()
