#!/usr/bin/env bash
# Creates the ~2 million row speed-test file artifacts/interop-large/large_duckdb_snappy_2m.parquet (about 89 MB)
# with the shared corpus generator (../shared/parquet-interop/tools/gen-large.mjs) and its pinned npm packages.
# Idempotent: does nothing when the file exists and holds the expected number of rows.
# Usage: make-large.sh [--force]      Env: PARQUET_INTEROP_DIR (default <repo>/../shared/parquet-interop)
set -euo pipefail

die() { echo "make-large: $*" >&2; exit 1; }

repo=$(cd "$(dirname "$0")/../../.." && pwd)
interop=${PARQUET_INTEROP_DIR:-$repo/../shared/parquet-interop}
tools_src=$interop/tools
summary=$interop/large/large_duckdb_snappy_2m.json
tools_dir=$repo/artifacts/interop-tools
out_dir=$repo/artifacts/interop-large
file=$out_dir/large_duckdb_snappy_2m.parquet
force=0
[ "${1:-}" = "--force" ] && force=1

command -v node >/dev/null 2>&1 || die "node not found (Node 20 needed)"
command -v npm >/dev/null 2>&1 || die "npm not found"
[ -f "$tools_src/gen-large.mjs" ] || die "generator not found: $tools_src/gen-large.mjs"
[ -f "$summary" ] || die "summary not found: $summary"

expected_rows=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).rows)' "$summary") \
  || die "cannot read the row count from $summary"

# Row count of an existing file, read with the generator's own DuckDB (present once the generator has run).
row_count() {
  [ -d "$tools_dir/node_modules/@duckdb/node-api" ] || { echo -1; return; }
  (cd "$tools_dir" && node --input-type=module -e '
    import { DuckDBInstance } from "@duckdb/node-api";
    const con = await (await DuckDBInstance.create(":memory:", { threads: "1" })).connect();
    const f = process.argv[1].replace(/'"'"'/g, "'"'"''"'"'");
    const r = await con.runAndReadAll(`SELECT num_rows FROM parquet_file_metadata('"'"'${f}'"'"')`);
    console.log(String(r.getRows()[0][0]));' "$1" 2>/dev/null) || echo -1
}

if [ "$force" -eq 0 ] && [ -f "$file" ]; then
  have=$(row_count "$file")
  if [ "$have" = "$expected_rows" ]; then
    echo "make-large: $file already has $have rows; nothing to do"
    exit 0
  fi
  echo "make-large: existing file has ${have} rows (expected $expected_rows); regenerating"
fi

# Fresh copy of the generator (never its node_modules), then its pinned packages.
mkdir -p "$tools_dir"
find "$tools_dir" -mindepth 1 -maxdepth 1 ! -name node_modules ! -name package-lock.json -exec rm -rf {} +
(cd "$tools_src" && tar --exclude=node_modules -cf - .) | (cd "$tools_dir" && tar -xf -) || die "copying $tools_src failed"
if [ ! -d "$tools_dir/node_modules/@duckdb/node-api" ] || [ ! -f "$tools_dir/.installed" ] \
   || ! cmp -s "$tools_dir/package.json" "$tools_dir/.installed"; then
  echo "make-large: npm install in $tools_dir"
  (cd "$tools_dir" && npm install --no-audit --no-fund --loglevel=error) \
    || (cd "$tools_dir" && npm install --no-audit --no-fund --loglevel=error) \
    || die "npm install in $tools_dir failed"
  cp "$tools_dir/package.json" "$tools_dir/.installed"
fi

mkdir -p "$out_dir"
rm -f "$file"
echo "make-large: generating $file (about a minute, ~3.5 GB RAM)"
start=$(date +%s)
(cd "$tools_dir" && node --max-old-space-size=8192 gen-large.mjs --out "$out_dir") || { rm -f "$file"; die "gen-large.mjs failed"; }
have=$(row_count "$file")
[ "$have" = "$expected_rows" ] || { rm -f "$file"; die "generated file has $have rows, expected $expected_rows"; }
echo "make-large: done in $(( $(date +%s) - start )) s: $file, $(stat -c %s "$file") bytes, $have rows"
