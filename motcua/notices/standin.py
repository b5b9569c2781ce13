"""A local stand-in for the national portal's sync endpoint, for tests, benchmarks and the demo.

A tiny WSGI application on the standard library's server, one thread per request:
    POST <any path>               store the JSON body under its Idempotency-Key, once: a key seen before is
                                  acknowledged again, not stored again; answer {"ok": true, "duplicate": ...}
    POST <any path>/acknowledged  {"keys": [...]} -> {"acknowledged": [the keys it holds]}
    GET  /health                  {"ok": true, "stored": n, "duplicates": n}
Received payloads are appended to a JSON-lines file (one {"key", "received_at", "path", "payload"} per line),
read back at start so de-duplication survives a restart. Tests steer it: `hold` makes it keep each request
(after storing it) until released, `fail_status` makes it answer with that status without storing.
"""

import contextlib
import json
import threading
from datetime import UTC, datetime
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

IDEMPOTENCY_HEADER = "HTTP_IDEMPOTENCY_KEY"


class StandIn:
    def __init__(self, store: Path | None = None) -> None:
        self.store = store
        self.lock = threading.Lock()
        self.records: dict[str, dict] = {}
        self.duplicates = 0
        self.requests = 0
        self.fail_status: int | None = None
        self.hold = threading.Event()  # set: requests are held after being stored, until `release()`
        self.released = threading.Event()
        self.arrived = threading.Event()  # set when a payload has been stored
        if store is not None and store.exists():
            for line in store.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    self.records[record["key"]] = record

    def release(self) -> None:
        self.hold.clear()
        self.released.set()

    def _answer(self, start_response, status: str, body: dict) -> list[bytes]:
        data = json.dumps(body, ensure_ascii=False).encode()
        start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
        return [data]

    def receive(self, key: str, path: str, payload) -> bool:
        """Store `payload` under `key` unless it is there already; True when it was new."""
        with self.lock:
            self.requests += 1
            if key in self.records:
                self.duplicates += 1
                return False
            record = {
                "key": key,
                "received_at": datetime.now(UTC).isoformat(),
                "path": path,
                "payload": payload,
            }
            self.records[key] = record
            if self.store is not None:
                with self.store.open("a", encoding="utf-8") as file:
                    file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.arrived.set()
        return True

    def __call__(self, environ, start_response):
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "/")
        if method == "GET" and path.rstrip("/") == "/health":
            return self._answer(
                start_response,
                "200 OK",
                {"ok": True, "stored": len(self.records), "duplicates": self.duplicates},
            )
        if method != "POST":
            return self._answer(start_response, "405 Method Not Allowed", {"ok": False})
        length = int(environ.get("CONTENT_LENGTH") or 0)
        try:
            body = json.loads(environ["wsgi.input"].read(length) or b"null")
        except ValueError:
            return self._answer(start_response, "400 Bad Request", {"ok": False, "error": "not JSON"})
        if path.rstrip("/").endswith("/acknowledged"):
            keys = body.get("keys", []) if isinstance(body, dict) else []
            with self.lock:
                held = [key for key in keys if key in self.records]
            return self._answer(start_response, "200 OK", {"acknowledged": held})
        if self.fail_status is not None:
            return self._answer(start_response, f"{self.fail_status} Failing On Purpose", {"ok": False})
        key = environ.get(IDEMPOTENCY_HEADER, "")
        if not key:
            return self._answer(
                start_response, "400 Bad Request", {"ok": False, "error": "no Idempotency-Key"}
            )
        new = self.receive(key, path, body)
        if new and self.hold.is_set():
            self.released.wait()
        return self._answer(start_response, "200 OK", {"ok": True, "duplicate": not new})


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 128


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args) -> None:
        pass

    def handle(self) -> None:
        with contextlib.suppress(OSError):  # the client went away (a killed worker): nothing to answer
            super().handle()


def serve(app: StandIn, host: str = "127.0.0.1", port: int = 0) -> WSGIServer:
    """A server for `app` bound to `host:port` (0: a free port; read `server.server_port`); not started."""
    return make_server(host, port, app, server_class=_ThreadingServer, handler_class=_QuietHandler)


def start_in_thread(app: StandIn, host: str = "127.0.0.1", port: int = 0) -> WSGIServer:
    server = serve(app, host, port)
    threading.Thread(target=server.serve_forever, name="portal-standin", daemon=True).start()
    return server
