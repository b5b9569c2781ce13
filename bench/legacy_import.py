"""Benchmark of the legacy import (`motcua import-dossiers`) on PostgreSQL and SQLite, with the database's own
floor measured in the same run.

    make bench                  (runs: .venv/bin/python bench/legacy_import.py --rows $(IMPORT_ROWS), 200,000)
    .venv/bin/python bench/legacy_import.py [--rows 200000] [--batch-size 20000] [--writers 2] [--no-sqlite]
        [--database motcua_bench_import] [--server postgres://postgres@127.0.0.1:5432]

In one run, with production settings (MOTCUA_DEBUG off):
1. PostgreSQL: a throw-away database (dropped at the end), migrated, with the synthetic province of
   bench/reports_data.py (101 agencies, 40 procedures) and a legacy CSV file of --rows dossiers over five
   years (80% without an appointment: the importer computes it through the working-time engine);
2. the import through `motcua.legacy.services.import_dossiers`, the command's own path (check the whole file,
   then write in batches); then the same file again (every code already there: nothing written);
3. the floor: what the database alone takes to store the same rows with the same indexes, constraints and
   foreign keys. The rows the import wrote are copied aside into temporary tables, the tables emptied, and
   the rows inserted back by `INSERT ... SELECT` in one transaction, commit included (no parsing, no checking,
   no network). Ratio: import time / floor time;
4. SQLite (unless --no-sqlite): the same file into a fresh SQLite database, in a child process.

Target (issue 8): at least 20,000 rows per second into PostgreSQL; SQLite's figure is reported.
"""

import argparse
import os
import platform
import secrets
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = 20_000  # rows per second into PostgreSQL
TABLES = ("dossiers_dossier", "dossiers_dossierevent", "dossiers_pause", "legacy_importedevaluation")


def environment(database_url: str, var_dir: str) -> None:
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "MOTCUA_VAR_DIR": var_dir,
            "MOTCUA_DEBUG": "0",
            "MOTCUA_SECRET_KEY": secrets.token_urlsafe(50),
            "MOTCUA_ALLOWED_HOSTS": "127.0.0.1",
            "MOTCUA_LOG_LEVEL": "WARNING",
            "MOTCUA_DB_POOL": "0",
            "DJANGO_SETTINGS_MODULE": "motcua.settings",
        }
    )


