"""Part of scripts/bench-reform.sh (a benchmark, not a test): the new Hưng Yên's indicator page,
whose trend crosses the 2025 reform (2024 S2 from its predecessors, 2025 S2 and 2026 Q1 from its
own communes), on the demo served by the release build; median of N warm requests beside
/healthz's in the same run."""
import argparse
import statistics
import time

from bench_http import Client

a = argparse.ArgumentParser()
a.add_argument("--base", required=True)
a.add_argument("--user", default="hungyen")
a.add_argument("--password", default="dxtrack-demo-2024")
a.add_argument("--path", default="/plans/nq-02-2021/indicators/1.2?period=2026Q1&unit=33")
a.add_argument("--runs", type=int, default=20)
args = a.parse_args()
client = Client(args.base, timeout=60)
PAGE = client.login(args.user, args.password)


def median_ms(path, headers):
    def once():
        s, _, body = client.request("GET", path, headers=headers)
        assert s == 200, f"{path}: {s} {body[:300]!r}"
        return body
    body = once()
    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        once()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), body


trend, body = median_ms(args.path, PAGE)
assert "Sắp xếp đơn vị 1/7/2025".encode() in body, "the trend crosses the reform"
health, _ = median_ms("/healthz", {})
print(f"new unit's trend across the reform ({args.path}): {trend:.1f} ms median of {args.runs} "
      f"(goal < 200 ms); /healthz {health:.1f} ms; ratio {trend / max(health, 1e-6):.1f}×")
