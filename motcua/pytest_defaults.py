"""Environment defaults for a test run, loaded by pytest (`-p motcua.pytest_defaults`) before Django settings.

A test run is a development run: a generated secret key, no HTTPS redirect, plain static storage. The database
comes from DATABASE_URL as always (scripts/run_tests.py runs the suite once per database).
"""

import os

os.environ.setdefault("MOTCUA_DEBUG", "1")
