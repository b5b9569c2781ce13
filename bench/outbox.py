"""Benchmark of the outbox: deliveries per second through `motcua worker` to the national portal's stand-in,
on PostgreSQL, beside the stand-in's own request rate (a plain HTTP client hammering it) as the floor.

    make bench                       (runs: MOTCUA_DEBUG=1 .venv/bin/python bench/outbox.py)
    .venv/bin/python bench/outbox.py [--messages 3000] [--workers 1,2] [--floor-requests 5000]

BENCH_OUTBOX_DATABASE_URL chooses the database (default: motcua_bench_outbox on the local PostgreSQL server,
postgres://postgres@127.0.0.1:5432/motcua_bench_outbox); it is created if missing and migrated, and its
outbox and task tables are emptied before each run. The stand-in runs in its
own process (`motcua portal-standin --port 0`), so do the workers (`motcua worker --no-scheduler`). For each
worker count, --messages portal-sync messages with a realistic payload are written (with their tasks, as a
business action would), the workers are started, and the rate is measured from the first delivery to the
last (Django's start-up is left out; the wall time with it is printed too). The stand-in must then hold each
message exactly once. Prints figures only; docs/performance.md records them with the date and the machine.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/motcua_bench_outbox"
PAYLOAD = {
    "MaHoSo": "000.31.34.H34-260302-0001",
    "MaTTHC": "1.001612",
    "TenTTHC": "Đăng ký thành lập hộ kinh doanh",
    "MaCoQuan": "000.31.34.H34",
    "TenCoQuan": "Ủy ban nhân dân phường Nha Trang",
    "KenhThucHien": 1,
    "ChuHoSo": "Nguyễn Văn An",
    "SoGiayToChuHoSo": "056090001234",
    "NgayNopHoSo": "20260302090000",
    "NgayTiepNhan": "20260302090000",
    "NgayHenTra": "20260304140000",
    "TrangThaiHoSo": 2,
    "DanhSachPhiLePhi": [{"TenPhiLePhi": "Lệ phí", "Gia": 100000, "DaThanhToan": False, "NgayThanhToan": ""}],
    "SuKien": {"SoThuTu": 2, "HanhDong": "receive", "ThoiDiem": "20260302090000", "NoiDung": ""},
}


def prepare_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = {"host": parts.hostname, "port": parts.port or 5432, "user": parts.username}
    with psycopg.connect(**server, password=parts.password, dbname="postgres", autocommit=True) as connection:
        if not connection.execute("select 1 from pg_database where datname = %s", [name]).fetchone():
            connection.execute(f'create database "{name}"')


def start_standin(env: dict, store: Path) -> tuple[subprocess.Popen, int]:
    process = subprocess.Popen(
        [sys.executable, "-m", "motcua", "portal-standin", "--port", "0", "--store", str(store)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline()  # "National portal stand-in on http://127.0.0.1:PORT/ (...)"
    return process, int(line.split("http://127.0.0.1:")[1].split("/")[0])


def floor_rate(port: int, requests: int, threads: int) -> float:
    """Requests per second the stand-in answers to plain clients (a connection per request, as the worker)."""
    body = json.dumps(PAYLOAD, ensure_ascii=False).encode()
    per_thread = requests // threads

    def hammer() -> None:
        for _ in range(per_thread):
            connection = HTTPConnection("127.0.0.1", port, timeout=10)
            headers = {"Idempotency-Key": uuid.uuid4().hex, "Content-Type": "application/json"}
            connection.request("POST", "/floor", body=body, headers=headers)
            connection.getresponse().read()
            connection.close()

    workers = [threading.Thread(target=hammer) for _ in range(threads)]
    began = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return per_thread * threads / (time.perf_counter() - began)


def write_messages(count: int) -> None:
    from django.db import transaction

    from motcua.notices import outbox

    for start in range(0, count, 500):
        with transaction.atomic():
            for _ in range(min(500, count - start)):
                outbox.queue(channel="portal", kind="portal_sync", payload=PAYLOAD)


def empty_tables() -> None:
    from django_tasks_db.models import DBTaskResult

    from motcua.notices.models import Attempt, Message

    Attempt.objects.all().delete()
    Message.objects.all().delete()
    DBTaskResult.objects.all().delete()


def run_workers(env: dict, workers: int, count: int) -> tuple[float, float]:
    from django.db.models import Max, Min

    from motcua.notices.models import Message, Status

    command = [sys.executable, "-m", "motcua", "worker", "--no-scheduler", "--interval", "0.05"]
    processes = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(workers)
    ]
    began = time.perf_counter()
    try:
        while Message.objects.filter(status=Status.DELIVERED).count() < count:
            if time.perf_counter() - began > 600:
                raise SystemExit("the workers did not deliver everything within 10 minutes")
            time.sleep(0.2)
        wall = time.perf_counter() - began
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(30)
    span = Message.objects.aggregate(first=Min("delivered_at"), last=Max("delivered_at"))
    return (count - 1) / (span["last"] - span["first"]).total_seconds(), wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--workers", default="1,2", help="worker process counts to try, comma-separated")
    parser.add_argument("--floor-requests", type=int, default=5000)
    parser.add_argument("--floor-threads", type=int, default=4)
    args = parser.parse_args()

    url = os.environ.get("BENCH_OUTBOX_DATABASE_URL", DEFAULT_URL)
    prepare_database(url)
    os.environ.update(DATABASE_URL=url, MOTCUA_DEBUG="1", MOTCUA_LOG_LEVEL="WARNING")
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)

    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ}
        standin, port = start_standin(env, Path(scratch) / "standin.jsonl")
        env["MOTCUA_NATIONAL_PORTAL_URL"] = f"http://127.0.0.1:{port}/dvcqg/dongbohoso"
        try:
            floor = floor_rate(port, args.floor_requests, args.floor_threads)
            print(
                f"outbox benchmark, Python {platform.python_version()}, {platform.machine()}, "
                f"PostgreSQL, {os.cpu_count()} cores"
            )
            print(
                f"stand-in alone: {floor:,.0f} requests/s "
                f"({args.floor_requests:,} requests from {args.floor_threads} client threads)"
            )
            for workers in (int(value) for value in args.workers.split(",")):
                empty_tables()
                stored_before = json.loads(urlopen_health(port))["stored"]
                write_messages(args.messages)
                rate, wall = run_workers(env, workers, args.messages)
                health = json.loads(urlopen_health(port))
                held = health["stored"] - stored_before
                label = f"{workers} worker" + ("s" if workers > 1 else "")
                print(
                    f"{label}: {args.messages:,} deliveries at {rate:,.0f}/s "
                    f"({wall:.1f} s wall, start-up included); {rate / floor:.1%} of the stand-in's rate; "
                    f"the stand-in holds {held:,} of them, {health['duplicates']} duplicates"
                )
        finally:
            standin.terminate()
            standin.wait(10)


def urlopen_health(port: int) -> str:
    connection = HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/health")
    answer = connection.getresponse().read().decode()
    connection.close()
    return answer


if __name__ == "__main__":
    main()
