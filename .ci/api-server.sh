#!/usr/bin/env bash
# Sourced by .ci/postman.sh and .ci/api-fuzz.sh: the built API (apps/api/dist/main.js, built if
# missing) as a real process on a free port of 127.0.0.1, stopped when the caller exits.
#   source .ci/api-server.sh
#   api_server_start NAME [ENV_ARG…]   # NAME prefixes the error messages; each ENV_ARG goes to
#                                      # env(1) after PORT=0 HOST=127.0.0.1 LOG_LEVEL=info
#                                      # (VAR=value, or -u VAR to drop one)
# Sets API_BASE_URL (http://127.0.0.1:<port>) and API_SERVER_LOG (the process's JSON log lines)
# and traps EXIT with api_server_stop, which prints the server's errors (level 50) to stderr —
# they explain a failing run better than the client's view alone — and stops it.
# Run from the repository root.

api_server_start() {
  local name="$1"
  shift
  [ -f apps/api/dist/main.js ] || npx tsc -b apps/api
  API_SERVER_LOG="$(mktemp)"
  PORT=0 HOST=127.0.0.1 LOG_LEVEL=info env "$@" node apps/api/dist/main.js >"$API_SERVER_LOG" 2>&1 &
  API_SERVER_PID=$!
  trap api_server_stop EXIT

  # The process logs {"msg":"listening","url":"http://127.0.0.1:<port>"} once it accepts requests.
  API_BASE_URL=""
  for _ in $(seq 1 150); do
    API_BASE_URL="$(grep -o '"url":"http://[^"]*"' "$API_SERVER_LOG" | head -n 1 | cut -d'"' -f4 || true)"
    [ -n "$API_BASE_URL" ] && break
    if ! kill -0 "$API_SERVER_PID" 2>/dev/null; then
      cat "$API_SERVER_LOG" >&2
      echo "$name: server exited" >&2
      exit 1
    fi
    sleep 0.1
  done
  [ -n "$API_BASE_URL" ] || {
    cat "$API_SERVER_LOG" >&2
    echo "$name: server did not start" >&2
    exit 1
  }
}

api_server_stop() {
  grep '"level":50' "$API_SERVER_LOG" | head -n 20 >&2 || true
  if kill -0 "$API_SERVER_PID" 2>/dev/null; then
    kill -TERM "$API_SERVER_PID" 2>/dev/null || true
    wait "$API_SERVER_PID" 2>/dev/null || true
  fi
  rm -f "$API_SERVER_LOG"
}
