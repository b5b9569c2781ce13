#!/bin/sh
# `make demo`: the web server on 127.0.0.1:8000 with one background worker (`motcua worker`) and the national
# portal's stand-in (`motcua portal-standin`, port 8765) beside it; both stop when the web server stops.
set -e
cd "$(dirname "$0")/.."
MOTCUA="${MOTCUA:-.venv/bin/motcua}"
STANDIN_PORT="${MOTCUA_STANDIN_PORT:-8765}"
export MOTCUA_NATIONAL_PORTAL_URL="${MOTCUA_NATIONAL_PORTAL_URL:-http://127.0.0.1:$STANDIN_PORT/dvcqg/dongbohoso}"

helpers=""
stop_helpers() {
  for pid in $helpers; do kill "$pid" 2>/dev/null || true; done
  for pid in $helpers; do wait "$pid" 2>/dev/null || true; done
}
trap stop_helpers EXIT
trap 'exit 130' INT TERM

"$MOTCUA" portal-standin --port "$STANDIN_PORT" &
helpers="$helpers $!"
MOTCUA_LOG_LEVEL="${MOTCUA_WORKER_LOG_LEVEL:-WARNING}" "$MOTCUA" worker &
helpers="$helpers $!"
# Dossiers made before the sync was on (the demo data) are sent to the stand-in once it answers.
for _ in 1 2 3 4 5 6 7 8 9 10; do
  if "$MOTCUA" portal-reconcile --since 2000-01-01 >/dev/null 2>&1; then break; fi
  sleep 1
done
"$MOTCUA" runserver 127.0.0.1:8000
