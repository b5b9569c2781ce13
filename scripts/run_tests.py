"""Run the whole suite on SQLite, then on PostgreSQL when a server answers on 127.0.0.1:5432.

Usage: python scripts/run_tests.py [pytest arguments]. The PostgreSQL address comes from
MOTCUA_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/motcua; the test database is
test_motcua). Exit status is non-zero when any run fails.
"""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("MOTCUA_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/motcua")


def postgres_answers(url: str) -> tuple[bool, str]:
    import psycopg

    parts = urlsplit(url)
    try:
        psycopg.connect(
            host=parts.hostname,
            port=parts.port or 5432,
            user=parts.username,
            password=parts.password,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.OperationalError as error:
        return False, str(error).strip().splitlines()[0]
    return True, ""


def run(label: str, database_url: str, args: list[str]) -> int:
    print(f"\n===== MotCua test suite on {label} =====", flush=True)
    env = {**os.environ, "DATABASE_URL": database_url, "MOTCUA_DEBUG": "1"}
    return subprocess.call([sys.executable, "-m", "pytest", *args], cwd=ROOT, env=env)


def main() -> int:
    args = sys.argv[1:]
    sqlite_url = f"sqlite:///{ROOT / 'var' / 'test-motcua.sqlite3'}"
    results = {"SQLite": run("SQLite", sqlite_url, args)}
    available, why = postgres_answers(POSTGRES_URL)
    parts = urlsplit(POSTGRES_URL)
    where = f"{parts.hostname}:{parts.port or 5432}"
    if available:
        results["PostgreSQL"] = run(f"PostgreSQL at {where}", POSTGRES_URL, args)
    print("\n===== Summary =====")
    for label, code in results.items():
        print(f"{label:<11} {'passed' if code == 0 else f'FAILED (pytest exit code {code})'}")
    if not available:
        print(f"PostgreSQL  SKIPPED: no server answered on {where} ({why})")
    return 0 if all(code == 0 for code in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
