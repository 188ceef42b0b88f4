#!/usr/bin/env bash
# Serves the FastAPI + Beanie stand-in on $HOST:$PORT against $MONGODB_URI (the bench's peer:
# BENCH_PEER_COMMAND=bench/peers/fastapi-beanie/run.sh). First use creates a venv under the
# repository's git-ignored .cache/ and installs requirements.txt; a changed requirements.txt
# reinstalls. Then `exec uvicorn`, so the pid the bench measures is uvicorn's (its workers are
# its children, counted with it).
#
#   HOST (127.0.0.1)  PORT (8000)  MONGODB_URI (required)  BCRYPT_COST (12)  LOG_LEVEL (info)
#   WEB_CONCURRENCY   uvicorn worker processes (default 1: btg-funds is one Node process)
#   JWT_SECRET        HS256 key; one is generated per start when unset (shared by the workers)
#   PEER_VENV         the venv's directory (default <repo>/.cache/peer-fastapi-beanie)
#   PEER_PYTHON       the interpreter that creates it (default python3; 3.10 or newer)
# Arguments go to uvicorn after ours (the last one wins): `run.sh --workers 2`.
# `run.sh --install-only` prepares the venv and exits (CI does it before timing anything).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
VENV="${PEER_VENV:-$ROOT/.cache/peer-fastapi-beanie}"
STAMP="$VENV/.requirements-$(sha256sum "$HERE/requirements.txt" | cut -c1-16)"

if [ ! -f "$STAMP" ]; then
  echo "fastapi-beanie: installing requirements.txt into $VENV" >&2
  rm -rf "$VENV"
  "${PEER_PYTHON:-python3}" -m venv "$VENV"
  timeout -k 5 "${PEER_INSTALL_TIMEOUT:-300}" "$VENV/bin/python" -m pip install \
    --disable-pip-version-check --no-input --retries 5 --timeout 60 -q -r "$HERE/requirements.txt" >&2
  touch "$STAMP"
fi

[ "${1:-}" = --install-only ] && exit 0
: "${MONGODB_URI:?fastapi-beanie: MONGODB_URI is required (a MongoDB or FerretDB)}"
export JWT_SECRET="${JWT_SECRET:-$("$VENV/bin/python" -c 'import secrets; print(secrets.token_hex(32))')}"
LEVEL="$(printf '%s' "${LOG_LEVEL:-info}" | tr '[:upper:]' '[:lower:]')"
case "$LEVEL" in critical | error | warning | info | debug | trace) ;; fatal) LEVEL=critical ;; warn) LEVEL=warning ;; *) LEVEL=info ;; esac
exec "$VENV/bin/uvicorn" --app-dir "$HERE" app.main:app \
  --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}" --workers "${WEB_CONCURRENCY:-1}" \
  --log-level "$LEVEL" "$@"
