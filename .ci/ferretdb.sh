# shellcheck shell=bash
# FerretDB v1.24.x (SQLite backend) for CI and local development. See docs/adr/0110-ferretdb-in-ci.md.
#
# Source this file, do not execute it:
#
#   source .ci/ferretdb.sh
#   ferretdb_build                # builds .cache/bin/ferretdb from the Go module proxy if absent
#   ferretdb_start [port]         # fresh data dir, background server on 127.0.0.1, waits for `ping`
#   trap ferretdb_stop EXIT       # exports FERRETDB_PID FERRETDB_PORT FERRETDB_DIR FERRETDB_LOG MONGODB_URI
#   ...                           # e.g. node tools/ferretdb/smoke.mjs
#   ferretdb_stop                 # SIGTERM, bounded wait, SIGKILL, removes FERRETDB_DIR
#
# Needs: bash, go >= 1.24 (or GOTOOLCHAIN=auto), node with the repo's node_modules (mongodb driver).
# Every step is bounded in time; each function prints one line on success and returns non-zero
# (printing the relevant log tail) on failure. Safe to source under `set -euo pipefail`.
#
# Knobs (environment, all optional):
#   FERRETDB_VERSION        module version to build          (default v1.24.2, newest v1.24.x on the proxy)
#   FERRETDB_BIN            binary path                      (default <repo>/.cache/bin/ferretdb)
#   FERRETDB_BUILD_TIMEOUT  seconds for download + build     (default 900; fully cold: ~1m45s on 2 idle cores, ~6 min when loaded)
#   FERRETDB_START_TIMEOUT  seconds to wait for `ping`       (default 30)
#   FERRETDB_STOP_TIMEOUT   seconds to wait after SIGTERM    (default 10)
#   FERRETDB_DB             database name in MONGODB_URI     (default btg_test)
#   FERRETDB_HANDLER        sqlite (default) or postgresql   (then FERRETDB_POSTGRESQL_URL; see .ci/postgres.sh)
#   FERRETDB_KEEP_DIR=1     ferretdb_stop keeps FERRETDB_DIR (data + log) for inspection
# GOCACHE / GOMODCACHE / GOPROXY are honoured as usual: cache them in CI to make rebuilds ~2 s.

_FERRETDB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

_ferretdb_bin() { printf '%s\n' "${FERRETDB_BIN:-$_FERRETDB_ROOT/.cache/bin/ferretdb}"; }
_ferretdb_version() { printf '%s\n' "${FERRETDB_VERSION:-v1.24.2}"; }

# _ferretdb_timeout SECONDS CMD... — runs CMD bounded in time when coreutils `timeout` exists.
_ferretdb_timeout() {
  local secs="$1"
  shift
  if command -v timeout >/dev/null 2>&1; then
    timeout -k 5 "$secs" "$@"
  elif command -v gtimeout >/dev/null 2>&1; then
    gtimeout -k 5 "$secs" "$@"
  else
    "$@"
  fi
}

# _ferretdb_alive PID — true if PID exists, is not a zombie, and looks like a ferretdb process.
_ferretdb_alive() {
  local pid="${1:-}" stat args
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if command -v ps >/dev/null 2>&1; then
    stat="$(ps -o stat= -p "$pid" 2>/dev/null || true)"
    [[ -n "$stat" && "$stat" != Z* ]] || return 1
    args="$(ps -o args= -p "$pid" 2>/dev/null || true)"
    [[ "$args" == *ferretdb* ]] || return 1
  fi
  return 0
}

# _ferretdb_backend_flags DIR — SQLite files in DIR/data, or PostgreSQL when
# FERRETDB_HANDLER=postgresql (FERRETDB_POSTGRESQL_URL, e.g. from .ci/postgres.sh).
_ferretdb_backend_flags() {
  if [[ "${FERRETDB_HANDLER:-sqlite}" == postgresql ]]; then
    printf '%s\n' --handler=postgresql "--postgresql-url=${FERRETDB_POSTGRESQL_URL:?FERRETDB_POSTGRESQL_URL is not set}"
  else
    printf '%s\n' --handler=sqlite "--sqlite-url=file:$1/data/"
  fi
}

_ferretdb_tail() {
  local file="$1"
  if [[ -s "$file" ]]; then
    echo "---- last 40 lines of $file ----" >&2
    tail -n 40 "$file" >&2
    echo "----" >&2
  fi
}

