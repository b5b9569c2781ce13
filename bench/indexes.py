"""Benchmark of the dossier indexes the office lists and the visibility filters use, before and after the
last change to them, on PostgreSQL, in one run. The change measured: migration dossiers 0004 dropped the
single-column indexes on receiving_agency_id and current_agency_id, whose columns lead composite indexes,
and the varchar_pattern_ops copy of the state's index (the plain one stays, as dossier_state). (The run of
2026-11-23 measured migration 0003, which added the list indexes; the code no longer runs on a schema before
0004, so "before" is now rebuilt by SQL.)

    make bench                  (runs: .venv/bin/python bench/indexes.py --rows $(INDEX_ROWS), 300,000)
    .venv/bin/python bench/indexes.py [--rows 300000] [--repeat 7] [--database motcua_bench_indexes]
        [--server postgres://postgres@127.0.0.1:5432] [--explain]

1. A throw-away database (dropped at the end), migrated, with the dropped indexes created again by SQL
   ("before": the indexes as they were before 0004); the synthetic province of bench/reports_data.py; --rows
   dossiers loaded through the legacy import. The import writes closed and open dossiers but none waiting at
   the desk, so one dossier in 100 of the last year is set back to "submitted" (not yet received) by SQL, as
   online submissions would be.
2. Staff: a desk officer of the busiest department (desk queues, search, the API list it sees), a leader of a
   department (its subtree), and a monitor of the province (sees everything).
3. Each query is timed --repeat times after a warm-up (best and median): the desk officer's home page counts
   (one query for all queues), the first page (30 rows, keyset order) of the results-to-return, paused and
   submitted queues, a search by the start of an applicant's name, the API list of a leader (newest first)
   filtered to overdue dossiers, the API list of a monitor filtered by state.
4. The indexes are dropped again, as 0004 drops them, ANALYZE, and every query timed again. Printed for
   each: the wall time of the call (best of --repeat) before and after, after / before, after / the floor (a
   primary-key page `SELECT ... ORDER BY id DESC LIMIT 30` timed in the same run), and the database's own
   time (planning and execution, from EXPLAIN ANALYZE, best of 3) before and after: on a shared machine the
   wall time is noisy.
"""

