#!/usr/bin/env bash
# Bench smoke (issue 8): proves `npm run bench` works — about a second per scenario, few
# connections — without asserting any speed. Builds nothing: CI has built apps/api already.
# Prints `bench-smoke: N passed, N failed` (one check per scenario + one for money conservation)
# and exits non-zero when anything failed. Bounded to 55 s.
# BENCH_SMOKE_NAME / BENCH_SMOKE_TIMEOUT: the Mongo-mode smoke (.ci/bench-smoke-mongo.sh) reuses it.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
NAME="${BENCH_SMOKE_NAME:-bench-smoke}"
if [ -n "${MONGODB_URI:-}" ]; then REPORT=bench/results/smoke-mongo.json; else REPORT=bench/results/smoke.json; fi
rm -f "$REPORT"

timeout --kill-after=5 "${BENCH_SMOKE_TIMEOUT:-55}" node bench/run.mjs --smoke
status=$?

summary=$(node -e '
  const fs = require("node:fs");
  const file = process.argv[1];
  if (!fs.existsSync(file)) { console.log("0 1"); process.exit(0); }
  const { checks } = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const c of checks) if (!c.passed) console.error(`FAILED ${c.name}`);
  const passed = checks.filter((c) => c.passed).length;
  console.log(`${passed} ${checks.length - passed}`);
' "$REPORT")
read -r passed failed <<<"$summary"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "${NAME}: bench/run.mjs exited with status $status"
  failed=$((failed + 1))
fi
echo "${NAME}: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
