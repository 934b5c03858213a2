#!/usr/bin/env bash
# The test suite under Node 24 LTS: scripts/test-node.sh 24 (kept for the commands in the docs).
exec bash "$(dirname "${BASH_SOURCE[0]}")/test-node.sh" 24 "$@"
