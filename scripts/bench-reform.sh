#!/usr/bin/env bash
# Benchmark (not a test): the 2025 reform's data into an empty database with the release build,
# from the copies shipped inside dxtrack (no file needed): the 2024 list (10,040 rows: 63
# provinces, 696 districts, 10,035 communes), the 2025 list (34 provinces, 3,321 communes) and
# the 2024→2025 mapping (10,597 rows: every legacy commune and province closed on 30/6/2025 and
# linked to its successors, every district abolished). Prints the seconds of each step and
# their sum (goal of issue 15: under 10 s) beside DuckDB reading the same three CSV files in the
# same run; then the new Hưng Yên's indicator trend across the reform on the demo, served by the
# release build (goal: under 200 ms), beside /healthz.
# Usage: [SWIFT_SCRATCH=DIR] scripts/bench-reform.sh [--db sqlite|postgres|both]
# PostgreSQL: DXTRACK_BENCH_POSTGRES (default postgres://postgres:postgres@127.0.0.1:55433);
# the database dx_reform_bench is dropped and created there.
set -euo pipefail
cd "$(dirname "$0")/.."
db=sqlite
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
pgbase=${DXTRACK_BENCH_POSTGRES:-postgres://postgres:postgres@127.0.0.1:55433}
# SWIFT_SCRATCH: another build folder (while a test run holds .build's lock).
scratch=(); [ -n "${SWIFT_SCRATCH:-}" ] && scratch=(--scratch-path "$SWIFT_SCRATCH")
swift build -c release --product dxtrack "${scratch[@]}" >/dev/null
bin="$(swift build -c release --show-bin-path "${scratch[@]}")/dxtrack"
dir=$(mktemp -d /tmp/dxtrack-bench-reform.XXXXXX)
trap 'rm -rf "$dir"' EXIT

now() { date +%s.%N; }
run() {
    local url=$1 label=$2
    "$bin" migrate --db "$url" >/dev/null
    local t0 t1 t2 t3
    t0=$(now)
    "$bin" import units --official 2024 --db "$url" | tail -1
    t1=$(now)
    "$bin" import units --official 2025 --db "$url" | tail -1
    t2=$(now)
    "$bin" import unit-changes --official --db "$url" | head -1
    t3=$(now)
    python3 - "$label" "$t0" "$t1" "$t2" "$t3" <<'PY'
import sys
label, t0, t1, t2, t3 = sys.argv[1], *map(float, sys.argv[2:])
print(f"{label}: 2024 list {t1-t0:.2f} s, 2025 list {t2-t1:.2f} s, mapping {t3-t2:.2f} s; total {t3-t0:.2f} s (goal < 10 s)")
PY
}

if [ "$db" = sqlite ] || [ "$db" = both ]; then
    run "sqlite:$dir/reform.sqlite" "SQLite"
fi
if [ "$db" = postgres ] || [ "$db" = both ]; then
    psql "$pgbase/postgres" -qc "DROP DATABASE IF EXISTS dx_reform_bench WITH (FORCE)" -c "CREATE DATABASE dx_reform_bench" >/dev/null
    run "$pgbase/dx_reform_bench" "PostgreSQL"
fi

# DuckDB reference: the same three files into tables (pip-installed into a private venv here).
python3 -m venv "$dir/venv" >/dev/null && "$dir/venv/bin/pip" install -q duckdb >/dev/null
"$dir/venv/bin/python" - Sources/DXImport/Resources/official <<'PY'
import sys, time, duckdb
con = duckdb.connect()
t = time.perf_counter()
for name in ("units-legacy-2024", "units-2025", "unit-mapping-2024-2025"):
    con.execute(f"CREATE TABLE \"{name}\" AS SELECT * FROM read_csv('{sys.argv[1]}/{name}.csv', header = true, all_varchar = true)")
print(f"DuckDB reading the same three files: {time.perf_counter() - t:.2f} s")
PY

# The trend of a unit born in the reform, on the demo (which holds it), over HTTP.
"$bin" demo --db "sqlite:$dir/demo.sqlite" >/dev/null
port=${DXTRACK_BENCH_PORT:-8097}
"$bin" serve --port "$port" --db "sqlite:$dir/demo.sqlite" >"$dir/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
python3 scripts/bench_reform_trend.py --base "http://127.0.0.1:$port"
