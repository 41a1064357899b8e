#!/usr/bin/env bash
# Benchmark (not a test), issue 16 item 6: how many signed-in requests a second a reporter's
# data-entry page and a leader's dashboard answer, and their p99 latency, under wrk with 32
# connections, beside /healthz measured the same way in the same run. Release build of
# `dxtrack serve --demo` on a scratch SQLite file (or DXTRACK_BENCH_BIN=<built binary>).
#   scripts/bench-pages.sh [--duration SECONDS] [--db postgres://…] [--no-page-cache]
# --no-page-cache: dashboards computed on every request (DXTRACK_PAGE_CACHE=off), as after
# every write; by default a dashboard is kept until a write changes the revision tokens.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10
db=""
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        --no-page-cache) export DXTRACK_PAGE_CACHE=off; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
if [ -z "${DXTRACK_BENCH_BIN:-}" ]; then
    swift build -c release --product dxtrack >/dev/null
    DXTRACK_BENCH_BIN="$(swift build -c release --show-bin-path)/dxtrack"
fi
dir=$(mktemp -d /tmp/dxtrack-bench-pages.XXXXXX)
port=${PORT:-18091}
"$DXTRACK_BENCH_BIN" serve --demo --db "${db:-sqlite:$dir/db.sqlite}" --host 127.0.0.1 --port "$port" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done
python3 scripts/bench_pages.py "http://127.0.0.1:$port" "$duration"
