#!/usr/bin/env bash
# Runs the Postman collection headless (newman) against the real API process: in memory, on a
# free port of 127.0.0.1, with the admin of postman/local.postman_environment.json. Plays the
# "Historia BTG" and "Administración" folders twice (the second iteration proves they can be
# re-run against the same server), writes newman's JSON report to $NEWMAN_REPORT (default
# .ci/out/newman.json; .ci/summary.py counts its assertions) and stops the server.
# Usage: .ci/postman.sh     (after `npx turbo run build`; builds apps/api if dist is missing)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -f apps/api/dist/main.js ] || npx tsc -b apps/api
report="${NEWMAN_REPORT:-$root/.ci/out/newman.json}"
mkdir -p "$(dirname "$report")"
rm -f "$report"

environment=postman/local.postman_environment.json
env_value() {
  node -e 'const e=require(process.argv[1]);process.stdout.write(e.values.find(v=>v.key===process.argv[2]).value)' \
    "$root/$environment" "$1"
}

log="$(mktemp)"
# The defaults of `npm start` (in memory, rate limits on, bcrypt cost 12) on a free port, with the
# environment's admin; MONGODB_URI is dropped because .ci/run exports FerretDB's.
PORT=0 HOST=127.0.0.1 LOG_LEVEL=info env -u MONGODB_URI \
  ADMIN_EMAIL="$(env_value adminEmail)" ADMIN_PASSWORD="$(env_value adminPassword)" \
  node apps/api/dist/main.js >"$log" 2>&1 &
server_pid=$!
cleanup() {
  grep '"level":50' "$log" | head -n 20 >&2 || true
  if kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -f "$log"
}
trap cleanup EXIT

# The process logs {"msg":"listening","url":"http://127.0.0.1:<port>"} once it accepts requests.
base_url=""
for _ in $(seq 1 150); do
  base_url="$(grep -o '"url":"http://[^"]*"' "$log" | head -n 1 | cut -d'"' -f4 || true)"
  [ -n "$base_url" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$log" >&2; echo "postman: server exited" >&2; exit 1; fi
  sleep 0.1
done
[ -n "$base_url" ] || { cat "$log" >&2; echo "postman: server did not start" >&2; exit 1; }
echo "postman: API at $base_url ($(grep -o '"storage":"[^"]*"' "$log" | head -n 1))"

timeout --kill-after=5 120 node_modules/.bin/newman run postman/btg-funds.postman_collection.json \
  --environment "$environment" --env-var "baseUrl=$base_url" \
  --folder "Historia BTG" --folder "Administración" --iteration-count 2 \
  --color off --timeout-request 10000 \
  --reporters cli,json --reporter-json-export "$report"
