#!/usr/bin/env bash
# Production assembly smoke test: what the Dockerfile does, without Docker.
#
#   scripts/assemble-production.sh              # full test, last line `assembly: N passed, N failed`
#   scripts/assemble-production.sh layout DEST  # copy the runtime files of the current (built,
#                                               # pruned) workspace to DEST; the Dockerfile uses it
#   scripts/assemble-production.sh serve DIR    # only the start/probe/stop part, on a runtime
#                                               # layout kept by an earlier ASSEMBLY_KEEP=1 run
#
# The full test copies the tracked files to a temporary directory, runs `npm ci`, builds with
# turbo, prunes dev dependencies, lays out the runtime files exactly as the image does, deletes
# the build tree, then starts `node apps/api/dist/main.js` (on NODE24_BIN when set — .ci/run
# installs Node 24 into .cache/node24, the image's runtime — else the `node` on the PATH) with
# NODE_ENV=production and the minimum environment (in-memory storage allowed explicitly), waits
# for GET /health/ready, checks GET /health, GET /api/v1/funds (5 seeded funds), the web app at /
# and /fondos, that /metrics answers only on the internal metrics port, and that the layout holds
# no empty directory; stops it with SIGTERM and expects exit code 0 within 10 s. Every step is bounded.
#
# Knobs (environment, optional):
#   NODE24_BIN            the Node binary to run the service with (default: node on the PATH)
#   ASSEMBLY_PASS_ENV     names of extra variables to hand to the service (e.g. "MONGODB_URI MONGODB_DB")
#   ASSEMBLY_KEEP=1       keep the temporary directory (its path is printed)
#   ASSEMBLY_STEP_TIMEOUT seconds for each of npm ci / build / prune (default 600)
#   ASSEMBLY_READY_TIMEOUT seconds to wait for /health/ready (default 60)
#   ASSEMBLY_TURBO_CACHE  a turbo cache directory to build with (.ci/run passes the checkout's own,
#                         which its build step has just filled from the same files: the build
#                         step then restores the outputs, as a Docker build with a warm cache would)
set -euo pipefail

