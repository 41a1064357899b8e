#!/usr/bin/env bash
# Browser test: starts `dxtrack serve --demo` on a fresh SQLite file and a free port, runs
# scripts/browser_test.py against it (chromium + chromium-driver + selenium + axe-selenium-python),
# stops the server. Screenshots of the main pages at 375 and 1280 px go to artifacts/screenshots/
# (or $DXTRACK_SCREENSHOTS), replaced on each run.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d /tmp/dxtrack-browser.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
swift build --product dxtrack >/dev/null
bin="$(swift build --show-bin-path)/dxtrack"
"$bin" serve --demo --db "sqlite:$dir/db.sqlite" --port "$port" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.5
done
shots="${DXTRACK_SCREENSHOTS:-artifacts/screenshots}"
rm -rf "$shots"
mkdir -p "$shots"
python3 scripts/browser_test.py "http://127.0.0.1:$port" "$shots"
