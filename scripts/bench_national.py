"""Timings of scripts/bench-national.sh (a benchmark, not a test): dxtrack's evaluation
over the command line, the API and the pages at the national design point, each beside DuckDB
doing the same aggregation on the same values (own figure wins, rates as sums of numerators and
denominators, reporting units counted), median of N warm runs."""
import argparse
import csv
import statistics
import subprocess
import time

import duckdb

from bench_http import Client

a = argparse.ArgumentParser()
for name in ("base", "token", "password", "bin", "db", "dir", "units", "period", "server-pid"):
    a.add_argument("--" + name, required=True)
a.add_argument("--runs", type=int, default=5)
args = a.parse_args()
client = Client(args.base)
request = client.request
PAGE = client.login("bench", args.password)
API = {"Authorization": "Bearer " + args.token}


def median_ms(fn):
    fn()  # warm
    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def get(path, headers):
    def run():
        s, _, body = request("GET", path, headers=headers)
        assert s == 200, f"{path}: {s} {body[:300]!r}"
        return body
    return run


def cli(*extra):
    def run():
        subprocess.run([args.bin, *extra, "--db", args.db], check=True, stdout=subprocess.DEVNULL)
    return run


# DuckDB: the same values and units, in memory.
con = duckdb.connect()
con.execute("CREATE TABLE v AS SELECT * FROM read_csv(?, header = true, columns = {'period': 'VARCHAR', 'unit_code': 'VARCHAR', "
            "'indicator_code': 'VARCHAR', 'numerator': 'DOUBLE', 'denominator': 'DOUBLE'})", [args.dir + "/values.csv"])
units = [("VN", None, "other")]
with open(args.units, encoding="utf-8") as f:
    seen = set()
    for r in csv.DictReader(f):
        if r["province_code"] not in seen:
            seen.add(r["province_code"])
            units.append((r["province_code"], "VN", "province"))
        units.append((r["commune_code"], r["province_code"], "commune"))
