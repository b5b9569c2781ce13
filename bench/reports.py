"""Benchmark of the legacy import and the settlement report on PostgreSQL, 3.5 million dossiers.

    make bench                  (runs: .venv/bin/python bench/reports.py --rows $(REPORTS_ROWS), 200,000 by
                                 default, so that `make bench` ends in a few minutes on 2 cores)
    make bench REPORTS_ROWS=3500000     the issue's full size (the load alone takes minutes)
    .venv/bin/python bench/reports.py [--rows 200000] [--database motcua_bench_reports]
        [--server postgres://postgres@127.0.0.1:5432] [--csv FILE] [--keep] [--repeat 5]

In one run:
1. create a throw-away database (dropped at the end unless --keep) and migrate it; build a province of 101
   agencies (the province, 20 departments, 80 communes) and 40 procedures in force (bench/reports_data.py);
2. write a legacy CSV file of --rows dossiers received over the last five years (or reuse --csv FILE made by
   an earlier run for the same province), and load it with `motcua.legacy.services.import_dossiers`, the
   command's own path: the file is read and checked whole, then written in batches; print the load
   time;
3. VACUUM ANALYZE (what autovacuum does to a table after a bulk load, done here before the timings rather
   than, by chance, during them; it also sets the rows' hint bits, which the first scans would otherwise
   write), then time, each --repeat times after one warm-up run (best and median printed):
   the settlement report (`motcua.reports.selectors.settlement`) of the whole province over five years, of
   one department over one year, and the floor: a plain
   `SELECT receiving_agency_id, state, count(*) FROM dossiers_dossier GROUP BY 1, 2` over the same table;
   then the ratios report / floor. The dashboard page is timed too once one exists (a URL named *dashboard*),
   after `collectstatic` into the run's own var directory (production settings serve hashed static files);
4. when a target is missed, print EXPLAIN ANALYZE of the report's queries.

Targets: at least 20,000 rows per second for the import (validation included); the province report under
1 second and at most 2 times the floor. Settings are production's (MOTCUA_DEBUG off: no query log).
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

TARGET_IMPORT = 20_000  # rows per second
TARGET_PROVINCE = 1.0  # seconds
TARGET_RATIO = 2.0  # report / floor


def admin(server: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def timed(function, repeat: int) -> tuple[float, float, object]:
    result = function()  # warm-up: plans, caches, the agency tree
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), result


def floor_query():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT receiving_agency_id, state, count(*) FROM dossiers_dossier GROUP BY 1, 2")
        return cursor.fetchall()


def explain_report(agency, first_day, last_day) -> str:
    """EXPLAIN ANALYZE of every query the report makes (the aggregate, then the evaluations)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from motcua.reports.selectors import settlement

    with CaptureQueriesContext(connection) as queries:
        settlement(agency, first_day, last_day)
    plans = []
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            plans.append(query["sql"][:200] + " ...\n" + "\n".join(row[0] for row in cursor.fetchall()))
    return "\n\n".join(plans)


def dashboard_url() -> str | None:
    from django.urls import get_resolver

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif pattern.name and "dashboard" in pattern.name and "<" not in str(pattern.pattern):
                yield "/" + prefix + str(pattern.pattern)

    return next(walk(get_resolver().url_patterns), None)


