#!/usr/bin/env bash
# The bench's peer comparison (issue 16 §6) in CI:
# 1. the FastAPI + Beanie stand-in's Python compiles (py_compile: syntax only, no packages needed);
# 2. the bench's peer handling passes its unit tests (node --test bench/test/*.test.mjs);
# 3. a smoke of the comparison itself (BENCH_PEER_SMOKE=0 skips it): the stand-in installed into
#    .cache/ (pinned requirements, PyPI; reused while requirements.txt is unchanged), PostgreSQL +
#    FerretDB of its own on 127.0.0.1, then `bench/run.mjs --smoke` with BENCH_PEER_COMMAND on the
#    reads and subscribe + cancel. Hot-account is left out: the stand-in's conditional update is
#    not atomic on FerretDB, and its money audit fails there, as docs/performance.md documents.
# Asserts no speed; stops what it started. ~48 s with a cold pip install at load 6 (18 s of it
# the install), ~2 min at load 20. Prints `bench-peer: N passed, N failed`.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PEER=bench/peers/fastapi-beanie
passed=0
failed=0
check() {
  local name="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "bench-peer: FAILED $name"
  fi
}

# 1. Every module of the stand-in compiles (syntax only: imports are not resolved).
check "py_compile" python3 -m py_compile "$PEER"/app/*.py
find "$PEER" -name __pycache__ -type d -prune -exec rm -rf {} +

# 2. The bench's peer handling (which peers the environment names, the side-by-side tables).
node_out="$(node --test bench/test/*.test.mjs 2>&1)"
node_status=$?
printf '%s\n' "$node_out" | grep -E '^# (tests|pass|fail)'
n_pass="$(printf '%s\n' "$node_out" | sed -n 's/^# pass \([0-9]*\)$/\1/p')"
n_fail="$(printf '%s\n' "$node_out" | sed -n 's/^# fail \([0-9]*\)$/\1/p')"
passed=$((passed + ${n_pass:-0}))
failed=$((failed + ${n_fail:-0}))
if [ "$node_status" -ne 0 ] && [ "${n_fail:-0}" -eq 0 ]; then
  failed=$((failed + 1))
  printf '%s\n' "$node_out" | tail -20
fi

# 3. The comparison itself, a second per scenario.
smoke() {
  local began report=bench/results/smoke-peer.json status
  began=$(date +%s)
  timeout -k 5 300 "$PEER/run.sh" --install-only || { echo "bench-peer: pip install failed"; return 1; }
  echo "bench-peer: stand-in installed in $(($(date +%s) - began)) s"
  source .ci/postgres.sh
  source .ci/ferretdb.sh
  export FERRETDB_HANDLER=postgresql
  trap '[ -n "${FERRETDB_PID:-}" ] && ferretdb_stop >/dev/null 2>&1; postgres_stop' RETURN
  postgres_start >/dev/null || { echo "bench-peer: PostgreSQL did not start"; return 1; }
  export FERRETDB_POSTGRESQL_URL="$POSTGRES_URL"
  FERRETDB_DB=btg_bench_peer ferretdb_start >/dev/null || { echo "bench-peer: FerretDB did not start"; return 1; }
  rm -f "$report"
  BENCH_RESULTS_NAME=smoke-peer BENCH_PEER_COMMAND="$PEER/run.sh" BENCH_PEER_NAME=fastapi-beanie BENCH_PEER_READY_TIMEOUT=60 \
    timeout -k 5 150 node bench/run.mjs --smoke --only funds,me,subscribe-cancel,transactions \
    >"${OUT:-/tmp}/bench-peer-report.md" 2>&1
  status=$?
  tail -n 25 "${OUT:-/tmp}/bench-peer-report.md"
  # The bench's own checks (a row per scenario and server, money conservation per server) count.
  node -e '
    const fs = require("node:fs");
    const file = process.argv[1];
    if (!fs.existsSync(file)) { console.log("0 1"); process.exit(0); }
    const { checks, peers } = JSON.parse(fs.readFileSync(file, "utf8"));
    const mine = checks.filter((c) => c.name.includes("(fastapi-beanie)"));
    if (peers[0] !== "fastapi-beanie" || mine.length === 0) { console.log("0 1"); process.exit(0); }
    for (const c of checks) if (!c.passed) console.error(`FAILED ${c.name}`);
    const ok = checks.filter((c) => c.passed).length;
    console.log(`${ok} ${checks.length - ok}`);
  ' "$report" >"${OUT:-/tmp}/bench-peer-counts"
  read -r s_pass s_fail <"${OUT:-/tmp}/bench-peer-counts"
  passed=$((passed + s_pass))
  failed=$((failed + s_fail))
  [ "$status" -eq 0 ] || [ "$s_fail" -gt 0 ] || { failed=$((failed + 1)); echo "bench-peer: bench/run.mjs exited $status"; }
  echo "bench-peer: smoke took $(($(date +%s) - began)) s"
}
if [ "${BENCH_PEER_SMOKE:-1}" = 1 ]; then
  smoke || failed=$((failed + 1))
else
  echo "bench-peer: smoke of the comparison skipped (BENCH_PEER_SMOKE=${BENCH_PEER_SMOKE})"
fi

echo "bench-peer: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
