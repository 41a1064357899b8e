"""Latency of /healthz and a signed-in page alone and during a burst of 50 parallel logins,
and the time of a wrong password for known and unknown usernames (see bench-login.sh)."""
import http.client
import statistics
import sys
import threading
import time
import urllib.parse

from bench_http import cookie

BASE = urllib.parse.urlparse(sys.argv[1])
PASSWORD = "dxtrack-demo-2024"


def request(method, path, body=None, headers=None):
    c = http.client.HTTPConnection(BASE.hostname, BASE.port, timeout=120)
    t0 = time.perf_counter()
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    ms = (time.perf_counter() - t0) * 1000
    c.close()
    return r.status, r.getheader("Set-Cookie") or "", data, ms


_, sc, _, _ = request("GET", "/login")
CSRF = cookie(sc, "dxtrack_csrf")


def login(username, password):
    body = urllib.parse.urlencode({"_csrf": CSRF, "username": username, "password": password, "next": ""})
    status, sc, _, ms = request("POST", "/login", body, {"Cookie": "dxtrack_csrf=" + CSRF,
                                                         "Content-Type": "application/x-www-form-urlencoded"})
    return status, cookie(sc, "dxtrack_session"), ms


status, SESSION, _ = login("dieuphoi", PASSWORD)
assert status == 303 and SESSION, f"login failed: {status}"


def probe(stop, out):
    """Sequential requests until stopped: /healthz and the signed-in round list in turn."""
    while not stop.is_set():
        out.setdefault("healthz", []).append(request("GET", "/healthz")[3])
        s, _, _, ms = request("GET", "/rounds", headers={"Cookie": "dxtrack_session=" + SESSION})
        assert s == 200, s
        out.setdefault("page", []).append(ms)


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def row(name, xs, ref=None):
    line = f"{name:<28} {len(xs):>5} {statistics.median(xs):>9.1f} {pct(xs, 99):>9.1f} {max(xs):>9.1f}"
    if ref:
        line += f" {pct(xs, 99) / pct(ref, 99):>8.2f}x"
    print(line)


# Alone: the reference, in this run.
stop, alone = threading.Event(), {}
t = threading.Thread(target=probe, args=(stop, alone))
t.start()
time.sleep(5)
stop.set()
t.join()

# During a burst of 50 logins from one address: 45 unknown names and the 5 demo accounts.
stop, during, logins = threading.Event(), {}, []
t = threading.Thread(target=probe, args=(stop, during))
t.start()
time.sleep(0.3)
names = [f"khong-co-{i}" for i in range(45)] + ["admin", "dieuphoi", "hungha", "sotuphap", "lanhdao"]
burst_start = time.perf_counter()


def one(name):
    logins.append(login(name, PASSWORD))


threads = [threading.Thread(target=one, args=(n,)) for n in names]
for th in threads:
    th.start()
for th in threads:
    th.join()
burst_s = time.perf_counter() - burst_start
stop.set()
t.join()

print(f"{'ms':<28} {'n':>5} {'median':>9} {'p99':>9} {'max':>9} {'p99/alone':>9}")
row("/healthz alone", alone["healthz"])
row("/healthz during burst", during["healthz"], alone["healthz"])
row("/rounds (signed in) alone", alone["page"])
row("/rounds during burst", during["page"], alone["page"])
row("login in the burst", [ms for _, _, ms in logins])
codes = {}
for s, _, _ in logins:
    codes[s] = codes.get(s, 0) + 1
print(f"burst of {len(names)} logins took {burst_s:.1f} s; statuses {dict(sorted(codes.items()))}")

# Wrong passwords: a known name against an unknown one (twice each per account, under the limit).
known, unknown = [], []
for _ in range(2):
    for n in ["admin", "dieuphoi", "hungha", "sotuphap", "lanhdao"]:
        known.append(login(n, "mat-khau-sai")[2])
    for i in range(5):
        unknown.append(login(f"ai-do-{i}-{len(unknown)}", "mat-khau-sai")[2])
print(f"wrong password, known name   median {statistics.median(known):.0f} ms")
print(f"wrong password, unknown name median {statistics.median(unknown):.0f} ms "
      f"(ratio known/unknown {statistics.median(known) / statistics.median(unknown):.2f})")
