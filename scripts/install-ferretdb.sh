#!/usr/bin/env bash
# Builds FerretDB (a MongoDB wire-protocol server with an embedded SQLite backend) from the Go
# module proxy, so the MongoDB store's contract and end-to-end suites run in CI; no MongoDB server
# can be installed on our build machines. Prints the binary's path.
#
# `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds a binary that panics at
# start: the module ships an empty build/version/version.txt, which FerretDB's own main package
# requires. So the module source is copied, the version file written, and the command built.
set -euo pipefail

VERSION=v1.24.2
DEST="${FERRETDB_HOME:-$HOME/.cache/hugmood/ferretdb-$VERSION}"
BIN="$DEST/ferretdb"

# The version is read whole before it is matched: `--version | grep -q` under pipefail fails now and then,
# when grep has matched and quit before ferretdb wrote its last lines (SIGPIPE), and a good binary reads bad.
reports_version() { local out; out="$("$BIN" --version 2>/dev/null)" || return 1; [[ "$out" == *"version: $VERSION"* ]]; }

if [ -x "$BIN" ] && reports_version; then
  echo "$BIN"
  exit 0
fi
command -v go >/dev/null || { echo "install-ferretdb: Go is required (https://go.dev/dl/); Debian: apt-get install -y golang" >&2; exit 1; }

src="$(go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[ -n "$src" ] && [ -d "$src" ] || { echo "install-ferretdb: could not download github.com/FerretDB/FerretDB@$VERSION" >&2; exit 1; }
work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cp -r "$src/." "$work/"
chmod -R u+w "$work"
echo "$VERSION" > "$work/build/version/version.txt"
mkdir -p "$DEST"
(cd "$work" && GOFLAGS=-mod=mod go build -trimpath -o "$BIN.tmp" ./cmd/ferretdb)
mv "$BIN.tmp" "$BIN"
reports_version || { echo "install-ferretdb: the built binary does not report $VERSION" >&2; exit 1; }
echo "$BIN"
