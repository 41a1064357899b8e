#!/usr/bin/env bash
# Benchmark (not a test): what a burst of 50 parallel logins does to everyone else. Starts a
# release build of `dxtrack serve --demo` on a scratch SQLite file, then prints the latency of
# /healthz and of a signed-in page (/rounds) alone and during the burst, the burst's own login
# times, and how long a wrong password takes for a known and for an unknown username.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product dxtrack >/dev/null
bin="$(swift build -c release --show-bin-path)/dxtrack"
dir=$(mktemp -d /tmp/dxtrack-bench-login.XXXXXX)
port=${PORT:-18089}
"$bin" serve --demo --db "sqlite:$dir/db.sqlite" --host 127.0.0.1 --port "$port" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done
python3 scripts/bench_login.py "http://127.0.0.1:$port"
