#!/usr/bin/env bash
# Builds the CLI into DIR as `npm run package` does: DIR/index.js, the launcher that keeps V8's
# code cache (src/cli/launcher.ts), and DIR/bundle/index.js, the CLI itself (src/cli/main.ts).
# The launcher goes first: ncc deletes every .js under its output directory before writing.
set -euo pipefail
out=${1:?usage: build-cli.sh DIR}
cd "$(dirname "$0")/.."
npx ncc build src/cli/launcher.ts -o "$out" >/dev/null
npx ncc build src/cli/main.ts -o "$out/bundle" >/dev/null
