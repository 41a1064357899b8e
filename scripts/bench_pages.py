"""Issue 16 item 6: wrk (2 threads, 32 connections) on /healthz, a reporter's data-entry page and
a leader's dashboard, each signed in where it needs to be; prints requests/s and p99 with the
ratio to /healthz, and whether the goal (>= 300 requests/s, p99 < 100 ms) is met."""
import os
import re
import subprocess
import sys

from bench_http import Client

base, duration = sys.argv[1], sys.argv[2]
client = Client(base)
PAGES = [
    ("/healthz (reference)", "/healthz", None),
    ("data entry, reporter hungha (Hưng Hà, bc-nam-2024)", "/rounds/bc-nam-2024/units/339", "hungha"),
    ("dashboard, leader lanhdao (KH-CĐS-2024, 2024)", "/plans/kh-cds-2024/dashboard?period=2024", "lanhdao"),
    ("dashboard, coordinator hungyen (new Hưng Yên, 2025S2)", "/plans/nq-02-2021/dashboard?period=2025S2&unit=33", "hungyen"),
]
PASSWORD = "dxtrack-demo-2024"


def unit_ms(text):
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v


def wrk(path, cookie):
    args = ["wrk", "-t2", "-c32", f"-d{duration}s", "--latency"]
    if cookie:
        args += ["-H", "Cookie: " + cookie["Cookie"]]
    out = subprocess.run(args + [base + path], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = unit_ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = int(non2xx.group(1)) if non2xx else 0
    return rps, p99, errors


results = []
for name, path, user in PAGES:
    cookie = client.login(user, PASSWORD) if user else None
    status, _, body = client.request("GET", path, headers=cookie)
    assert status == 200, f"{path} as {user}: {status}"
    wrk(path, cookie)  # warm-up run, not counted
    rps, p99, errors = wrk(path, cookie)
    assert errors == 0, f"{path}: {errors} responses that were not 2xx/3xx"
    results.append((name, rps, p99, len(body)))

ref_rps, ref_p99 = results[0][1], results[0][2]
kept = "no: computed every request" if os.environ.get("DXTRACK_PAGE_CACHE") == "off" else "yes, until a write"
print(f"wrk -t2 -c32 -d{duration}s, after a warm-up run of the same length; dashboards kept: {kept}")
print(f"{'page':56} {'req/s':>9} {'p99 ms':>8} {'KB':>6} {'vs healthz':>11}  goal")
for name, rps, p99, size in results:
    goal = "" if name.startswith("/healthz") else ("met" if rps >= 300 and p99 < 100 else "NOT met")
    print(f"{name:56} {rps:9.0f} {p99:8.1f} {size / 1024:6.1f} {rps / ref_rps:10.2f}×  {goal}")
