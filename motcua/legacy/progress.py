"""A progress bar on standard error, drawn only when it is a terminal (a log file gets the summary only)."""

import sys
import time

from django.utils.translation import gettext as _


class TerminalProgress:
    WIDTH = 30

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.label, self.total, self.started, self.last = "", 0, 0.0, 0.0

    @classmethod
    def if_terminal(cls, stream=None):
        stream = stream or sys.stderr
        return cls(stream) if hasattr(stream, "isatty") and stream.isatty() else None

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.started, self.last = label, max(total, 1), time.monotonic(), 0.0
        self.update(0, force=True)

    def update(self, done: int, *, rows: int | None = None, force: bool = False) -> None:
        """`done` of the total fills the bar; the rate is of `rows` (default: `done`, when the total counts
        rows; the check counts the file's characters)."""
        now = time.monotonic()
        if not force and now - self.last < 0.2:
            return
        self.last = now
        share = min(done / self.total, 1.0)
        filled = int(share * self.WIDTH)
        rows = done if rows is None else rows
        rate = rows / (now - self.started) if now > self.started else 0
        self.stream.write(
            f"\r{self.label} [{'#' * filled}{'.' * (self.WIDTH - filled)}] {share:4.0%} "
            + _("%(rate)s rows/s") % {"rate": f"{rate:,.0f}"}
        )
        self.stream.flush()

    def finish(self, done: int, *, rows: int | None = None) -> None:
        self.update(done, rows=rows, force=True)
        self.stream.write("\n")
        self.stream.flush()
