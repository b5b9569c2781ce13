"""A worker killed (SIGKILL) in the middle of a delivery loses nothing: after a restart the message is sent
again, and the receiver, de-duplicating by the idempotency key, holds it exactly once.

Real processes: `motcua worker` runs in a subprocess against this test's database (a SQLite file or
PostgreSQL); the national portal's stand-in runs in a thread of the test and holds the first request open.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from motcua.notices.models import Attempt, Message, Status
from tests.factories.dossiers import make_world, received, vn

pytestmark = pytest.mark.django_db(transaction=True)  # the worker process must see our commits

ROOT = Path(__file__).resolve().parents[2]


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(portal_url: str, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "MOTCUA_DEBUG": "1",
        "MOTCUA_NATIONAL_PORTAL_URL": portal_url,
        "MOTCUA_OUTBOX_TIMEOUT": "2",  # the lease is three timeouts: another worker takes over after 6 s
        "MOTCUA_OUTBOX_SWEEP_SECONDS": "1",
    }
    with log.open("ab") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "motcua", "worker", "--interval", "0.1"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def wait_for(condition, seconds: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}; worker log:\n{log.read_text()[-3000:]}")
        time.sleep(0.1)


def test_kill_9_during_a_delivery_then_restart_delivers_exactly_once(frozen_clock, portal, tmp_path):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    synced = Message.objects.filter(channel="portal", dossier=dossier).order_by("pk")
    first = synced.first()
    log = tmp_path / "worker.log"
    portal.hold.set()  # the stand-in stores the first request, then keeps it open
    worker = start_worker(portal.url, log)
    try:
        assert portal.arrived.wait(60), log.read_text()[-3000:]
        worker.send_signal(signal.SIGKILL)  # in the middle of the delivery: no answer was read
        worker.wait(10)
        first.refresh_from_db()
        assert first.status == Status.PENDING and first.lease_until is not None
        assert first.attempt_set.get().outcome == Attempt.Outcome.RUNNING
        assert list(portal.records) == [first.key]

        portal.release()
        worker = start_worker(portal.url, log)
        wait_for(lambda: not synced.filter(status=Status.PENDING).exists(), 60, "both syncs delivered", log)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)

    assert [message.status for message in synced.all()] == [Status.DELIVERED, Status.DELIVERED]
    first.refresh_from_db()
    assert [attempt.outcome for attempt in first.attempt_set.order_by("pk")] == ["interrupted", "delivered"]
    # The stand-in saw the first message twice (the killed try and the retry) and holds it once.
    assert portal.requests == 3 and portal.duplicates == 1
    assert sorted(portal.records) == sorted(message.key for message in synced.all())
    assert [record["payload"]["SuKien"]["HanhDong"] for record in portal.records.values()] == [
        "submit",
        "receive",
    ]
