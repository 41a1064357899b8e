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
# Usage: scripts/bench-national.sh [--quarters N] [--db sqlite|postgres] [--runs 5] [--instances N] [--keep]
# PostgreSQL: DXTRACK_BENCH_POSTGRES (default postgres://postgres:postgres@127.0.0.1:55433);
# the database dx_national_bench is dropped and created there.
# --instances N (N > 1): N `dxtrack serve` processes on the one database behind nginx (installed
# from Debian's packages when missing) sharing requests round robin; the web tier keeps no state
# of its own, so a session made through one instance is checked on every other before timing,
# and the requests each instance answered are counted from nginx's log.
set -euo pipefail
cd "$(dirname "$0")/.."
# The pages are timed as computed: a dashboard kept under unchanged revision tokens
# (ResultCache) would time a single-row read, not the work DuckDB is compared with.
export DXTRACK_PAGE_CACHE=off
db=sqlite; quarters=1; runs=5; instances=1; keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db=$2; shift 2 ;;
        --quarters) quarters=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --instances) instances=$2; shift 2 ;;
        --keep) keep=1; shift ;;
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
servers=
# --keep leaves the database and files behind, to profile a page on them afterwards.
trap 'for p in $servers; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; if [ "$keep" = 1 ]; then echo "kept: $dir"; else rm -rf "$dir"; fi' EXIT
echo "load before: $(uptime | sed 's/.*load average: //') (1, 5, 15 min; $(nproc) cores)"

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
t0=$(date +%s.%N)
"$bin" import units "$dir/root.csv" --db "$url" >/dev/null
"$bin" import units "$units_csv" --db "$url" >/dev/null
"$bin" import units "$dir/provinces.csv" --db "$url" >/dev/null
"$bin" import units "$dir/departments.csv" --db "$url" >/dev/null
"$bin" import plans "$dir/plans.csv" --db "$url" >/dev/null
"$bin" import indicators "$dir/indicators.csv" --db "$url" >/dev/null
t1=$(date +%s.%N)
/usr/bin/time -f "%e %M" -o "$dir/import-time.txt" "$bin" import values "$dir/values.csv" --plan KH-BENCH --db "$url" >/dev/null
read -r import_s import_kb <"$dir/import-time.txt"
python3 -c "import sys; t0, t1, s, kb, n = map(float, sys.argv[1:6]); print(f'design point: {int(n)} values over {sys.argv[6]} quarter(s) ({sys.argv[7]}); set-up imports {t1 - t0:.1f} s; import values {s:.2f} s = {n / s:,.0f} values/s, peak {int(kb) // 1024} MB')" \
    "$t0" "$t1" "$import_s" "$import_kb" "$values" "$quarters" "$db"

password="bench-$(date +%s)-national"
"$bin" user create --name bench --role administrator --unit VN --password "$password" --db "$url" >/dev/null
token=$("$bin" token create --user bench --db "$url" | tail -1)
# Waits until the server at port $1 answers.
ready() {
    for _ in $(seq 1 300); do
        curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "server on port $1 did not start" >&2; exit 1
}
if [ "$instances" -le 1 ]; then
    "$bin" serve --db "$url" --host 127.0.0.1 --port "$port" >"$dir/server.log" 2>&1 &
    servers=$!
    ready "$port"
else
    command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null; }
    upstream=
    for i in $(seq 1 "$instances"); do
        p=$((port + i))
        DXTRACK_TRUSTED_PROXIES=127.0.0.1 "$bin" serve --db "$url" --host 127.0.0.1 --port "$p" >"$dir/server-$i.log" 2>&1 &
        servers="$servers $!"
        ready "$p"
        upstream="$upstream server 127.0.0.1:$p;"
    done
    mkdir -p "$dir/nginx"
    cat >"$dir/nginx/nginx.conf" <<NGINX
daemon off;
worker_processes 1;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log;
events { worker_connections 256; }
http {
    log_format upstream '\$upstream_addr \$status \$request_uri';
    access_log $dir/nginx/access.log upstream;
    client_body_temp_path $dir/nginx/body;
    proxy_temp_path $dir/nginx/proxy;
    upstream dxtrack {$upstream }
    server {
        listen 127.0.0.1:$port;
        location / {
            proxy_pass http://dxtrack;
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_read_timeout 600s;
        }
    }
}
NGINX
    nginx -c "$dir/nginx/nginx.conf" -p "$dir/nginx" &
    servers="$servers $!"
    ready "$port"
    # A session signed in through one instance is a session on every other: sessions live in
    # the database, not in a server.
    python3 - "$port" "$instances" "$password" <<'PY'
import sys
sys.path.insert(0, "scripts")
from bench_http import Client
port, n, password = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
page = Client(f"http://127.0.0.1:{port + 1}").login("bench", password)
for i in range(1, n + 1):
    status, _, _ = Client(f"http://127.0.0.1:{port + i}").request("GET", "/plans/kh-bench/dashboard", headers=page)
    assert status == 200, f"session from instance 1 refused by instance {i}: {status}"
print(f"session signed in on instance 1 accepted by all {n} instances")
PY
fi

python3 -m venv "$dir/venv" >/dev/null && "$dir/venv/bin/pip" install -q duckdb >/dev/null
last=$(python3 -c "q=$quarters-1; print(f'{2025 + q // 4}Q{q % 4 + 1}')")
"$dir/venv/bin/python" scripts/bench_national.py --base "http://127.0.0.1:$port" --token "$token" --password "$password" \
    --bin "$bin" --db "$url" --dir "$dir" --units "$units_csv" --period "$last" --runs "$runs" --server-pid "$(echo $servers | cut -d' ' -f1)"
if [ "$instances" -gt 1 ]; then
    echo "requests answered per instance (nginx): $(awk '{print $1}' "$dir/nginx/access.log" | sort | uniq -c | awk '{printf "%s %s; ", $2, $1}')"
    for p in $(echo $servers | cut -d' ' -f1-"$instances"); do
        echo "instance $p peak memory: $(($(awk '/VmHWM/ {print $2}' /proc/$p/status) / 1024)) MB"
    done
fi
echo "load after: $(uptime | sed 's/.*load average: //')"
