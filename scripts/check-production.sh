#!/usr/bin/env bash
# Checks the Dockerfile's steps without a Docker engine: in a clean temporary copy of the
# tracked files, `npm ci`, `npm run build`, `npm prune --omit=dev`, then `node dist/server.js`
# with production settings, and the smoke test against it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "== production install in $work"
tar -C "$ROOT" --exclude=./node_modules --exclude=./dist --exclude=./data --exclude=./.git \
  --exclude=./coverage --exclude=./bench/results -cf - . | tar -C "$work" -xf -
cd "$work"
npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
npm prune --omit=dev --no-audit --no-fund --loglevel=error
rm -rf src test scripts/*.ts   # the image has only dist/, migrations/ and production node_modules
[[ ! -d node_modules/vitest && ! -d node_modules/typescript ]] || { echo "dev dependencies survived the prune" >&2; exit 1; }

port="$(free_port)"
token="ci-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
NODE_ENV=production HOST=127.0.0.1 PORT="$port" DATABASE_PATH="$work/data/masthead.db" API_TOKENS="$token" LOG_LEVEL=warn \
  node --max-semi-space-size=8 dist/server.js >"$work/server.log" 2>&1 &
server_pid=$!
wait_for_url "http://127.0.0.1:$port/healthz" 30 || { cat "$work/server.log"; exit 1; }

echo "== smoke test against the production build"
API_TOKEN="$token" SEED_PAGE="$ROOT/test/fixtures/pages/000-de-seed/raw.txt" bash "$ROOT/scripts/smoke.sh" "http://127.0.0.1:$port"
[[ -f "$work/data/masthead.db" ]] || { echo "no database file at DATABASE_PATH" >&2; exit 1; }
