#!/usr/bin/env bash
# Installs the pinned DuckDB Node package (tools/duckdb/package.json + package-lock.json) into
# <repo>/artifacts/duckdb-node (git-ignored). Idempotent: does nothing when the installed lockfile is the same and
# DuckDB answers a query. Retries the install once. Exit status 0 only when DuckDB works afterwards.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
dest=${DUCKDB_NODE_DIR:-$repo/artifacts/duckdb-node}

works() {
  [ -d "$dest/node_modules/@duckdb/node-api" ] && cmp -s "$here/package-lock.json" "$dest/.installed-lock.json" \
    && DUCKDB_NODE_DIR=$dest node "$here/duckdb-sql.mjs" "SELECT 42 AS x" 2>/dev/null | grep -q '^42'
}

command -v node >/dev/null 2>&1 || { echo "duckdb install: node not found (Node 20 needed)" >&2; exit 1; }
command -v npm >/dev/null 2>&1 || { echo "duckdb install: npm not found" >&2; exit 1; }
works && exit 0

# Plain "npm install" with the committed lockfile (exact versions and integrity hashes). Not "npm ci": npm refuses
# that lockfile because it holds only the platform packages npm saw on Linux x64.
install_once() {
  rm -rf "$dest" && mkdir -p "$dest" \
    && cp "$here/package.json" "$here/package-lock.json" "$dest/" \
    && (cd "$dest" && npm install --no-audit --no-fund --loglevel=error >"$dest.log" 2>&1) \
    && cp "$here/package-lock.json" "$dest/.installed-lock.json"
}
install_once || { echo "duckdb install: npm install failed, retrying once" >&2; sleep 2; install_once; }
works || { echo "duckdb install: @duckdb/node-api could not be installed into $dest ($(tail -n 3 "$dest.log" 2>/dev/null | tr '\n' ' '))" >&2; exit 1; }
echo "duckdb install: @duckdb/node-api $(node -p 'require(process.argv[1]).version' "$dest/node_modules/@duckdb/node-api/package.json") in $dest"
