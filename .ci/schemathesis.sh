#!/usr/bin/env bash
# Fuzzes a running btg-funds API from its own OpenAPI document with schemathesis (all default
# checks, a bounded number of examples per operation) and prints
#   schemathesis: N passed, N failed
# Usage: BASE_URL=http://127.0.0.1:3000 TOKEN=<client access token> .ci/schemathesis.sh
# Optional: SCHEMATHESIS_MAX_EXAMPLES (default 25), SCHEMATHESIS_SEED, SCHEMATHESIS_REPORT_DIR.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${BASE_URL:?BASE_URL is required (e.g. http://127.0.0.1:3000)}"
: "${TOKEN:?TOKEN is required (a client access token)}"

if [ -z "${SCHEMATHESIS_BIN:-}" ]; then
  # shellcheck source=tools.sh
  . "$root/.ci/tools.sh"
  ensure_venv >&2
fi

report_dir="${SCHEMATHESIS_REPORT_DIR:-$(mktemp -d)}"
mkdir -p "$report_dir"
junit="$report_dir/schemathesis-junit.xml"
seed_args=()
if [ -n "${SCHEMATHESIS_SEED:-}" ]; then seed_args=(--seed "$SCHEMATHESIS_SEED"); fi

status=0
# Run from the report directory: schemathesis keeps state in ./.schemathesis, not in the repo.
cd "$report_dir"
"$SCHEMATHESIS_BIN" --config-file "$root/.ci/schemathesis.toml" run "$BASE_URL/api/v1/openapi.json" \
  --url "$BASE_URL" \
  --header "Authorization: Bearer $TOKEN" \
  --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-25}" \
  --generation-database none \
  --request-timeout 10 \
  --no-color \
  --report junit --report-junit-path "$junit" \
  "${seed_args[@]}" || status=$?

# The summary line comes from schemathesis' own report: one test case per API operation.
python3 - "$junit" <<'PY'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError) as error:
    print(f"schemathesis: no report ({error})")
    sys.exit(0)
cases = root.iter("testcase")
passed = failed = 0
for case in cases:
    if case.find("failure") is not None or case.find("error") is not None:
        failed += 1
    elif case.find("skipped") is None:
        passed += 1
print(f"schemathesis: {passed} passed, {failed} failed")
PY
exit "$status"