# ferretdb_build — builds FERRETDB_BIN from the Go module proxy unless it is already there
# (with the expected version). Uses the default (or the caller's) GOCACHE and GOMODCACHE.
ferretdb_build() {
  local bin version tmo
  bin="$(_ferretdb_bin)"
  version="$(_ferretdb_version)"
  tmo="${FERRETDB_BUILD_TIMEOUT:-900}"

  if [[ -x "$bin" ]] && [[ "$("$bin" --version 2>/dev/null | head -n 1)" == "version: $version" ]]; then
    echo "ferretdb: $bin ($version) already built"
    return 0
  fi
  if ! command -v go >/dev/null 2>&1; then
    echo "ferretdb_build: 'go' not found in PATH (Go >= 1.24 needed)" >&2
    return 1
  fi

  local work log start json dir rc=0
  work="$(mktemp -d "${TMPDIR:-/tmp}/ferretdb-build.XXXXXX")" || return 1
  log="$work/build.log"
  start=$SECONDS

  # Resolve and download the module (outside any module / workspace), then copy it to a writable dir.
  json="$(cd "$work" && GOWORK=off GOFLAGS= _ferretdb_timeout "$tmo" \
    go mod download -json "github.com/FerretDB/FerretDB@$version" 2>>"$log")" || rc=$?
  dir="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' | head -n 1)"
  if [[ $rc -ne 0 || -z "$dir" || ! -d "$dir" ]]; then
    echo "ferretdb_build: go mod download github.com/FerretDB/FerretDB@$version failed (rc=$rc)" >&2
    printf '%s\n' "$json" >&2
    _ferretdb_tail "$log"
    rm -rf "$work"
    return 1
  fi
  cp -R "$dir" "$work/src" && chmod -R u+w "$work/src" || { rm -rf "$work"; return 1; }
  # A module download lacks the generated version file; without it the binary panics at start-up.
  printf '%s\n' "$version" >"$work/src/build/version/version.txt"

  mkdir -p "$(dirname "$bin")" || { rm -rf "$work"; return 1; }
  local remaining=$((tmo - (SECONDS - start)))
  ((remaining > 10)) || remaining=10
  if ! (cd "$work/src" && CGO_ENABLED=0 GOWORK=off GOFLAGS= _ferretdb_timeout "$remaining" \
    go build -trimpath -buildvcs=false -o "$bin.tmp.$$" ./cmd/ferretdb) >>"$log" 2>&1; then
    echo "ferretdb_build: go build failed or timed out after $((SECONDS - start))s" >&2
    _ferretdb_tail "$log"
    rm -rf "$work" "$bin.tmp.$$"
    return 1
  fi
  mv -f "$bin.tmp.$$" "$bin" # atomic: a half-written binary is never left at $bin
  rm -rf "$work"
  echo "ferretdb: built $bin ($version) in $((SECONDS - start))s"
}

