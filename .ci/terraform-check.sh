#!/usr/bin/env bash
# Terraform checks that need no Terraform CLI and no provider download:
#   1. hclfmt: every HCL file under infra/ is canonically formatted (and parses);
#   2. checkov on infra/ (every module, the bootstrap and the root with its defaults), then on the
#      one root infra/stack with each environment's envs/<env>.tfvars — the values each
#      environment really deploys. No failed check: skips are inline (`#checkov:skip=ID:reason`),
#      or, for one environment's deliberate value, a `# checkov-skip: ID: reason` line in its tfvars;
#   3. module READMEs list the inputs and outputs of their .tf files (.ci/terraform-docs.py).
# Last line: `terraform: N passed, N failed` — checkov's own counts plus one each for 1 and 3.
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
  \( -name '*.tf' -o -name '*.tfvars' -o -name '*.tfvars.example' -o -name '*.tfbackend' \) -print | sort)
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

# run_checkov LABEL ARGS… — checkov exits non-zero when a check fails; the counts come from its
# JSON report. Adds to ck_passed / ck_failed.
ck_passed=0
ck_failed=0
run_checkov() {
  local label="$1" rc passed failed
  shift
  echo "checkov: $label"
  mkdir -p "$work/$label"
  set +e
  "$CHECKOV_BIN" "$@" --framework terraform --compact --quiet --skip-download \
    --output cli --output json --output-file-path "console,$work/$label/checkov.json"
  rc=$?
  set -e
  read -r passed failed < <(count_checkov "$work/$label/checkov.json")
  if [ "$failed" -eq 0 ] && [ "$passed" -eq 0 ]; then
    echo "checkov ($label): ran no check (exit $rc)" >&2
    failed=1
  fi
  if [ "$failed" -eq 0 ] && [ "$rc" -ne 0 ]; then
    echo "checkov ($label): exit $rc without failed checks" >&2
    failed=1
  fi
  echo "checkov ($label): $passed passed, $failed failed"
  ck_passed=$((ck_passed + passed))
  ck_failed=$((ck_failed + failed))
}

count_checkov() {
  python3 - "$1" <<'PY' || echo "0 1"
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
}

run_checkov infra --directory infra
for tfvars in infra/stack/envs/*.tfvars; do
  env_name="$(basename "$tfvars" .tfvars)"
  # `# checkov-skip: CKV_AWS_150: reason` lines: this environment's deliberate exceptions.
  skips="$(sed -n 's/^# checkov-skip: \([A-Z0-9_]*\):.*/\1/p' "$tfvars" | paste -sd, -)"
  run_checkov "stack-$env_name" --directory infra/stack --var-file "$tfvars" \
    ${skips:+--skip-check "$skips"}
done

docs_passed=0
docs_failed=0
# python-hcl2 comes with checkov, in the same venv.
if "$(dirname "$CHECKOV_BIN")/python" .ci/terraform-docs.py --check; then docs_passed=1; else docs_failed=1; fi

passed=$((ck_passed + fmt_passed + docs_passed))
failed=$((ck_failed + fmt_failed + docs_failed))
echo "terraform checks took $((SECONDS - started)) s"
echo "terraform: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
