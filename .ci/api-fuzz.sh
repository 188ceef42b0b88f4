#!/usr/bin/env bash
# Starts the built API (in-memory, rate limits off, bcrypt cost 4) on a free port, registers a
# client, logs in, fuzzes every operation with .ci/schemathesis.sh, and stops the server.
# Usage: .ci/api-fuzz.sh        (after `npx turbo run build`; builds apps/api if dist is missing)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=.ci/api-server.sh
source .ci/api-server.sh
# In memory, as the header says: an inherited MONGODB_URI (a shell with FerretDB's) is dropped.
api_server_start api-fuzz -u MONGODB_URI RATE_LIMITS=off BCRYPT_COST=4 NODE_ENV=test
base_url="$API_BASE_URL"

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
