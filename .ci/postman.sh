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
# shellcheck source=.ci/api-server.sh
source .ci/api-server.sh
report="${NEWMAN_REPORT:-$root/.ci/out/newman.json}"
mkdir -p "$(dirname "$report")"
rm -f "$report"

environment=postman/local.postman_environment.json
env_value() {
  node -e 'const e=require(process.argv[1]);process.stdout.write(e.values.find(v=>v.key===process.argv[2]).value)' \
    "$root/$environment" "$1"
}

# The defaults of `npm start` (in memory, rate limits on, bcrypt cost 12) with the environment's
# admin; MONGODB_URI is dropped because .ci/run exports FerretDB's.
api_server_start postman -u MONGODB_URI \
  ADMIN_EMAIL="$(env_value adminEmail)" ADMIN_PASSWORD="$(env_value adminPassword)"
base_url="$API_BASE_URL"
echo "postman: API at $base_url ($(grep -o '"storage":"[^"]*"' "$API_SERVER_LOG" | head -n 1))"

timeout --kill-after=5 120 node_modules/.bin/newman run postman/btg-funds.postman_collection.json \
  --environment "$environment" --env-var "baseUrl=$base_url" \
  --folder "Historia BTG" --folder "Administración" --iteration-count 2 \
  --color off --timeout-request 10000 \
  --reporters cli,json --reporter-json-export "$report"
