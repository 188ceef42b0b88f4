#!/usr/bin/env bash
# Bench smoke in Mongo mode (issue 11 §7): `npm run bench --smoke` with MONGODB_URI on a FerretDB
# of its own (FERRETDB_HANDLER: postgresql by default, as the tests; sqlite also works), with the
# raw-driver floor and the three-instance scenario. Proves the Mongo bench runs; asserts no speed.
# Starts PostgreSQL and FerretDB on 127.0.0.1, stops both on exit. Bounded to ~4 min.
# Prints `bench-smoke-mongo: N passed, N failed`.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/postgres.sh
source .ci/ferretdb.sh
export FERRETDB_HANDLER="${FERRETDB_HANDLER:-postgresql}"

stop_all() {
  [ -n "${FERRETDB_PID:-}" ] && ferretdb_stop >/dev/null 2>&1
  postgres_stop
}
trap stop_all EXIT
fail() {
  echo "bench-smoke-mongo: $1"
  echo "bench-smoke-mongo: 0 passed, 1 failed"
  exit 1
}

if [ "$FERRETDB_HANDLER" = postgresql ]; then
  postgres_start || fail "PostgreSQL did not start"
  export FERRETDB_POSTGRESQL_URL="$POSTGRES_URL"
fi
FERRETDB_DB=btg_bench ferretdb_start || fail "FerretDB did not start"
BENCH_SMOKE_NAME=bench-smoke-mongo BENCH_SMOKE_TIMEOUT=200 bash .ci/bench-smoke.sh
