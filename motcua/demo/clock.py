"""DEMO ONLY: play the dossier services at chosen past instants by swapping MotCua's server clock.

Business actions never take a time from their caller: they read `motcua.clock.now()`. The demo loader needs a
history (dossiers received weeks ago, late ones, paused ones), so while it loads it replaces
`motcua.clock._source` (exactly what tests do with the `frozen_clock` fixture) and restores it afterwards,
also when loading fails. Only the demo loader (`demo-data`) uses this. Never use it in a request, a worker or
any other command: the swap is process-wide, and production time must stay the server's.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from motcua import clock


class DemoClock:
    """The instant the services see while the demo loads; it never runs ahead of `limit` (real time)."""

    def __init__(self, instant: datetime, limit: datetime) -> None:
        self.limit = limit
        self.instant = instant
        self.set(instant)

    def set(self, instant: datetime) -> datetime:
        if instant.tzinfo is None:
            raise ValueError("the demo clock needs an aware datetime")
        if instant > self.limit:
            raise ValueError(f"the demo history cannot run ahead of real time ({instant} > {self.limit})")
        self.instant = instant
        return instant

    def now(self) -> datetime:
        return self.instant


@contextmanager
def demo_clock(start: datetime) -> Iterator[DemoClock]:
    """Within the block, `motcua.clock.now()` is the demo clock's instant (from `start`, never past now)."""
    previous = clock._source
    controlled = DemoClock(start, limit=previous())
    clock._source = controlled.now
    try:
        yield controlled
    finally:
        clock._source = previous
