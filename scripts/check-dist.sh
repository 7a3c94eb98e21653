#!/usr/bin/env bash
# dist/ is committed (the action runs it); it must be exactly what a fresh build produces.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run -s package >/dev/null
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ differs from a fresh 'npm run package':" >&2
  git status --porcelain -- dist >&2
  git --no-pager diff --stat -- dist >&2 || true
  exit 1
fi
echo "dist/ matches a fresh build"
