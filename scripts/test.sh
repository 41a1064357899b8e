#!/usr/bin/env bash
# The README's test command. With DXTRACK_TEST_POSTGRES_URL set, the store, web and
# command-line tests run against that PostgreSQL database as well as SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift test "$@"
