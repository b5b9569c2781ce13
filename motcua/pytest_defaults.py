"""Environment defaults for a test run, loaded by pytest (`-p motcua.pytest_defaults`) before Django settings.

A test run is a development run: a generated secret key, no HTTPS redirect, plain static storage. The database
comes from DATABASE_URL as always (scripts/run_tests.py runs the suite once per database).
"""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("MOTCUA_DEBUG", "1")

# Uploaded files of a test run go to a media root of its own, removed at exit: tests never fill the
# developer's var/media, and the worker's sweep of orphaned uploads (run by tests, or by a worker process that
# a test starts with this environment) never looks at files the test database does not know.
if "MOTCUA_MEDIA_ROOT" not in os.environ:
    _media = tempfile.mkdtemp(prefix="motcua-test-media-")
    os.environ["MOTCUA_MEDIA_ROOT"] = _media
    atexit.register(shutil.rmtree, _media, ignore_errors=True)
