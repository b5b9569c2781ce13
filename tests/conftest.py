import os
from importlib import import_module

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM would refuse to run beside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Debian's Chromium, driven by Playwright; `playwright install` cannot download here, and the closed network
# makes Chromium's background connections fail, so they are switched off.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# The seed functions of MotCua's data migrations. They are idempotent (get_or_create), so they can run again.
SEEDS = [
    ("motcua.org.migrations.0002_default_agency_kinds", "add_kinds"),
    ("motcua.ratings.migrations.0002_default_rules", "seed"),
    ("motcua.feedback.migrations.0002_seed_time_limits", "seed"),
    ("motcua.serviceindex.migrations.0002_default_index", "seed"),
]


@pytest.fixture(autouse=True)
def seeded_rows_for_transactional_tests(request):
    """pytest-django empties every table after a transactional test (browser journeys, concurrency, the
    worker), the rows seeded by data migrations included, so the next transactional test would start without
    agency kinds, rating rules or feedback time limits. Put them back before each one: no test depends on
    order. (Django's serialized_rollback cannot do it here: under Playwright the test body runs with another
    connection object than the one holding the snapshot, and the restore is silently skipped.)"""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps

    for module, function in SEEDS:
        getattr(import_module(module), function)(apps, None)


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """Production hashes passwords slowly on purpose; tests create many users and need no such protection."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh"}


@pytest.fixture
def frozen_clock(monkeypatch):
    """Freeze MotCua's server clock: `frozen_clock.set(datetime)`, `frozen_clock.advance(timedelta)`."""
    from motcua import clock

    class FrozenClock:
        def __init__(self):
            from django.utils import timezone

            self.instant = timezone.now()

        def set(self, instant):
            if instant.tzinfo is None:
                raise ValueError("frozen_clock needs an aware datetime")
            self.instant = instant
            return instant

        def advance(self, delta):
            self.instant += delta
            return self.instant

    frozen = FrozenClock()
    monkeypatch.setattr(clock, "_source", lambda: frozen.instant)
    return frozen
