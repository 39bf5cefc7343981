#!/usr/bin/env bash
# End-to-end scale benchmark (issue 10): per size N,
#   1. the data: DATA_ROOT/data-N/pings.parquet + sites.geojson, generated when missing (mixed preset, 14 days, seed 1,
#      Europe/Berlin; the generator is asked for N / 46.75 persistent devices, the mixed preset's rate over 14 days);
#   2. R runs of `adint audit` with sites under /usr/bin/time -v: wall, peak RSS, the stage lines `audit: [i/n] ...`
#      and the audit's `audit: mode ...` line when it prints one (logs: WORK/audit-N-R.log);
#   3. the DuckDB floors on the same file (scripts/duckdb-floor-bench.mjs, 1 and 2 threads): GROUP BY device_id, and a
#      full scan of the five ping columns (WORK/duckdb-N.jsonl);
#   4. our reader on the same five columns (`read-columns` stopwatch entry, 1 and 2 threads; WORK/read-N-T.txt);
# then scripts/e2e-summary.mjs prints the per-size details, one Markdown table and the linearity lines, and writes
# them to WORK/e2e-summary.md.
#
#   tests/AdintAudit.Benchmarks/scripts/e2e-audit.sh [--pings 10000000,100000000] [--runs 3] [--work artifacts/e2e]
#        [--data-root DIR] [--skip audit,duckdb,read] [--no-what-ifs]
#
# --data-root: the folder holding data-N/ (default: the work folder). --skip leaves out parts (their earlier results in
# WORK, if any, still enter the summary). Needs the .NET SDK, /usr/bin/time (Debian package time), Node 20, and for the
# DuckDB floors the pinned DuckDB (bash tools/duckdb/install.sh, or DUCKDB_NODE_DIR pointing at an install).
set -euo pipefail
cd "$(dirname "$0")/../../.."
scripts=tests/AdintAudit.Benchmarks/scripts

sizes=10000000,100000000
runs=3
work=artifacts/e2e
data_root=
skip=
extra=()
usage="usage: $0 [--pings N[,N...]] [--runs R] [--work DIR] [--data-root DIR] [--skip audit,duckdb,read] [--no-what-ifs]"
while [ $# -gt 0 ]; do
  case $1 in
    --pings) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --data-root) data_root=$2; shift 2 ;;
    --skip) skip=$2; shift 2 ;;
    --no-what-ifs) extra+=(--no-what-ifs); shift ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
data_root=${data_root:-$work}
skipped() { [[ ",$skip," == *",$1,"* ]]; }
[ -x /usr/bin/time ] || { echo "$0: /usr/bin/time not found (apt-get install -y time)" >&2; exit 1; }
command -v node >/dev/null || { echo "$0: node not found (Node 20 needed for the floors and the summary)" >&2; exit 1; }

dotnet build src/AdintAudit.Cli -c Release -v q -nologo >/dev/null
adint=(dotnet artifacts/bin/AdintAudit.Cli/release/adint.dll)
if ! skipped read; then
  dotnet build tests/AdintAudit.Benchmarks -c Release -v q -nologo >/dev/null
fi
bench=(dotnet artifacts/bin/AdintAudit.Benchmarks/release/AdintAudit.Benchmarks.dll)
duckdb_dir=${DUCKDB_NODE_DIR:-artifacts/duckdb-node}
mkdir -p "$work"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(date -u +%FT%TZ), $(uptime)"

IFS=, read -r -a list <<< "$sizes"
for pings in "${list[@]}"; do
  data="$data_root/data-$pings"
  if [ ! -f "$data/pings.parquet" ]; then
    devices=$(( pings * 100 / 4675 ))
    "${adint[@]}" generate --out "$data" --devices "$devices" --days 14 --seed 1 --force 2>/dev/null | tail -1
  fi
  echo "== $pings pings requested: $data/pings.parquet, $(( $(stat -c %s "$data/pings.parquet") / 1048576 )) MiB"

  if ! skipped audit; then
    rm -f "$work/audit-$pings-"*.log
    for r in $(seq 1 "$runs"); do
      log="$work/audit-$pings-$r.log"
      echo "bench: load $(cut -d' ' -f1-3 /proc/loadavg)" >"$log"
      status=0
      /usr/bin/time -v "${adint[@]}" audit "$data/pings.parquet" --sites "$data/sites.geojson" --timezone Europe/Berlin \
        --out "$work/report-$pings" --force "${extra[@]}" >/dev/null 2>>"$log" || status=$?
      grep '^audit: mode' "$log" || true
      echo "audit run $r: exit $status, $(grep -c '^audit: \[' "$log") stage lines, $(grep -o 'Elapsed (wall clock).*' "$log")"
      # A refusal (exit 3: over the memory budget) or failure is the same for every run: record it once.
      [ "$status" -eq 0 ] || { grep '^adint: ' "$log" || true; break; }
    done
  fi

  if ! skipped duckdb; then
    if [ -d "$duckdb_dir/node_modules/@duckdb/node-api" ]; then
      echo "DuckDB floors ($(cut -d' ' -f1-3 /proc/loadavg)):"
      DUCKDB_NODE_DIR=$duckdb_dir node "$scripts/duckdb-floor-bench.mjs" --file "$data/pings.parquet" --runs "$runs" --threads 1,2 \
        | tee "$work/duckdb-$pings.jsonl"
    else
      echo "DuckDB floors skipped: no @duckdb/node-api in $duckdb_dir (bash tools/duckdb/install.sh)"
    fi
  fi

  if ! skipped read; then
    for threads in 1 2; do
      echo "our read-columns, $threads thread(s) ($(cut -d' ' -f1-3 /proc/loadavg)):"
      "${bench[@]}" read-columns --file "$data/pings.parquet" --threads "$threads" --runs "$runs" | tee "$work/read-$pings-$threads.txt"
    done
  fi
done

echo
node "$scripts/e2e-summary.mjs" --work "$work" --pings "$sizes" --runs "$runs" --threads 1,2
echo "written: $work/e2e-summary.md"
