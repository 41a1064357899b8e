#!/usr/bin/env python3
"""Prints `--skip` arguments for the PostgreSQL pass of CI: every test class whose file never
reaches a test database (no TestDatabases.all/each/prepare, withDemoApp or databases()) has
already run in the SQLite pass and would only run the same way again."""
import glob
import re

markers = re.compile(r"TestDatabases\.(all|each|prepare|postgresURL)|withDemoApp|databases\(\)")
for path in sorted(glob.glob("Tests/**/*.swift", recursive=True)):
    text = open(path, encoding="utf-8").read()
    if markers.search(text):
        continue
    for name in re.findall(r"class (\w+)\s*:\s*XCTestCase", text):
        print(f"--skip\n\\.{name}/")