# layout_runtime DEST — run from a built, pruned workspace root.
layout_runtime() {
  local dest="$1" dir
  mkdir -p "$dest"
  cp package.json package-lock.json "$dest/"
  cp -a node_modules "$dest/"
  for dir in packages/* apps/*; do
    [ -f "$dir/package.json" ] || continue
    mkdir -p "$dest/$dir"
    cp "$dir/package.json" "$dest/$dir/"
    if [ -d "$dir/dist" ]; then cp -a "$dir/dist" "$dest/$dir/"; fi
    if [ -d "$dir/node_modules" ]; then cp -a "$dir/node_modules" "$dest/$dir/"; fi
  done
  # `npm prune --omit=dev` leaves the scope folders of what it removed (@eslint, @vitest, …).
  find "$dest" -mindepth 1 -type d -empty -delete
}

if [ "${1:-}" = "layout" ]; then
  [ -n "${2:-}" ] || {
    echo "usage: $0 layout DEST" >&2
    exit 2
  }
  layout_runtime "$2"
  exit 0
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STEP_TIMEOUT="${ASSEMBLY_STEP_TIMEOUT:-600}"
READY_TIMEOUT="${ASSEMBLY_READY_TIMEOUT:-60}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/btg-assembly.XXXXXX")"
SERVER_PID=""
started=$SECONDS

cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "${ASSEMBLY_KEEP:-0}" = "1" ]; then
    echo "assembly: kept $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

fail() {
  echo "assembly: FAILED: $*" >&2
  if [ -f "$WORK/server.log" ]; then
    echo "--- last lines of the service log ---" >&2
    tail -n 40 "$WORK/server.log" >&2
  fi
  echo "assembly: took $((SECONDS - started)) s"
  echo "assembly: 0 passed, 1 failed"
  exit 1
}

# step NAME CMD... — bounded, quiet unless it fails.
step() {
  local name="$1" t0=$SECONDS
  shift
  if ! timeout -k 10 "$STEP_TIMEOUT" "$@" >"$WORK/$name.log" 2>&1; then
    tail -n 40 "$WORK/$name.log" >&2
    fail "$name"
  fi
  echo "assembly: $name ok ($((SECONDS - t0)) s)"
}

export TURBO_TELEMETRY_DISABLED=1 NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

# build_and_layout — steps 1-3; leaves the shell in $WORK/app and sets NODE_BIN.
build_and_layout() {
  # 1. The tracked files only, as a clean checkout (and the Docker context) would have them.
  mkdir -p "$WORK/src"
  (cd "$ROOT" && git ls-files -z | tar --null --files-from=- --ignore-failed-read -cf - 2>/dev/null) |
    tar -xf - -C "$WORK/src" || fail "copying the tracked files"
  echo "assembly: copied $(cd "$ROOT" && git ls-files | wc -l | tr -d ' ') tracked files"
  cd "$WORK/src"

  # 2. The Dockerfile's build stage.
  step npm-ci npm ci
  NODE_BIN="$(command -v node)"
  if [ -n "${NODE24_BIN:-}" ] && "$NODE24_BIN" --version >/dev/null 2>&1; then
    # Kept beside the layout, so that `serve` on a kept directory runs the same binary.
    mkdir -p "$WORK/node24"
    cp "$NODE24_BIN" "$WORK/node24/node"
    NODE_BIN="$WORK/node24/node"
  fi
  local cache_args=()
  if [ -n "${ASSEMBLY_TURBO_CACHE:-}" ]; then cache_args=(--cache-dir "$ASSEMBLY_TURBO_CACHE"); fi
  step build npx turbo run build --output-logs=errors-only "${cache_args[@]}"
  step prune npm prune --omit=dev
  # Root dev dependencies that nothing at runtime may pull back in. (vitest is not listed: an
  # optional peer dependency of @btg-funds/application makes npm keep it as "devOptional".)
  for dev_only in typescript turbo eslint; do
    [ ! -e "node_modules/$dev_only" ] || fail "npm prune left the dev dependency $dev_only"
  done

  # 3. The runtime stage: only the laid-out files, the build tree gone.
  layout_runtime "$WORK/app"
  cd "$WORK/app"
  rm -rf "$WORK/src"
  [ -f apps/api/dist/main.js ] || fail "apps/api/dist/main.js was not built"
  empty="$(find . -mindepth 1 -type d -empty | head -n 5)"
  [ -z "$empty" ] || fail "empty directories in the runtime layout: $empty"
  echo "assembly: runtime layout $(du -sh . | cut -f1), node $("$NODE_BIN" --version)"
}

if [ "${1:-}" = "serve" ]; then
  [ -f "${2:-}/apps/api/dist/main.js" ] || {
    echo "usage: $0 serve DIR (DIR/apps/api/dist/main.js must exist)" >&2
    exit 2
  }
  cd "$2"
  NODE_BIN="$(command -v node)"
  if [ -x ../node24/node ]; then NODE_BIN="$(cd .. && pwd)/node24/node"; fi
else
  build_and_layout
fi

# 4. Start it with the minimum production environment.
JWT_KEY="$("$NODE_BIN" -e "const { privateKey } = require('node:crypto').generateKeyPairSync('ed25519');
process.stdout.write(privateKey.export({ type: 'pkcs8', format: 'pem' }));")"
free_port() {
  "$NODE_BIN" -e "const s = require('node:net').createServer();
s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}
PORT="$(free_port)"
METRICS_PORT="$(free_port)"
extra_env=()
for name in ${ASSEMBLY_PASS_ENV:-}; do
  if [ -n "${!name+x}" ]; then extra_env+=("$name=${!name}"); fi
done
# In-memory storage must be asked for in production (with a MONGODB_URI in ASSEMBLY_PASS_ENV the
# service runs on that instead).
env -i PATH="$PATH" HOME="${HOME:-/tmp}" NODE_ENV=production HOST=127.0.0.1 PORT="$PORT" \
  METRICS_PORT="$METRICS_PORT" ALLOW_MEMORY_STORAGE=true \
  JWT_PRIVATE_KEY="$JWT_KEY" CORS_ORIGINS=https://example.test "${extra_env[@]}" \
  "$NODE_BIN" --max-semi-space-size=16 apps/api/dist/main.js >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT"

# probe URL [EXPECT] — prints the HTTP status; with EXPECT=funds also checks the 5 seeded funds,
# with EXPECT=app that the web app's page came back.
probe() {
  timeout -k 2 10 "$NODE_BIN" -e "
const [url, expect] = process.argv.slice(1);
fetch(url, { signal: AbortSignal.timeout(5000) }).then(async (r) => {
  const body = await r.text();
  if (expect === 'app' && !/<div id=.root.>/.test(body)) {
    console.log('app: expected the web app page, got ' + body.slice(0, 200));
    process.exit(1);
  }
  if (expect === 'funds') {
    const items = JSON.parse(body).items;
    if (!Array.isArray(items) || items.length !== 5) {
      console.log('funds: expected 5 items, got ' + body.slice(0, 200));
      process.exit(1);
    }
  }
  console.log(r.status);
}, () => { console.log('000'); });" "$@"
}

deadline=$((SECONDS + READY_TIMEOUT))
until [ "$(probe "$BASE/health/ready" 2>/dev/null || true)" = "200" ]; do
  kill -0 "$SERVER_PID" 2>/dev/null || fail "the service exited before it was ready"
  [ "$SECONDS" -lt "$deadline" ] || fail "GET /health/ready did not answer 200 within ${READY_TIMEOUT} s"
  sleep 0.5
done
echo "assembly: GET /health/ready 200 after $((SECONDS - deadline + READY_TIMEOUT)) s"
status="$(probe "$BASE/health" || true)"
[ "$status" = "200" ] || fail "GET /health answered $status"
status="$(probe "$BASE/api/v1/funds" funds || true)"
[ "$status" = "200" ] || fail "GET /api/v1/funds: $status"
echo "assembly: GET /health 200, GET /api/v1/funds 200 with 5 funds"
# The web app (apps/web/dist is part of the layout) at / and on its screens (ADR 0213).
for path in / /fondos; do
  status="$(probe "$BASE$path" app || true)"
  [ "$status" = "200" ] || fail "GET $path (web app): $status"
done
echo "assembly: GET / and /fondos 200 with the web app"
# /metrics: never on the public port in production, only on the internal one.
status="$(probe "$BASE/metrics" || true)"
[ "$status" = "404" ] || fail "GET /metrics on the public port answered $status (want 404)"
status="$(probe "http://127.0.0.1:$METRICS_PORT/metrics" || true)"
[ "$status" = "200" ] || fail "GET /metrics on METRICS_PORT answered $status"
echo "assembly: /metrics 404 on the public port, 200 on the metrics port"

# 5. Graceful stop: SIGTERM, exit code 0 within 10 s.
kill -TERM "$SERVER_PID"
stop_deadline=$((SECONDS + 10))
while kill -0 "$SERVER_PID" 2>/dev/null; do
  [ "$SECONDS" -lt "$stop_deadline" ] || fail "the service did not exit within 10 s of SIGTERM"
  sleep 0.2
done
set +e
wait "$SERVER_PID"
code=$?
set -e
SERVER_PID=""
[ "$code" -eq 0 ] || fail "the service exited with code $code after SIGTERM"
echo "assembly: stopped cleanly on SIGTERM"

echo "assembly: took $((SECONDS - started)) s"
echo "assembly: 1 passed, 0 failed"
