# shellcheck shell=bash
# A throwaway PostgreSQL 15 cluster (Debian's packages) for FerretDB's postgresql handler.
#
#   source .ci/postgres.sh
#   postgres_start [port]   # (a free port when none is given) initdb in a fresh dir, pg_ctl start on 127.0.0.1, creates db "ferretdb";
#                           # exports POSTGRES_PORT POSTGRES_DIR POSTGRES_URL
#   postgres_stop           # pg_ctl stop (fast), removes POSTGRES_DIR
#
# PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` system user
# (created by Debian's package), otherwise to the caller. Needs postgresql-15 (apt) when absent.

_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/pg_ctl" ]] && { printf '%s\n' "$dir"; return 0; }
  done
  return 1
}

# _pg_as CMD... — runs CMD as the cluster's owner.
_pg_as() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

postgres_install() {
  _pg_bin >/dev/null && return 0
  command -v apt-get >/dev/null || { echo "postgres: no PostgreSQL and no apt-get" >&2; return 1; }
  (timeout 120 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq postgresql-15) >/dev/null 2>&1 ||
    { echo "postgres: apt-get install postgresql-15 failed" >&2; return 1; }
}

postgres_start() {
  local port="${1:-}" bin
  if [[ -z "$port" ]]; then
    port="$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => console.log(p)); });')" ||
      { echo "postgres: could not pick a free port" >&2; return 1; }
  fi
  postgres_install || return 1
  bin="$(_pg_bin)" || { echo "postgres: pg_ctl not found" >&2; return 1; }
  POSTGRES_DIR="$(mktemp -d /tmp/postgres.XXXXXX)"
  [[ "$(id -u)" -eq 0 ]] && chown postgres: "$POSTGRES_DIR"
  _pg_as "$bin/initdb" -D "$POSTGRES_DIR/data" -U postgres -A trust -E UTF8 --no-sync >"$POSTGRES_DIR.init.log" 2>&1 ||
    { tail -20 "$POSTGRES_DIR.init.log" >&2; return 1; }
  # Throwaway data: durability off (CI only), sockets in the cluster's own dir.
  _pg_as timeout 60 "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w start \
    -o "-p $port -k $POSTGRES_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { tail -20 "$POSTGRES_DIR/server.log" >&2; return 1; }
  _pg_as "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres ferretdb || return 1
  export POSTGRES_PORT="$port" POSTGRES_DIR
  export POSTGRES_URL="postgres://postgres@127.0.0.1:$port/ferretdb"
  echo "postgres: listening on 127.0.0.1:$port (dir $POSTGRES_DIR)"
}

postgres_stop() {
  local bin
  [[ -n "${POSTGRES_DIR:-}" ]] || return 0
  bin="$(_pg_bin)" || return 0
  _pg_as timeout 30 "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$POSTGRES_DIR" "$POSTGRES_DIR.init.log"
  POSTGRES_DIR=
}