# ferretdb_start [port] — starts FerretDB on 127.0.0.1:<port> (a free port when omitted) with a
# fresh SQLite data dir, waits (bounded) until `ping` answers, and exports FERRETDB_PID,
# FERRETDB_PORT, FERRETDB_DIR, FERRETDB_LOG and MONGODB_URI=mongodb://127.0.0.1:<port>/btg_test.
ferretdb_start() {
  local want_port="${1:-}" bin tmo
  bin="$(_ferretdb_bin)"
  tmo="${FERRETDB_START_TIMEOUT:-30}"

  if _ferretdb_alive "${FERRETDB_PID:-}"; then
    echo "ferretdb_start: already running (pid $FERRETDB_PID, port ${FERRETDB_PORT:-?}); call ferretdb_stop first" >&2
    return 1
  fi
  if [[ ! -x "$bin" ]]; then
    ferretdb_build || return 1
  fi
  if ! command -v node >/dev/null 2>&1; then
    echo "ferretdb_start: 'node' not found in PATH (needed for the readiness ping)" >&2
    return 1
  fi
  if [[ -n "$want_port" && ! "$want_port" =~ ^[0-9]+$ ]]; then
    echo "ferretdb_start: invalid port '$want_port'" >&2
    return 1
  fi

  local attempt port dir log pid rc i
  for attempt in 1 2 3; do
    port="$want_port"
    if [[ -z "$port" ]]; then
      port="$(_ferretdb_timeout 10 node -e '
        const s = require("net").createServer();
        s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => console.log(p)); });
      ')" || { echo "ferretdb_start: could not pick a free port" >&2; return 1; }
    fi

    dir="$(mktemp -d "${TMPDIR:-/tmp}/ferretdb.XXXXXX")" || return 1
    mkdir -p "$dir/data"
    log="$dir/ferretdb.log"

    # Started from a command substitution: the server is not a job of this shell (no job-control
    # noise, survives the function) and its output goes to $log only.
    pid="$(
      "$bin" $(_ferretdb_backend_flags "$dir") --listen-addr="127.0.0.1:$port" \
        --state-dir=- --debug-addr=- --telemetry=disable --log-level=warn \
        </dev/null >"$log" 2>&1 &
      echo $!
    )"

    # One node process retries `ping` until it answers, the server dies, or the deadline passes
    # (exit 0 ready, 2 timeout, 3 server exited, 4 port served by another process).
    rc=0
    (cd "$_FERRETDB_ROOT" && _ferretdb_timeout $((tmo + 5)) node --input-type=module -e '
      const [port, pid, timeoutS] = process.argv.slice(1);
      const { MongoClient } = await import("mongodb");
      const deadline = Date.now() + Number(timeoutS) * 1000;
      const alive = () => { try { process.kill(Number(pid), 0); return true; } catch { return false; } };
      let last = "no attempt";
      while (Date.now() < deadline) {
        if (!alive()) { console.error(`ferretdb exited early (${last})`); process.exit(3); }
        const c = new MongoClient(`mongodb://127.0.0.1:${port}/admin`, {
          directConnection: true, serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000, socketTimeoutMS: 2000,
        });
        try {
          const admin = c.db("admin");
          const r = await admin.command({ ping: 1 });
          if (r.ok === 1) {
            // Make sure the server that answers is ours, not another one already on this port.
            const st = await admin.command({ serverStatus: 1 });
            await c.close(true).catch(() => {});
            if (Number(st.pid) === Number(pid)) process.exit(0);
            console.error(`port ${port} is served by another process (pid ${st.pid})`);
            process.exit(4);
          }
          last = JSON.stringify(r);
        } catch (e) { last = String(e && e.message || e); }
        await c.close(true).catch(() => {});
        await new Promise((r) => setTimeout(r, 100));
      }
      console.error(`no ping answer within ${timeoutS}s (${last})`);
      process.exit(2);
    ' "$port" "$pid" "$tmo") || rc=$?

    if [[ $rc -eq 0 ]] && _ferretdb_alive "$pid"; then
      export FERRETDB_PID="$pid" FERRETDB_PORT="$port" FERRETDB_DIR="$dir" FERRETDB_LOG="$log"
      export MONGODB_URI="mongodb://127.0.0.1:$port/${FERRETDB_DB:-btg_test}"
      echo "ferretdb: pid $pid listening on 127.0.0.1:$port (dir $dir)"
      return 0
    fi

    if _ferretdb_alive "$pid"; then
      kill -KILL "$pid" 2>/dev/null || true
      for ((i = 0; i < 20; i++)); do _ferretdb_alive "$pid" || break; sleep 0.1; done
    fi
    # An auto-picked port can be taken between picking and binding: retry with another one.
    if [[ -z "$want_port" && $attempt -lt 3 ]] &&
      { [[ $rc -eq 4 ]] || { [[ $rc -eq 3 ]] && grep -qi 'address already in use' "$log" 2>/dev/null; }; }; then
      rm -rf "$dir"
      continue
    fi
    echo "ferretdb_start: FerretDB on 127.0.0.1:$port did not become ready (rc=$rc)" >&2
    _ferretdb_tail "$log"
    rm -rf "$dir"
    return 1
  done
  return 1
}

# ferretdb_stop — SIGTERM, bounded wait, SIGKILL if needed; removes FERRETDB_DIR; unsets the exports.
ferretdb_stop() {
  local pid="${FERRETDB_PID:-}" dir="${FERRETDB_DIR:-}" tmo="${FERRETDB_STOP_TIMEOUT:-10}" how="not running"
  local rc=0 i

  if [[ -n "$pid" ]] && _ferretdb_alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    how="SIGTERM"
    for ((i = 0; i < tmo * 10; i++)); do
      _ferretdb_alive "$pid" || break
      sleep 0.1
    done
    if _ferretdb_alive "$pid"; then
      kill -KILL "$pid" 2>/dev/null || true
      how="SIGKILL after ${tmo}s"
      for ((i = 0; i < 50; i++)); do
        _ferretdb_alive "$pid" || break
        sleep 0.1
      done
      if _ferretdb_alive "$pid"; then
        echo "ferretdb_stop: pid $pid survived SIGKILL" >&2
        rc=1
      fi
    fi
  fi

  if [[ -n "$dir" && -d "$dir" ]]; then
    if [[ "${FERRETDB_KEEP_DIR:-}" == 1 ]]; then
      how="$how, kept $dir"
    else
      rm -rf "$dir"
    fi
  fi
  unset FERRETDB_PID FERRETDB_PORT FERRETDB_DIR FERRETDB_LOG MONGODB_URI
  [[ $rc -eq 0 ]] && echo "ferretdb: stopped${pid:+ pid $pid} ($how)"
  return $rc
}