def admin(server: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def period() -> tuple[date, date]:
    last_day = date.today() - timedelta(days=1)
    return last_day.replace(year=last_day.year - 5) + timedelta(days=1), last_day


def prepare(csv_path: Path | None, rows: int) -> Path:
    """Migrate, build the province; write the CSV file unless given."""
    import django

    django.setup()
    from django.core.management import call_command

    from bench import reports_data

    call_command("migrate", verbosity=0)
    province = reports_data.build_province()
    if csv_path is None:
        csv_path = Path(os.environ["MOTCUA_VAR_DIR"]) / "legacy.csv"
        reports_data.write_csv(csv_path, province, rows, *period())
    return csv_path


def imported(csv_path: Path, batch_size: int, writers: int) -> tuple[object, float]:
    from motcua.legacy import services

    start = time.perf_counter()
    summary = services.import_dossiers(csv_path, batch_size=batch_size, writers=writers)
    return summary, time.perf_counter() - start


def floor() -> float:
    """INSERT ... SELECT of the rows the import wrote, back into the emptied tables, commit included.
    Generated columns (the dossier's finish_timeliness) are left to the database, as the import does."""
    from django.db import connection

    with connection.cursor() as cursor:
        columns = {}
        for table in TABLES:
            cursor.execute(
                "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) "
                "FROM information_schema.columns WHERE table_name = %s AND is_generated = 'NEVER'",
                [table],
            )
            columns[table] = cursor.fetchone()[0]
            cursor.execute(f"CREATE TEMPORARY TABLE aside_{table} AS SELECT {columns[table]} FROM {table}")
        cursor.execute(f"TRUNCATE {', '.join(TABLES)} CASCADE")
        cursor.execute("CHECKPOINT")
        start = time.perf_counter()
        cursor.execute("BEGIN")
        for table in TABLES:
            cursor.execute(f"INSERT INTO {table} ({columns[table]}) SELECT * FROM aside_{table}")
        cursor.execute("COMMIT")
        return time.perf_counter() - start


def sqlite_child(options) -> None:
    var_dir = tempfile.mkdtemp(prefix="motcua-bench-import-sqlite-")
    environment(f"sqlite:///{var_dir}/bench.sqlite3", var_dir)
    prepare(options.csv, options.rows)
    summary, seconds = imported(options.csv, options.batch_size, 1)
    print(
        f"SQLite: {summary.imported:,} dossiers in {seconds:.1f} s = "
        f"{summary.imported / seconds:,.0f} rows/s",
        flush=True,
    )
    subprocess.run(["rm", "-rf", var_dir], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--batch-size", type=int, default=20_000)
    parser.add_argument("--writers", type=int, default=2, help="PostgreSQL writer threads")
    parser.add_argument("--database", default="motcua_bench_import")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--csv", type=Path, help=argparse.SUPPRESS)  # the child process's file
    parser.add_argument("--sqlite-child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.sqlite_child:
        sqlite_child(options)
        return

    var_dir = tempfile.mkdtemp(prefix="motcua-bench-import-")
    environment(f"{options.server}/{options.database}", var_dir)
    admin(options.server, f"DROP DATABASE IF EXISTS {options.database} WITH (FORCE)")
    admin(options.server, f"CREATE DATABASE {options.database}")
    try:
        csv_path = prepare(None, options.rows)
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
        print(
            f"legacy import benchmark, Python {platform.python_version()}, {platform.machine()}, PostgreSQL "
            f"{version}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
            f"{options.rows:,} rows "
            f"({csv_path.stat().st_size / 1e6:,.0f} MB), batches of {options.batch_size:,}, "
            f"{options.writers} writer thread(s)",
            flush=True,
        )
        summary, seconds = imported(csv_path, options.batch_size, options.writers)
        rate = summary.imported / seconds
        print(
            f"PostgreSQL import: {summary.imported:,} dossiers ({summary.evaluations:,} evaluations) in "
            f"{seconds:.1f} s = {rate:,.0f} rows/s (target {TARGET:,}: "
            f"{'met' if rate >= TARGET else f'MISSED, {rate / TARGET:.0%} of it'})",
            flush=True,
        )
        again, again_seconds = imported(csv_path, options.batch_size, options.writers)
        print(
            f"the same file again: {again.imported:,} written, {again.skipped:,} skipped in "
            f"{again_seconds:.1f} s = {again.rows / again_seconds:,.0f} rows/s",
            flush=True,
        )
        floor_seconds = floor()
        print(
            f"floor (INSERT ... SELECT of the same rows into the same tables, commit included): "
            f"{floor_seconds:.1f} s = {summary.imported / floor_seconds:,.0f} rows/s; "
            f"import / floor: {seconds / floor_seconds:.2f} x the time",
            flush=True,
        )
        print(f"load average after the PostgreSQL part: {os.getloadavg()[0]:.2f}", flush=True)
        if not options.no_sqlite:
            from django.db import connections

            connections.close_all()
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--sqlite-child",
                    "--csv",
                    str(csv_path),
                    "--rows",
                    str(options.rows),
                    "--batch-size",
                    str(options.batch_size),
                ],
                check=True,
            )
    finally:
        from django.db import connections

        connections.close_all()
        admin(options.server, f"DROP DATABASE IF EXISTS {options.database} WITH (FORCE)")
        subprocess.run(["rm", "-rf", var_dir], check=False)


if __name__ == "__main__":
    main()