def timed_dashboard(url: str, repeat: int) -> None:
    """Production settings serve hashed static files: collect them into the run's var directory first."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    try:
        call_command("collectstatic", interactive=False, verbosity=0)
    except Exception as error:
        print(f"dashboard {url}: not timed, collectstatic fails under production settings: {error}")
        return
    user = get_user_model().objects.create_superuser("bench", "bench@example.com", secrets.token_hex(8))
    client = Client()
    client.force_login(user)
    best, median, response = timed(lambda: client.get(url), repeat)
    print(
        f"dashboard {url}: HTTP {response.status_code}, best {best * 1000:,.0f} ms, "
        f"median {median * 1000:,.0f} ms (target under 2 s: {'met' if best < 2 else 'MISSED'})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000, help="3500000 for the issue's size")
    parser.add_argument("--database", default="motcua_bench_reports")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--csv", type=Path, help="reuse this file (written by an earlier run) instead")
    parser.add_argument("--keep", action="store_true", help="keep the database (and the CSV file)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=20_000)
    options = parser.parse_args()

    url = f"{options.server}/{options.database}"
    var_dir = tempfile.mkdtemp(prefix="motcua-bench-reports-")
    os.environ.update(
        {
            "DATABASE_URL": url,
            "MOTCUA_VAR_DIR": var_dir,
            "MOTCUA_DEBUG": "0",
            "MOTCUA_SECRET_KEY": secrets.token_urlsafe(50),
            "MOTCUA_ALLOWED_HOSTS": "testserver,127.0.0.1",
            "MOTCUA_SSL_REDIRECT": "0",
            "MOTCUA_SECURE_COOKIES": "0",
            "MOTCUA_LOG_LEVEL": "WARNING",
            "MOTCUA_DB_POOL": "0",
            "DJANGO_SETTINGS_MODULE": "motcua.settings",
        }
    )
    admin(options.server, f"DROP DATABASE IF EXISTS {options.database}")
    admin(options.server, f"CREATE DATABASE {options.database}")
    csv_path = options.csv or Path(var_dir) / "legacy.csv"
    try:
        run(options, csv_path)
    finally:
        from django.db import connections

        connections.close_all()
        if not options.keep:
            admin(options.server, f"DROP DATABASE IF EXISTS {options.database} WITH (FORCE)")
            if options.csv is None and csv_path.exists():
                csv_path.unlink()
        subprocess.run(["rm", "-rf", var_dir], check=False)


def run(options, csv_path: Path) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import reports_data
    from motcua.legacy import services
    from motcua.org.models import Agency
    from motcua.reports.selectors import settlement

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server_version = cursor.fetchone()[0]
    province = reports_data.build_province()
    last_day = date.today() - timedelta(days=1)
    first_day = last_day.replace(year=last_day.year - 5) + timedelta(days=1)
    print(
        f"reports benchmark, Python {platform.python_version()}, {platform.machine()}, PostgreSQL "
        f"{server_version}, {os.cpu_count()} cores; {len(province.departments) + len(province.communes) + 1} "
        f"agencies, {len(province.procedures)} procedures, receptions {first_day} to {last_day}",
        flush=True,
    )
    if options.csv is None or not csv_path.exists():
        start = time.perf_counter()
        reports_data.write_csv(csv_path, province, options.rows, first_day, last_day)
        print(
            f"CSV written: {options.rows:,} rows, {csv_path.stat().st_size / 1e6:,.0f} MB in "
            f"{time.perf_counter() - start:.1f} s (not part of the load)",
            flush=True,
        )
    start = time.perf_counter()
    summary = services.import_dossiers(csv_path, batch_size=options.batch_size)
    load = time.perf_counter() - start
    print(
        f"load through the importer (check, then write in batches): {summary.imported:,} dossiers in "
        f"{load:.1f} s = "
        f"{summary.imported / load:,.0f} rows/s (target {TARGET_IMPORT:,}: "
        f"{'met' if summary.imported / load >= TARGET_IMPORT else 'MISSED'})",
        flush=True,
    )
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('dossiers_dossier'))")
        size = cursor.fetchone()[0]
    print(
        f"VACUUM ANALYZE: {time.perf_counter() - start:.1f} s; dossiers_dossier with its indexes: {size}",
        flush=True,
    )

    whole = Agency.objects.get(pk=province.province.pk)
    department = Agency.objects.get(pk=province.departments[0].pk)
    year_first = last_day.replace(year=last_day.year - 1) + timedelta(days=1)
    floor_best, floor_median, floor_rows = timed(floor_query, options.repeat)
    province_best, province_median, report = timed(
        lambda: settlement(whole, first_day, last_day), options.repeat
    )
    department_best, department_median, department_report = timed(
        lambda: settlement(department, year_first, last_day), options.repeat
    )
    total = report.total
    print(
        f"floor (GROUP BY receiving agency, state over the whole table, {len(floor_rows)} groups): "
        f"best {floor_best * 1000:,.0f} ms, median {floor_median * 1000:,.0f} ms"
    )
    print(
        f"province, 5 years ({total.received:,} counted; {total.resolved:,} resolved, "
        f"{total.in_progress:,} in progress): best {province_best * 1000:,.0f} ms, "
        f"median {province_median * 1000:,.0f} ms; "
        f"{province_best / floor_best:.2f} x the floor"
    )
    print(
        f"department, 1 year ({department_report.total.received:,} counted): best "
        f"{department_best * 1000:,.0f} ms, median {department_median * 1000:,.0f} ms; "
        f"{department_best / floor_best:.2f} x the floor"
    )
    met_time = province_best < TARGET_PROVINCE
    met_ratio = province_best / floor_best <= TARGET_RATIO
    print(
        f"targets: province under {TARGET_PROVINCE:.0f} s: {'met' if met_time else 'MISSED'}; at most "
        f"{TARGET_RATIO:.0f} x the floor: {'met' if met_ratio else 'MISSED'}"
    )
    url = dashboard_url()
    if url is None:
        print("dashboard: no URL named *dashboard* yet (issue 8 item 4): not timed")
    else:
        timed_dashboard(url, options.repeat)
    if not (met_time and met_ratio):
        print("EXPLAIN ANALYZE of the province report's queries:")
        print(explain_report(whole, first_day, last_day))


if __name__ == "__main__":
    main()