with open(args.dir + "/departments.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        units.append((r["code"], r["parent_code"], "department"))
con.execute("CREATE TABLE units (code VARCHAR, parent VARCHAR, kind VARCHAR)")
con.executemany("INSERT INTO units VALUES (?, ?, ?)", units)
province = units[1][0]

# A province's figure: its own where it has one, else its units' sums; reporting units counted.
PROVINCES = """
WITH own AS (SELECT unit_code, indicator_code, period, numerator AS n, denominator AS d FROM v WHERE {where}),
kids AS (SELECT u.parent AS unit_code, o.indicator_code, o.period, sum(o.n) AS n, sum(o.d) AS d, count(*) AS c
         FROM own o JOIN units u ON u.code = o.unit_code WHERE u.kind IN ('commune', 'department') GROUP BY ALL),
prov AS (SELECT k.unit_code, k.indicator_code, k.period, coalesce(o.n, k.n) AS n, coalesce(o.d, k.d) AS d, k.c
         FROM kids k LEFT JOIN own o USING (unit_code, indicator_code, period))
"""
duck = {
    "national evaluation": PROVINCES.format(where="period = $p") +
        "SELECT indicator_code, sum(n), sum(d), count(*) FROM prov GROUP BY ALL",
    "province evaluation": PROVINCES.format(where="period = $p AND unit_code IN (SELECT code FROM units WHERE code = $u OR parent = $u)") +
        "SELECT indicator_code, n, d, c FROM prov WHERE unit_code = $u",
    "national dashboard": PROVINCES.format(where="period = $p") +
        "SELECT indicator_code, sum(n), sum(d), count(*) FROM prov GROUP BY ALL UNION ALL SELECT indicator_code, n, d, c FROM prov",
    "province dashboard": "SELECT unit_code, indicator_code, numerator, denominator FROM v WHERE period = $p AND unit_code IN "
        "(SELECT code FROM units WHERE code = $u OR parent = $u)",
    "indicator trend": PROVINCES.format(where="indicator_code = 'CT001'") +
        "SELECT period, sum(n), sum(d), count(*) FROM prov GROUP BY ALL ORDER BY period",
}
params = {"p": args.period, "u": province}


def duck_run(q):
    names = [k for k in params if "$" + k in q]
    return lambda: con.execute(q, {k: params[k] for k in names}).fetchall()


duck_ms = {k: median_ms(duck_run(q)) for k, q in duck.items()}
slug = "kh-bench"
p = args.period
cases = [
    ("dxtrack evaluate VN (CLI)", cli("evaluate", "--plan", "KH-BENCH", "--period", p, "--unit", "VN"), "national evaluation"),
    (f"dxtrack evaluate {province} (CLI)", cli("evaluate", "--plan", "KH-BENCH", "--period", p, "--unit", province), "province evaluation"),
    ("API evaluation VN", get(f"/api/v1/plans/KH-BENCH/evaluation?period={p}&unit=VN", API), "national evaluation"),
    (f"API evaluation {province}", get(f"/api/v1/plans/KH-BENCH/evaluation?period={p}&unit={province}", API), "province evaluation"),
    ("dashboard page VN", get(f"/plans/{slug}/dashboard?period={p}&unit=VN", PAGE), "national dashboard"),
    (f"dashboard page {province}", get(f"/plans/{slug}/dashboard?period={p}&unit={province}", PAGE), "province dashboard"),
    ("indicator page CT001 VN (trend)", get(f"/plans/{slug}/indicators/CT001?period={p}&unit=VN", PAGE), "indicator trend"),
    ("report DOCX VN", get(f"/plans/{slug}/report.docx?period={p}&unit=VN", PAGE), "national evaluation"),
]
print(f"{'median of ' + str(args.runs) + ', warm':<36} {'dxtrack ms':>11} {'DuckDB ms':>10} {'ratio':>8}")
for label, fn, ref in cases:
    ms = median_ms(fn)
    print(f"{label:<36} {ms:>11.1f} {duck_ms[ref]:>10.2f} {ms / duck_ms[ref]:>7.0f}x   (DuckDB: {ref})")

# A unit's save with everything it keeps (issue 14.1: the rollups above it, in the same
# transaction): a round for one commune, then its figure changed over the API, every run a real
# change. Last, because the round makes that commune's figures uncounted until it submits.
import json
import re
import urllib.parse
commune = next(u[0] for u in units if u[2] == "commune")
_, _, page = request("GET", "/rounds/new", headers=PAGE)
csrf = re.search(rb'name="_csrf"[^>]*value="([^"]*)"', page) or re.search(rb'value="([^"]*)"[^>]*name="_csrf"', page)
form = urllib.parse.urlencode({"_csrf": csrf.group(1).decode(), "code": "bench-save", "title": "Đo thời gian lưu", "period": p,
                               "plans": "KH-BENCH", "units": commune, "deadline": "31/12/2030", "indicatorScope": "all",
                               "taskScope": "none"})
s, _, body = request("POST", "/rounds/new", form, {**PAGE, "Content-Type": "application/x-www-form-urlencoded"})
assert s == 303, f"round: {s} {body[:300]!r}"
report = f"/api/v1/rounds/bench-save/units/{commune}"
_, _, body = request("GET", report, headers=API)
version = json.loads(body)["version"]
saves = 0


def save():
    global version, saves
    saves += 1
    patch = json.dumps({"version": version, "values": [{"indicator": "CT001", "numerator": saves % 50, "denominator": 50}]})
    s, _, body = request("PATCH", report, patch, {**API, "Content-Type": "application/json"})
    assert s == 200, f"save: {s} {body[:300]!r}"
    version = json.loads(body)["version"]


print(f"{'API save of ' + commune + ' (one figure)':<36} {median_ms(save):>11.1f}")
with open(f"/proc/{args.server_pid}/status") as f:
    status = {line.split(":")[0]: line.split()[1] for line in f if line.startswith(("VmHWM", "RssAnon", "RssFile"))}
# SQLite reads the database file through a memory map: its pages count in the resident size but
# are the operating system's file cache, shared and dropped under pressure; RssAnon is the
# server's own memory.
print(f"server peak memory: {int(status['VmHWM']) // 1024} MB "
      f"(now {int(status['RssAnon']) // 1024} MB own, {int(status['RssFile']) // 1024} MB of mapped files)")
