#!/usr/bin/env bash
# Schema fuzzing: starts `dxtrack serve --demo` on a fresh SQLite file and a free port, signs
# in with an administrator's token and runs schemathesis against /api/v1/openapi.json: every
# operation with a bounded number of generated requests, stateful sequences included.
# Passes only with 0 server errors and 0 responses that break the document. The seed is
# fixed so that a red run can be replayed; change it to explore further.
# `positive_data_acceptance` is left out: the document cannot express every business rule
# (a report needs figures before it is submitted), so a schema-valid request may rightly get 422.
# One worker: with two, CPython 3.11 crashed inside hypothesis's source inspection ("AST
# constructor recursion depth mismatch"), a fault of the tool's threads, not of the server.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d /tmp/dxtrack-fuzz.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
swift build --product dxtrack >/dev/null
bin="$(swift build --show-bin-path)/dxtrack"
"$bin" demo --db "sqlite:$dir/db.sqlite" >/dev/null
token=$("$bin" token create --user admin --db "sqlite:$dir/db.sqlite" | tail -1)
"$bin" serve --db "sqlite:$dir/db.sqlite" --port "$port" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    sleep 0.5
done
st run "http://127.0.0.1:$port/api/v1/openapi.json" -H "Authorization: Bearer $token" \
    --checks all --exclude-checks positive_data_acceptance \
    --max-examples "${DXTRACK_FUZZ_EXAMPLES:-25}" --seed "${DXTRACK_FUZZ_SEED:-20261206}" --workers 1 --no-color