import argparse
import os
import platform
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The indexes dossiers 0004 dropped, as Django had created them (names of this benchmark's own).
DROPPED = {
    "bench_dossier_receiving_agency": "(receiving_agency_id)",
    "bench_dossier_current_agency": "(current_agency_id)",
    "bench_dossier_state_like": "(state varchar_pattern_ops)",
}
PAGE = 30


def admin(server: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def timed(function, repeat: int) -> tuple[float, float]:
    function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def queries(province) -> dict:
    """name -> a function that runs the query as the office or the API does (rows fetched)."""
    from django.contrib.auth import get_user_model

    from motcua import clock
    from motcua.dossiers import selectors
    from motcua.dossiers.lifecycle import State
    from motcua.dossiers.models import Dossier
    from motcua.org.models import Membership, Role

    User = get_user_model()

    def staff(name, agency, *roles):
        user = User.objects.create_user(name, f"{name}@example.com", secrets.token_hex(8))
        for role in roles:
            Membership.objects.create(user=user, agency=agency, role=role)
        return user

    department = province.departments[0]
    desk = staff("desk", department, Role.DESK_OFFICER)
    leader = staff("leader", province.departments[1], Role.LEADER)
    monitor = staff("monitor", province.province, Role.MONITOR)
    now = clock.now()

    def page(queryset):
        return list(queryset[:PAGE])

    def queue(name):
        def run():
            conditions = selectors.queue_conditions(desk, now)
            return page(selectors.queue(conditions, name))

        return run

    def floor():
        return page(Dossier.objects.order_by("-pk").values_list("pk", "code", "due_at"))

    return {
        "floor: primary-key page": floor,
        "desk home: all queue counts": lambda: selectors.queue_counts(selectors.queue_conditions(desk, now)),
        "desk queue: results to return": queue(selectors.TO_RETURN),
        "desk queue: paused": queue(selectors.PAUSED),
        "desk queue: submitted": queue(selectors.SUBMITTED),
        "desk search: applicant name 'nguyen v'": lambda: page(
            selectors.for_list(selectors.search_dossiers(selectors.visible_to(desk), "nguyen v")).order_by(
                "-submitted_at", "-pk"
            )
        ),
        "leader API list: overdue, newest first": lambda: page(
            selectors.for_list(selectors.visible_to(leader).filter(selectors.overdue_q(now))).order_by("-pk")
        ),
        "monitor API list: state processing, by due_at": lambda: page(
            selectors.for_list(selectors.visible_to(monitor).filter(state=State.PROCESSING)).order_by(
                "due_at", "-pk"
            )
        ),
    }


def explain(function) -> str:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        function()
    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if "dossiers_dossier" not in query["sql"]:
                continue
            cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + query["sql"])
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return "\n".join(plans)


def server_time(function) -> float:
    """The database's own time for the query (the sum of EXPLAIN ANALYZE's planning and execution times of
    its statements on the dossiers), in seconds: what an index changes, without Python's share, which on a
    loaded machine is noisy."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        function()
    total = 0.0
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if "dossiers_dossier" not in query["sql"]:
                continue
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + query["sql"])
            plan = cursor.fetchone()[0]
            plan = plan[0] if isinstance(plan, list) else plan
            total += (plan["Planning Time"] + plan["Execution Time"]) / 1000
    return total


def measure(named: dict, repeat: int) -> dict[str, tuple[float, float]]:
    """name -> (best wall time of the call, best server time)."""
    return {
        name: (timed(function, repeat)[0], min(server_time(function) for _ in range(3)))
        for name, function in named.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--database", default="motcua_bench_indexes")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--explain", action="store_true", help="print the plans, before and after")
    options = parser.parse_args()
    var_dir = tempfile.mkdtemp(prefix="motcua-bench-indexes-")
    os.environ.update(
        {
            "DATABASE_URL": f"{options.server}/{options.database}",
            "MOTCUA_VAR_DIR": var_dir,
            "MOTCUA_DEBUG": "0",
            "MOTCUA_SECRET_KEY": secrets.token_urlsafe(50),
            "MOTCUA_ALLOWED_HOSTS": "127.0.0.1",
            "MOTCUA_LOG_LEVEL": "WARNING",
            "MOTCUA_DB_POOL": "0",
            "DJANGO_SETTINGS_MODULE": "motcua.settings",
        }
    )
    admin(options.server, f"DROP DATABASE IF EXISTS {options.database} WITH (FORCE)")
    admin(options.server, f"CREATE DATABASE {options.database}")
    try:
        run(options, Path(var_dir))
    finally:
        from django.db import connections

        connections.close_all()
        admin(options.server, f"DROP DATABASE IF EXISTS {options.database} WITH (FORCE)")
        subprocess.run(["rm", "-rf", var_dir], check=False)


def run(options, var_dir: Path) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import reports_data
    from motcua.legacy import services

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        for name, columns in DROPPED.items():
            cursor.execute(f"CREATE INDEX {name} ON dossiers_dossier {columns}")
    province = reports_data.build_province()
    last_day = date.today() - timedelta(days=1)
    first_day = last_day.replace(year=last_day.year - 5) + timedelta(days=1)
    csv_path = var_dir / "legacy.csv"
    reports_data.write_csv(csv_path, province, options.rows, first_day, last_day)
    start = time.perf_counter()
    services.import_dossiers(csv_path)
    load = time.perf_counter() - start
    csv_path.unlink()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE dossiers_dossier SET state = 'submitted', national_status = 1, received_at = NULL "
            "WHERE id % 100 = 0 AND submitted_at > now() - interval '1 year'"
        )
        submitted = cursor.rowcount
        cursor.execute("VACUUM ANALYZE dossiers_dossier")
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    print(
        f"indexes benchmark, Python {platform.python_version()}, {platform.machine()}, PostgreSQL {version}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; {options.rows:,} dossiers loaded in "
        f"{load:.0f} s ({submitted:,} set back to submitted); best of {options.repeat} after a warm-up",
        flush=True,
    )
    named = queries(province)
    before = measure(named, options.repeat)
    plans_before = {name: explain(function) for name, function in named.items()} if options.explain else {}
    start = time.perf_counter()
    with connection.cursor() as cursor:
        for name in DROPPED:
            cursor.execute(f"DROP INDEX {name}")
        cursor.execute("ANALYZE dossiers_dossier")
        cursor.execute("SELECT pg_size_pretty(pg_indexes_size('dossiers_dossier'))")
        size = cursor.fetchone()[0]
    print(f"indexes of 0004 dropped: {time.perf_counter() - start:.1f} s; the table's indexes take {size}")
    after = measure(named, options.repeat)
    floor = after["floor: primary-key page"][0]
    width = max(len(name) for name in named)
    print("wall: the whole call from Python (query built, planned, run, rows read), best of the repeats;")
    print("server: PostgreSQL's planning + execution time of its statements (EXPLAIN ANALYZE), best of 3")
    print(
        f"{'query':<{width}}  {'wall before':>11}  {'wall after':>10}  {'after/before':>12}  "
        f"{'after/floor':>11}  {'server before':>13}  {'server after':>12}  {'after/before':>12}"
    )
    for name in named:
        (wb, sb), (wa, sa) = before[name], after[name]
        print(
            f"{name:<{width}}  {wb * 1000:9.1f}ms  {wa * 1000:8.1f}ms  {wa / wb:12.2f}  {wa / floor:11.1f}  "
            f"{sb * 1000:11.1f}ms  {sa * 1000:10.1f}ms  {sa / sb:12.2f}"
        )
    if options.explain:
        for name, function in named.items():
            print(f"\n=== {name}\n--- before\n{plans_before[name]}\n--- after\n{explain(function)}")


if __name__ == "__main__":
    main()
