"""Settings of the intake benchmark's server only (bench/intake.py): MotCua's settings, plus a bench-only
URLconf that adds a trivial JSON view as the floor. Never used outside the benchmark."""

from motcua.settings import *  # noqa: F403

ROOT_URLCONF = "bench.intake_urls"
