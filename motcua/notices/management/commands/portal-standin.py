"""`motcua portal-standin --port 8765`: a local stand-in for the national portal (see notices/standin.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from motcua.notices.standin import StandIn, serve


class Command(BaseCommand):
    help = (
        "Serve a local stand-in for the national portal's sync endpoint (de-duplicates by Idempotency-Key)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8765, help="0 picks a free port (printed).")
        parser.add_argument(
            "--store",
            type=Path,
            default=None,
            help="JSON-lines file of received payloads (default: <var>/portal-standin.jsonl).",
        )

    def handle(self, *args, host: str, port: int, store: Path | None, **options) -> None:
        store = store or Path(settings.VAR_DIR) / "portal-standin.jsonl"
        store.parent.mkdir(parents=True, exist_ok=True)
        app = StandIn(store)
        server = serve(app, host, port)
        self.stdout.write(
            f"National portal stand-in on http://{host}:{server.server_port}/ "
            f"({len(app.records)} payloads in {store})",
        )
        self.stdout.flush()
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
