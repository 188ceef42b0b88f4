#!/usr/bin/env bash
# Terraform checks that need no Terraform CLI and no provider download:
#   1. hclfmt: every HCL file under infra/ is canonically formatted (and parses);
#   2. checkov: no failed check on infra/ (skips only inline, `#checkov:skip=ID:reason`).
# Last line: `terraform: N passed, N failed` — checkov's own counts plus one for hclfmt.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=.ci/tools.sh
source .ci/tools.sh

started=$SECONDS
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

ensure_hclfmt
ensure_venv

fmt_passed=0
fmt_failed=0
mapfile -t hcl_files < <(find infra -type d -name .terraform -prune -o -type f \
  \( -name '*.tf' -o -name '*.tfvars' -o -name '*.tfvars.example' \) -print | sort)
if [ "${#hcl_files[@]}" -eq 0 ]; then
  echo "hclfmt: no .tf files found under infra/" >&2
  fmt_failed=1
elif "$HCLFMT_BIN" -check -require-no-change "${hcl_files[@]}" >/dev/null 2>"$work/hclfmt.err"; then
  echo "hclfmt: ${#hcl_files[@]} files canonically formatted"
  fmt_passed=1
else
  # hclfmt ends with "file(s) were changed: a.tf, b.tf" or syntax diagnostics.
  echo "hclfmt: FAILED (fix with: .cache/bin/hclfmt -w <file>)" >&2
  cat "$work/hclfmt.err" >&2
  fmt_failed=1
fi

# checkov exits non-zero when a check fails; the counts come from its JSON report.
set +e
"$CHECKOV_BIN" --directory infra --framework terraform --compact --quiet --skip-download \
  --output cli --output json --output-file-path "console,$work/checkov.json"
checkov_rc=$?
set -e

read -r ck_passed ck_failed < <(
  python3 - "$work/checkov.json" <<'PY' || echo "0 1"
import json
import sys

try:
    with open(sys.argv[1], encoding="utf-8") as fh:
        report = json.load(fh)
except (OSError, ValueError) as exc:
    print(f"checkov: no readable JSON report ({exc})", file=sys.stderr)
    print("0 1")
    sys.exit(0)

reports = report if isinstance(report, list) else [report]
passed = failed = 0
for r in reports:
    summary = r.get("summary", r)
    passed += int(summary.get("passed", 0))
    # A file checkov cannot parse is a failure, not a silent pass.
    failed += int(summary.get("failed", 0)) + int(summary.get("parsing_errors", 0))
print(passed, failed)
PY
)

if [ "$ck_failed" -eq 0 ] && [ "$ck_passed" -eq 0 ]; then
  echo "checkov: ran no check (exit $checkov_rc)" >&2
  ck_failed=1
fi
if [ "$ck_failed" -eq 0 ] && [ "$checkov_rc" -ne 0 ]; then
  echo "checkov: exit $checkov_rc without failed checks" >&2
  ck_failed=1
fi

passed=$((ck_passed + fmt_passed))
failed=$((ck_failed + fmt_failed))
echo "terraform checks took $((SECONDS - started)) s"
echo "terraform: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
