"""Benchmark of dossier intake on PostgreSQL: receptions per second through the services and the HTTP API.

    make bench                      (runs: .venv/bin/python bench/intake.py)
    .venv/bin/python bench/intake.py [--receptions 3000] [--api-receptions 1500] [--trivial-requests 6000]
        [--threads 8] [--port 8781] [--database motcua_bench_intake] [--server postgres://postgres@127.0.0.1:5432]

In one run: create a throw-away database (dropped at the end unless --keep), migrate it, load the demo
province and catalogue through the demo services (not the demo dossiers), then measure

1. receptions through the services: `services.submit` then `services.receive`, each its own transaction as in
   production, in one process, then in 2 processes at once (the target machine has 2 cores); a reception is
   a walk-in at a ward's desk with the procedure's required documents (no scans), rotating over 7 wards and
   5 procedures; each process first makes 30 receptions to warm up;
2. over HTTP, gunicorn with 2 (sync) workers serving MotCua against the same database, with a bench-only
   URLconf (bench/intake_urls.py, through bench/intake_settings.py) that adds /bench/ping/, a trivial Django
   JSON view behind the same middleware; a load generator in another process (--threads threads, each with
   its own http.client connection, reopened whenever a sync worker closes it) first sends GET /bench/ping/,
   then makes receptions as a ward's system would: POST /api/v1/dossiers/ then
   POST /api/v1/dossiers/{code}/receive/ with the desk officer's token (two requests per reception), asking
   for the minimal answer (`Prefer: return=minimal`: the dossier's list row); then a third as many answered
   with the whole detail, for comparison.

Settings are production's (MOTCUA_DEBUG off: no query log, connection pool on), except plain HTTP on
127.0.0.1. Prints the figures only; docs/performance.md records them with the date and the machine.
"""

import argparse
import multiprocessing
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import intake_work  # noqa: E402

TARGET_SERVICE = 300  # receptions per second through the services (2 processes)
TARGET_RATIO = 0.40  # API requests per second / trivial view requests per second


def environment(database_url: str, var_dir: str) -> dict:
    return {
        "DATABASE_URL": database_url,
        "MOTCUA_VAR_DIR": var_dir,
        "MOTCUA_DEBUG": "0",
        "MOTCUA_SECRET_KEY": secrets.token_urlsafe(50),
        "MOTCUA_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "MOTCUA_SSL_REDIRECT": "0",
        "MOTCUA_SECURE_COOKIES": "0",
        "MOTCUA_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "motcua.settings",
    }


