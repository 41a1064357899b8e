#!/usr/bin/env bash
# Benchmark (not a test), issue 14.3: evaluation at the national design point — the 2025 unit
# list under a national root "VN" (34 provinces, 3,321 communes) plus 25 departments per
# province (4,206 units), 100 rate indicators, N quarters of every unit and indicator (420,500
# values a quarter), imported through `dxtrack import`. Starts the release server and times,
# median of 5 warm runs: `dxtrack evaluate` for the country and one province, the same over the
# API, the national and the province dashboard pages, one indicator's page (its trend over every
# quarter), and the report DOCX; DuckDB (pip-installed into a private venv, never a dependency of
# dxtrack) answers the same aggregations from the same values in the same run, printed beside
# each figure with the ratio.
# Usage: scripts/bench-national.sh [--quarters N] [--db sqlite|postgres] [--runs 5]
# PostgreSQL: DXTRACK_BENCH_POSTGRES (default postgres://postgres:postgres@127.0.0.1:55433);
# the database dx_national_bench is dropped and created there.
set -euo pipefail
cd "$(dirname "$0")/.."
db=sqlite; quarters=1; runs=5
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db=$2; shift 2 ;;
        --quarters) quarters=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
units_csv=../shared/data/units-2025.csv
[ -f "$units_csv" ] || units_csv=/work/shared/data/units-2025.csv
pgbase=${DXTRACK_BENCH_POSTGRES:-postgres://postgres:postgres@127.0.0.1:55433}
# DXTRACK_BENCH_BIN: an already built release binary (e.g. from another --scratch-path).
if [ -n "${DXTRACK_BENCH_BIN:-}" ]; then
    bin=$DXTRACK_BENCH_BIN
else
    swift build -c release --product dxtrack >/dev/null
    bin="$(swift build -c release --show-bin-path)/dxtrack"
fi
dir=$(mktemp -d /tmp/dxtrack-bench-national.XXXXXX)
port=${PORT:-18094}
server=
trap '[ -n "$server" ] && { kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; }; rm -rf "$dir"' EXIT

python3 scripts/bench_import_data.py "$units_csv" "$dir" "$quarters" 0
# The national root and the provinces under it (the official list has provinces at the top).
python3 - "$units_csv" "$dir" <<'PY'
import csv, sys
provinces = {}
with open(sys.argv[1], encoding="utf-8") as f:
    for r in csv.DictReader(f):
        provinces[r["province_code"]] = r["province_name"]
with open(f"{sys.argv[2]}/root.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["code", "name", "kind", "parent_code"])
    w.writerow(["VN", "Cả nước", "other", ""])
with open(f"{sys.argv[2]}/provinces.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    # The official list's provinces are valid from 1/7/2025: the same version, now under VN.
    w.writerow(["code", "name", "kind", "parent_code", "valid_from"])
    for code, name in provinces.items():
        w.writerow([code, name, "province", "VN", "2025-07-01"])
PY
values=$(($(wc -l <"$dir/values.csv") - 1))

case "$db" in
    sqlite) url="sqlite:$dir/national.sqlite" ;;
    postgres)
        psql "$pgbase/postgres" -q -c "DROP DATABASE IF EXISTS dx_national_bench" -c "CREATE DATABASE dx_national_bench"
        url="$pgbase/dx_national_bench" ;;
    *) echo "--db sqlite|postgres" >&2; exit 2 ;;
esac
t0=$(date +%s)
"$bin" import units "$dir/root.csv" --db "$url" >/dev/null
"$bin" import units "$units_csv" --db "$url" >/dev/null
"$bin" import units "$dir/provinces.csv" --db "$url" >/dev/null
"$bin" import units "$dir/departments.csv" --db "$url" >/dev/null
"$bin" import plans "$dir/plans.csv" --db "$url" >/dev/null
"$bin" import indicators "$dir/indicators.csv" --db "$url" >/dev/null
"$bin" import values "$dir/values.csv" --plan KH-BENCH --db "$url" >/dev/null
echo "design point: $values values over $quarters quarter(s), imported in $(( $(date +%s) - t0 )) s ($db)"

password="bench-$(date +%s)-national"
"$bin" user create --name bench --role administrator --unit VN --password "$password" --db "$url" >/dev/null
token=$("$bin" token create --user bench --db "$url" | tail -1)
"$bin" serve --db "$url" --host 127.0.0.1 --port "$port" >"$dir/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done

python3 -m venv "$dir/venv" >/dev/null && "$dir/venv/bin/pip" install -q duckdb >/dev/null
last=$(python3 -c "q=$quarters-1; print(f'{2025 + q // 4}Q{q % 4 + 1}')")
"$dir/venv/bin/python" scripts/bench_national.py --base "http://127.0.0.1:$port" --token "$token" --password "$password" \
    --bin "$bin" --db "$url" --dir "$dir" --units "$units_csv" --period "$last" --runs "$runs" --server-pid "$server"
