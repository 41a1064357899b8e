#!/usr/bin/env python3
"""Recall and false alarms of `dxtrack lint` on the shared seeds.

Runs `dxtrack lint --format json` on every seed in ../shared/seeds and compares its findings
with docs/lint-known-findings.tsv (each known finding written down with its arithmetic):
a finding is right when the seed, the severity's kind, what is stated and what is computed
match a known one. Prints, per seed and in all, the known errors found (recall), the known
findings found, and the findings that match none (false alarms).

    python3 scripts/lint-quality.py [--dxtrack PATH]
"""
import argparse, csv, glob, json, os, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--dxtrack", default=os.path.join(root, ".build/debug/dxtrack"))
ap.add_argument("--seeds", default=os.path.join(root, "../shared/seeds"))
args = ap.parse_args()
if not os.path.exists(args.dxtrack):
    sys.exit(f"no {args.dxtrack}: run `swift build --product dxtrack` first")

with open(os.path.join(root, "docs/lint-known-findings.tsv"), encoding="utf-8") as f:
    known = list(csv.DictReader(f, delimiter="\t"))

total = {"errors": 0, "errors_found": 0, "known": 0, "known_found": 0, "findings": 0, "false": 0}
print(f"{'seed':<6}{'errors found':>14}{'known found':>13}{'findings':>10}{'false alarms':>14}")
for path in sorted(glob.glob(os.path.join(args.seeds, "*.txt"))):
    seed = os.path.basename(path)[:3]
    run = subprocess.run([args.dxtrack, "lint", path, "--format", "json"], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"{seed}: dxtrack lint exited {run.returncode}: {run.stderr}")
    findings = json.loads(run.stdout)
    mine = [k for k in known if k["seed"] == seed]
    matched, false = set(), []
    for f in findings:
        hit = next((i for i, k in enumerate(mine) if i not in matched and k["stated"] == f["stated"]
                    and k["computed"] == f["computed"] and k["severity"] == f["severity"]), None)
        if hit is None:
            false.append(f)
        else:
            matched.add(hit)
    errors = [i for i, k in enumerate(mine) if k["severity"] == "lỗi"]
    row = {"errors": len(errors), "errors_found": len([i for i in errors if i in matched]),
           "known": len(mine), "known_found": len(matched), "findings": len(findings), "false": len(false)}
    for k in total:
        total[k] += row[k]
    print(f"{seed:<6}{row['errors_found']:>8}/{row['errors']:<5}{row['known_found']:>7}/{row['known']:<5}{row['findings']:>10}{row['false']:>14}")
    for i, k in enumerate(mine):
        if i not in matched:
            print(f"       missed: [{k['severity']}] {k['stated']} → {k['computed']}")
    for f in false:
        print(f"       false alarm? [{f['severity']}] {f['stated']} → {f['computed']} ({f['message']})")

recall = total["errors_found"] / total["errors"] if total["errors"] else 1.0
alarms = total["false"] / total["findings"] if total["findings"] else 0.0
print(f"all   {total['errors_found']:>8}/{total['errors']:<5}{total['known_found']:>7}/{total['known']:<5}{total['findings']:>10}{total['false']:>14}")
print(f"recall of errors {recall:.0%}; false alarms {total['false']} of {total['findings']} findings ({alarms:.0%}); goal: 100% and at most 10%")
sys.exit(0 if recall == 1.0 and alarms <= 0.1 else 1)
