#!/usr/bin/env bash
# Benchmark (not a test): how long `dxtrack report` takes for the demo report in each format,
# in a release build, best of 5 runs, beside the time of `dxtrack evaluate` as the reference
# (the same data loaded and evaluated, nothing written). The DOCX should stay well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product dxtrack >/dev/null
bin="$(swift build -c release --show-bin-path)/dxtrack"
dir=$(mktemp -d /tmp/dxtrack-bench.XXXXXX)
trap 'rm -rf "$dir"' EXIT
db="sqlite:$dir/db.sqlite"
"$bin" demo --db "$db" >/dev/null
best() {
    local best=999999
    for _ in 1 2 3 4 5; do
        local t0 t1
        t0=$(date +%s%N)
        "$@" >/dev/null
        t1=$(date +%s%N)
        local ms=$(( (t1 - t0) / 1000000 ))
        (( ms < best )) && best=$ms
    done
    echo "$best"
}
args=(--plan KH-CĐS-2024 --tasks-plan 83/KH-BCĐ --period 2024S1 --db "$db")
ref=$(best "$bin" evaluate --plan KH-CĐS-2024 --period 2024S1 --db "$db")
printf '%-10s %8s %12s\n' format "ms" "reference ms"
printf '%-10s %8s %12s\n' evaluate "$ref" "$ref"
formats=(docx xlsx csv html)
command -v soffice >/dev/null 2>&1 && formats+=(pdf)
for f in "${formats[@]}"; do
    ms=$(best "$bin" report "${args[@]}" --format "$f" --out "$dir/report.$f")
    printf '%-10s %8s %12s\n' "$f" "$ms" "$ref"
done
