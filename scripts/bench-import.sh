#!/usr/bin/env bash
# Benchmark (not a test): `dxtrack import values` at the national design point — 34 provinces,
# 3,321 communes, 25 departments per province (4,205 units), 100 rate indicators, every unit
# and indicator for N quarters (420,500 values a quarter). Prints values/s and peak memory of
# the release build, beside references measured in the same run on the same machine:
#   - DuckDB loading the same CSV into a table (pip-installed into a private venv here);
#   - the previous design (one upsert per value, `--row-by-row`) on a sample of the file.
# Usage: scripts/bench-import.sh [--db sqlite|postgres|both] [--quarters N] [--sample N] [--json]
# PostgreSQL: DXTRACK_BENCH_POSTGRES (default postgres://postgres:postgres@127.0.0.1:55433),
# databases dx_import_bench, dx_import_bench_rows, _base and _json are dropped and created
# there. --json also times the same values as a JSON file. The machine's load is printed before and after (the figures depend on it).
set -euo pipefail
cd "$(dirname "$0")/.."
db=sqlite; quarters=1; sample=20000; json=0
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db=$2; shift 2 ;;
        --quarters) quarters=$2; shift 2 ;;
        --sample) sample=$2; shift 2 ;;
        --json) json=1; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
pgbase=${DXTRACK_BENCH_POSTGRES:-postgres://postgres:postgres@127.0.0.1:55433}
# DXTRACK_BENCH_BIN: an already built release binary to time instead of building one.
# DXTRACK_BENCH_BASELINE_BIN: another build (e.g. of the previous commit) timed on the same
# whole file in the same run, as "baseline".
if [ -n "${DXTRACK_BENCH_BIN:-}" ]; then
    bin=$DXTRACK_BENCH_BIN
else
    swift build -c release --product dxtrack >/dev/null
    bin="$(swift build -c release --show-bin-path)/dxtrack"
fi
baseline=${DXTRACK_BENCH_BASELINE_BIN:-}
echo "load before: $(uptime | sed 's/.*load average: //') (1, 5, 15 min; $(nproc) cores)"
dir=$(mktemp -d /tmp/dxtrack-bench-import.XXXXXX)
trap 'rm -rf "$dir"' EXIT

python3 scripts/bench_import_data.py /work/shared/data/units-2025.csv "$dir" "$quarters" "$sample"
values=$(($(wc -l <"$dir/values.csv") - 1))
samples=$(($(wc -l <"$dir/values-sample.csv") - 1))
echo "values.csv: $(du -h "$dir/values.csv" | cut -f1), $values values"

# A fresh database with the design point's units, plan and indicators.
setup() {
    "$bin" import units /work/shared/data/units-2025.csv --db "$1" >/dev/null
    "$bin" import units "$dir/departments.csv" --db "$1" >/dev/null
    "$bin" import plans "$dir/plans.csv" --db "$1" >/dev/null
    "$bin" import indicators "$dir/indicators.csv" --db "$1" >/dev/null
}

if [ "$json" = 1 ]; then
    python3 - "$dir/values.csv" "$dir/values.json" <<'PY'
import csv, json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("[")
    for n, r in enumerate(csv.DictReader(f)):
        out.write(("," if n else "") + json.dumps({"planCode": "KH-BENCH", "indicatorCode": r["indicator_code"], "unitCode": r["unit_code"],
                                                  "periodID": r["period"], "numerator": int(r["numerator"]), "denominator": int(r["denominator"])}))
    out.write("]")
PY
fi

# Runs an import under /usr/bin/time; sets secs and rss_mb.
timed() {
    /usr/bin/time -v -o "$dir/time.txt" "$@" >"$dir/out.txt" 2>"$dir/err.txt" || { cat "$dir/out.txt" "$dir/err.txt" >&2; exit 1; }
    secs=$(python3 -c 'import re,sys; t=open(sys.argv[1]).read(); m=re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", t); print(int(m.group(1) or 0)*3600+int(m.group(2))*60+float(m.group(3)))' "$dir/time.txt")
    rss_mb=$(python3 -c 'import re,sys; print(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(sys.argv[1]).read()).group(1))//1024)' "$dir/time.txt")
}
rate() { python3 -c "import sys; print(round(int(sys.argv[1]) / max(float(sys.argv[2]), 1e-9)))" "$1" "$2"; }

# DuckDB reference: the same CSV into a table of a file database.
python3 -m venv "$dir/venv" >/dev/null && "$dir/venv/bin/pip" install -q duckdb >/dev/null
cat >"$dir/duck.py" <<'PY'
import sys, time, duckdb
con = duckdb.connect(sys.argv[2])
t = time.perf_counter()
con.execute("CREATE TABLE data_values AS SELECT * FROM read_csv(?, header = true, columns = {'period': 'VARCHAR', 'unit_code': 'VARCHAR', 'indicator_code': 'VARCHAR', 'numerator': 'DOUBLE', 'denominator': 'DOUBLE'})", [sys.argv[1]])
n = con.execute("SELECT count(*) FROM data_values").fetchone()[0]
print(n, time.perf_counter() - t)
PY
read -r duck_n duck_s < <("$dir/venv/bin/python" "$dir/duck.py" "$dir/values.csv" "$dir/duck.db")
duck_rate=$(rate "$duck_n" "$duck_s")
printf '%-34s %12s values/s  (%s values in %.2f s)\n' "reference: DuckDB read_csv" "$duck_rate" "$duck_n" "$duck_s"

run() {  # $1 label, $2 database URL for the bulk import, $3 another for the row-by-row sample, $4 the baseline, $5 the JSON file
    setup "$2"
    setup "$3"
    timed "$bin" import values "$dir/values-sample.csv" --plan KH-BENCH --row-by-row --db "$3"
    old_rate=$(rate "$samples" "$secs")
    printf '%-34s %12s values/s  (%s values in %.2f s, peak %s MB)\n' "reference: row by row ($1)" "$old_rate" "$samples" "$secs" "$rss_mb"
    if [ -n "$baseline" ]; then
        setup "$4"
        timed "$baseline" import values "$dir/values.csv" --plan KH-BENCH --db "$4"
        printf '%-34s %12s values/s  (%s values in %.2f s, peak %s MB)\n' "baseline build ($1)" "$(rate "$values" "$secs")" "$values" "$secs" "$rss_mb"
    fi
    timed "$bin" import values "$dir/values.csv" --plan KH-BENCH --db "$2"
    new_rate=$(rate "$values" "$secs")
    printf '%-34s %12s values/s  (%s values in %.2f s, peak %s MB)  %s\n' "bulk import ($1)" "$new_rate" "$values" "$secs" "$rss_mb" "$(tail -1 "$dir/out.txt")"
    timed "$bin" import values "$dir/values.csv" --plan KH-BENCH --db "$2"
    again_rate=$(rate "$values" "$secs")
    printf '%-34s %12s values/s  (%.2f s, peak %s MB)  %s\n' "re-import, all unchanged ($1)" "$again_rate" "$secs" "$rss_mb" "$(tail -1 "$dir/out.txt")"
    if [ "$json" = 1 ]; then
        setup "$5"
        timed "$bin" import values "$dir/values.json" --db "$5"
        printf '%-34s %12s values/s  (%.2f s, peak %s MB)  %s\n' "bulk import, JSON file ($1)" "$(rate "$values" "$secs")" "$secs" "$rss_mb" "$(tail -1 "$dir/out.txt")"
    fi
    python3 -c "import sys; n,d,o=map(float,sys.argv[1:4]); print(f'ratios ({sys.argv[4]}): bulk / DuckDB = {n/d:.2f}, bulk / row by row = {n/o:.0f}x')" "$new_rate" "$duck_rate" "$old_rate" "$1"
}

if [ "$db" = sqlite ] || [ "$db" = both ]; then
    run sqlite "sqlite:$dir/bench.sqlite" "sqlite:$dir/row-by-row.sqlite" "sqlite:$dir/baseline.sqlite" "sqlite:$dir/json.sqlite"
fi
if [ "$db" = postgres ] || [ "$db" = both ]; then
    for d in dx_import_bench dx_import_bench_rows dx_import_bench_base dx_import_bench_json; do
        psql "$pgbase/postgres" -q -c "DROP DATABASE IF EXISTS $d" -c "CREATE DATABASE $d"
    done
    run postgres "$pgbase/dx_import_bench" "$pgbase/dx_import_bench_rows" "$pgbase/dx_import_bench_base" "$pgbase/dx_import_bench_json"
fi
echo "load after: $(uptime | sed 's/.*load average: //')"
