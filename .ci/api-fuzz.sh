#!/usr/bin/env bash
# Starts the built API (in-memory, rate limits off, bcrypt cost 4) on a free port, registers a
# client, logs in, fuzzes every operation with .ci/schemathesis.sh, and stops the server.
# Usage: .ci/api-fuzz.sh        (after `npx turbo run build`; builds apps/api if dist is missing)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -f apps/api/dist/main.js ] || npx tsc -b apps/api

log="$(mktemp)"
PORT=0 HOST=127.0.0.1 RATE_LIMITS=off BCRYPT_COST=4 LOG_LEVEL=info NODE_ENV=test \
  node apps/api/dist/main.js >"$log" 2>&1 &
server_pid=$!
cleanup() {
  # Server-side errors explain a failing fuzz run better than the client view alone.
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
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$log" >&2; echo "api-fuzz: server exited" >&2; exit 1; fi
  sleep 0.1
done
[ -n "$base_url" ] || { cat "$log" >&2; echo "api-fuzz: server did not start" >&2; exit 1; }

email="fuzz-$$@example.com"
password="clave-de-fuzzing-123"
curl -fsS -X POST "$base_url/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\",\"fullName\":\"Fuzz\",\"notificationPreference\":\"email\"}" >/dev/null
token="$(curl -fsS -X POST "$base_url/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).accessToken))')"

status=0
BASE_URL="$base_url" TOKEN="$token" "$root/.ci/schemathesis.sh" || status=$?
exit "$status"
