"""Time the staff dashboard (/office/reports/) on the database MotCua is configured for, as a user sees it.

    MOTCUA_DEBUG=1 DATABASE_URL=... .venv/bin/python scripts/time_dashboard.py \
        [--user gs.tinh] [--agency CODE] [--period year|quarter|month] [--from D --to D] [--repeat 5]

Renders the page through Django's test client (the whole view, template and all, no HTTP server), `--repeat`
times after one warm-up, signed in as `--user` (a leader or monitor; default: the first active monitor), and
prints the fastest, median and slowest time and the number of SQL queries of one render. Nothing is written
to the database. For the figures at province scale, load a large dataset first (bench/reports.py).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user", help="username of a leader or monitor (default: the first monitor)")
    parser.add_argument("--agency", help="agency code (default: the user's first)")
    parser.add_argument("--period", default="year", choices=["month", "quarter", "year"])
    parser.add_argument("--from", dest="first", help="YYYY-MM-DD: a custom period with --to")
    parser.add_argument("--to", dest="last", help="YYYY-MM-DD")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from motcua.org.models import Membership, Role

    users = get_user_model().objects.filter(is_active=True)
    if args.user:
        user = users.filter(username=args.user).first()
    else:
        membership = Membership.objects.filter(role=Role.MONITOR, is_active=True, user__is_active=True)
        membership = membership.order_by("agency__path").first()
        user = membership.user if membership else None
    if user is None:
        print("No such user (or no monitor): pass --user.", file=sys.stderr)
        return 2

    query = {"period": args.period}
    if args.first or args.last:
        query = {"period": "custom", "from": args.first or "", "to": args.last or ""}
    if args.agency:
        query["agency"] = args.agency

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    response = client.get("/office/reports/", query)  # warm-up
    if response.status_code != 200:
        print(f"The dashboard answered {response.status_code} for {user.username}.", file=sys.stderr)
        return 1
    reset_queries()  # each request starts by emptying the log: capture from an empty one
    with CaptureQueriesContext(connection) as queries:
        client.get("/office/reports/", query)
    times = []
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        client.get("/office/reports/", query)
        times.append(time.perf_counter() - start)
    print(
        f"dashboard as {user.username} {query}: {len(queries.captured_queries)} queries; "
        f"fastest {min(times) * 1000:.0f} ms, median {statistics.median(times) * 1000:.0f} ms, "
        f"slowest {max(times) * 1000:.0f} ms over {len(times)} renders"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
