#!/usr/bin/env bash
# Proves @btg-funds/domain can be adopted as a package, from its tarball alone:
#   1. publint --strict and "are the types wrong" (attw, ESM-only profile) accept the tarball;
#   2. installed into an empty project, its only dependency is big.js (from the registry);
#   3. the README's embedding example type-checks against the packed types (strict) …
#   4. … and, run with Node, prints exactly the README's expected output.
# One line per check, then "domain-standalone: N passed, N failed" (read by .ci/summary.py).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# check NAME CMD... — runs CMD, counts it, shows its output only when it fails.
check() {
  local name="$1"
  shift
  if "$@" >"$work/check.log" 2>&1; then
    passed=$((passed + 1))
    echo "ok: $name"
  else
    failed=$((failed + 1))
    echo "FAILED: $name"
    tail -n 40 "$work/check.log"
  fi
}
finish() {
  echo "domain-standalone: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

source .ci/tools.sh
if ! ensure_pkgcheck || ! npx tsc -b packages/domain; then
  failed=$((failed + 1))
  finish
fi
tarball="$work/$(cd packages/domain && npm pack --silent --pack-destination "$work" | tail -1)"

check "publint --strict" "$PUBLINT_BIN" run --strict "$tarball"
check "are the types wrong (esm-only)" "$ATTW_BIN" --profile esm-only --no-color "$tarball"

mkdir -p "$work/embedder" && cd "$work/embedder"
printf '{ "name": "embedder", "private": true, "type": "module" }\n' >package.json
npm install --silent --no-audit --no-fund "$tarball" >/dev/null 2>&1
only_big_js() {
  local deps
  deps=$(node -e "const p=require('./node_modules/@btg-funds/domain/package.json');console.log(Object.keys(p.dependencies||{}).join(','))")
  echo "dependencies: '$deps'"
  [ "$deps" = "big.js" ] && [ -d node_modules/big.js ]
}
check "only big.js at run time" only_big_js

# The README's first ```ts block after "## Embedding example" and the ```text block after it.
node - "$ROOT/packages/domain/README.md" <<'JS'
const fs = require('node:fs');
const readme = fs.readFileSync(process.argv[2], 'utf8');
const section = readme.slice(readme.indexOf('## Embedding example'));
const block = (lang) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section)?.[1];
fs.writeFileSync('example.ts', block('ts') ?? '');
fs.writeFileSync('expected.txt', block('text') ?? '');
JS
cat >tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "lib": ["ES2023", "DOM"],
    "types": [],
    "strict": true,
    "exactOptionalPropertyTypes": true,
    "noUncheckedIndexedAccess": true,
    "noEmitOnError": true,
    "outDir": "out"
  },
  "files": ["example.ts"]
}
JSON
check "README example type-checks against the packed types" "$ROOT/node_modules/.bin/tsc" -p tsconfig.json
prints_expected() {
  [ -s example.ts ] && [ -s expected.txt ] || { echo "no example or no expected output in the README"; return 1; }
  node out/example.js >actual.txt || return 1
  diff -u expected.txt actual.txt
}
check "README example prints the README's output" prints_expected
finish