def admin(server: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def in_process(context, target, *args):
    """Run `target(*args, results)` in a fresh process and return what it put in `results`."""
    results = context.Queue()
    process = context.Process(target=target, args=(*args, results))
    process.start()
    answer = results.get()
    process.join()
    return answer


def _prepare(env, results):
    results.put(intake_work.prepare(env))


def services_rate(context, env, templates, processes: int, receptions: int) -> dict:
    barrier, results = context.Barrier(processes), context.Queue()
    share = receptions // processes
    workers = [
        context.Process(
            target=intake_work.reception_worker, args=(env, templates, index * 7919, share, barrier, results)
        )
        for index in range(processes)
    ]
    for worker in workers:
        worker.start()
    reports = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
        if worker.exitcode:
            raise SystemExit(f"a reception worker failed (exit code {worker.exitcode})")
    done = sum(report[0] for report in reports)
    seconds = max(report[2] for report in reports) - min(report[1] for report in reports)
    cpu = sum(report[3] for report in reports)
    server = None if any(report[5] is None for report in reports) else sum(report[5] for report in reports)
    return {
        "rate": done / seconds,
        "done": done,
        "seconds": seconds,
        "cpu_ms": cpu / done * 1000,
        "server_ms": None if server is None else server / done * 1000,
        "queries": reports[0][4],
    }


def describe_services(processes: int, run: dict) -> str:
    return (
        f"services, {processes} process{'es' if processes > 1 else ''}: {run['done']:,} receptions in "
        f"{run['seconds']:.2f} s = {run['rate']:,.0f} receptions/s "
        f"({run['cpu_ms']:.1f} ms of Python CPU, "
        + ("" if run["server_ms"] is None else f"{run['server_ms']:.1f} ms of PostgreSQL CPU, ")
        + f"{run['queries']:.0f} statements per reception)"
    )


def start_server(env: dict, port: int, log: Path) -> subprocess.Popen:
    server_env = {**os.environ, **env, "DJANGO_SETTINGS_MODULE": "bench.intake_settings"}
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "--workers", "2",
        "--bind", f"127.0.0.1:{port}",
        "--pythonpath", str(ROOT),
        "--chdir", str(ROOT),
        "--log-level", "warning",
        "motcua.wsgi:application",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=server_env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/ping/", timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
        if server.poll() is not None:
            break
    server.terminate()
    raise SystemExit(f"gunicorn did not start; its log: {log}\n{log.read_text()[-3000:]}")


def api_present(port: int, token: str) -> bool:
    """Whether the server routes POST /api/v1/dossiers/ (an empty submission answers 400, not 404)."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/dossiers/",
        data=b"{}",
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=30):
            return True
    except urllib.error.HTTPError as error:
        return error.code != 404


def drive(context, port: int, kind: str, jobs: int, threads: int, plan: dict) -> dict:
    jobs_done, requests, seconds, latencies, failures = in_process(
        context, intake_work.load_generator, "127.0.0.1", port, kind, jobs, threads, plan
    )
    if failures:
        raise SystemExit(f"{kind} requests failed, e.g. {failures}")

    def percentile(share: float) -> float:
        return latencies[min(len(latencies) - 1, int(share * len(latencies)))] * 1000

    return {
        "jobs": jobs_done,
        "requests": requests,
        "seconds": seconds,
        "jobs_rate": jobs_done / seconds,
        "requests_rate": requests / seconds,
        "p50": percentile(0.5),
        "p95": percentile(0.95),
    }


def describe_api(how: str, run: dict) -> str:
    return (
        f"HTTP API (POST /api/v1/dossiers/ + POST .../receive/, token, {how}): {run['jobs']:,} receptions, "
        f"{run['requests']:,} requests in {run['seconds']:.2f} s = {run['jobs_rate']:,.0f} receptions/s, "
        f"{run['requests_rate']:,.0f} requests/s (p50 {run['p50']:.1f} ms, p95 {run['p95']:.1f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--receptions", type=int, default=3000, help="per service run (1 and 2 processes)")
    parser.add_argument("--api-receptions", type=int, default=1500)
    parser.add_argument("--trivial-requests", type=int, default=6000)
    parser.add_argument("--threads", type=int, default=8, help="load generator threads (connections)")
    parser.add_argument("--port", type=int, default=8781, help="a free port (make demo's stand-in uses 8765)")
    parser.add_argument("--database", default="motcua_bench_intake")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--keep", action="store_true", help="keep the database and its var directory")
    parser.add_argument("--services-only", action="store_true", help="skip the HTTP part")
    options = parser.parse_args()

    context = multiprocessing.get_context("spawn")
    var_dir = tempfile.mkdtemp(prefix="motcua-bench-intake-")
    env = environment(f"{options.server}/{options.database}", var_dir)
    admin(options.server, f'DROP DATABASE IF EXISTS "{options.database}" WITH (FORCE)')
    admin(options.server, f'CREATE DATABASE "{options.database}"')
    server = None
    try:
        began = time.perf_counter()
        plan = in_process(context, _prepare, env)
        templates = plan["templates"]
        prepared = time.perf_counter() - began
        machine = f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores"
        print(f"intake benchmark, {machine}")
        print(
            f"database {options.database} on {options.server}: migrated, demo province and catalogue loaded "
            f"in {prepared:.1f} s"
        )
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

        one = services_rate(context, env, templates, 1, options.receptions)
        two = services_rate(context, env, templates, 2, options.receptions)
        print(describe_services(1, one))
        print(describe_services(2, two))

        if options.services_only:
            return
        log = Path(var_dir) / "gunicorn.log"
        server = start_server(env, options.port, log)
        drive(context, options.port, "trivial", 500, options.threads, plan)  # warm-up
        trivial = drive(context, options.port, "trivial", options.trivial_requests, options.threads, plan)
        print(
            f"HTTP trivial view (GET /bench/ping/), gunicorn 2 sync workers, {options.threads} threads: "
            f"{trivial['requests']:,} requests in {trivial['seconds']:.2f} s = "
            f"{trivial['requests_rate']:,.0f} requests/s "
            f"(p50 {trivial['p50']:.1f} ms, p95 {trivial['p95']:.1f} ms)"
        )
        if not api_present(options.port, templates[0]["token"]):
            print("HTTP API: skipped, this checkout has no POST /api/v1/dossiers/ yet")
            return
        drive(context, options.port, "api", 50, options.threads, plan)  # warm-up
        api = drive(context, options.port, "api", options.api_receptions, options.threads, plan)
        print(describe_api("Prefer: return=minimal", api))
        fewer = options.api_receptions // 3
        detail = drive(context, options.port, "api-detail", fewer, options.threads, plan)
        print(describe_api("answered with the whole detail", detail))
        by_request = api["requests_rate"] / trivial["requests_rate"]
        by_reception = api["jobs_rate"] / trivial["requests_rate"]
        print(
            f"API / trivial view: requests {by_request:.1%}, receptions {by_reception:.1%} of the trivial "
            "view's requests per second"
        )
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        met = two["rate"] >= TARGET_SERVICE, by_request >= TARGET_RATIO
        print(
            f"targets: services >= {TARGET_SERVICE} receptions/s (2 processes): "
            f"{'met' if met[0] else 'MISSED'}; "
            f"API >= {TARGET_RATIO:.0%} of the trivial view (requests): {'met' if met[1] else 'MISSED'}"
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if not options.keep:
            admin(options.server, f'DROP DATABASE IF EXISTS "{options.database}" WITH (FORCE)')
            shutil.rmtree(var_dir, ignore_errors=True)
        else:
            print(f"kept: database {options.database}, var directory {var_dir}")


if __name__ == "__main__":
    main()
