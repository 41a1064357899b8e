#!/usr/bin/env python3
"""Design-point data for scripts/bench-import.sh (a benchmark, not a test).

Writes into DIR: departments.csv (25 departments per province of units-2025.csv), plans.csv
(one plan), indicators.csv (100 rate indicators), values.csv (every unit x indicator for
QUARTERS quarters, numerator <= denominator, plain integers) and, when SAMPLE > 0,
values-sample.csv (the first SAMPLE rows of values.csv, for the row-by-row reference)."""
import csv
import random
import sys

units_csv, out, quarters, sample = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
random.seed(14)

provinces, communes = {}, []
with open(units_csv, encoding="utf-8") as f:
    for r in csv.DictReader(f):
        provinces[r["province_code"]] = r["province_name"]
        communes.append(r["commune_code"])

departments = []
with open(f"{out}/departments.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["code", "name", "kind", "parent_code"])
    for p, name in provinces.items():
        for i in range(1, 26):
            code = f"S{p}{i:02d}"
            departments.append(code)
            w.writerow([code, f"Sở số {i} {name}", "department", p])

with open(f"{out}/plans.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["code", "slug", "kind", "title", "issuer_code", "horizon_from", "horizon_to"])
    w.writerow(["KH-BENCH", "kh-bench", "plan", "Kế hoạch chuyển đổi số (điểm thiết kế)", next(iter(provinces)), 2025, 2030])

with open(f"{out}/indicators.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["plan_code", "code", "name", "measure"])
    for i in range(1, 101):
        w.writerow(["KH-BENCH", f"CT{i:03d}", f"Tỷ lệ số {i}", "rate"])

units = list(provinces) + communes + departments
periods = [f"{2025 + q // 4}Q{q % 4 + 1}" for q in range(quarters)]
rows = 0
with open(f"{out}/values.csv", "w", encoding="utf-8", newline="") as f, \
        open(f"{out}/values-sample.csv", "w", encoding="utf-8", newline="") as s:
    header = "period,unit_code,indicator_code,numerator,denominator\n"
    f.write(header)
    s.write(header)
    for pe in periods:
        for u in units:
            for i in range(1, 101):
                d = random.randint(1, 5000)
                line = f"{pe},{u},CT{i:03d},{random.randint(0, d)},{d}\n"
                f.write(line)
                if rows < sample:
                    s.write(line)
                rows += 1
print(f"{len(units)} units, 100 indicators, {len(periods)} quarter(s): {rows} values")
