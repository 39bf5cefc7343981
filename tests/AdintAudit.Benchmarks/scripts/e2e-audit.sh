#!/usr/bin/env bash
# End-to-end audit benchmark: generate N pings with the synthetic generator (mixed preset, 14 days, seed 1; cached in
# the work folder), run `adint audit` on them under /usr/bin/time -v, and print wall time, peak RSS and every stage's
# time and rate; then the DuckDB floor (GROUP BY device_id over the same file, scripts/duckdb-groupby-bench.mjs).
#
#   tests/AdintAudit.Benchmarks/scripts/e2e-audit.sh [--pings 10000000[,100000000]] [--runs 3] [--work DIR] [--no-what-ifs]
#
# Needs: the .NET SDK, /usr/bin/time (Debian package time), and for the floor DuckDB (bash tools/duckdb/install.sh).
# Sizes are approximate: the generator is asked for pings / 46.75 persistent devices (the mixed preset's rate over 14 days).
set -euo pipefail
cd "$(dirname "$0")/../../.."

sizes=10000000
runs=3
work=artifacts/e2e
extra=()
while [ $# -gt 0 ]; do
  case $1 in
    --pings) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --no-what-ifs) extra+=(--no-what-ifs); shift ;;
    *) echo "usage: $0 [--pings N[,N...]] [--runs R] [--work DIR] [--no-what-ifs]" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "$0: /usr/bin/time not found (apt-get install -y time)" >&2; exit 1; }

dotnet build src/AdintAudit.Cli -c Release -v q -nologo >/dev/null
adint=(dotnet artifacts/bin/AdintAudit.Cli/release/adint.dll)
mkdir -p "$work"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"

IFS=, read -r -a list <<< "$sizes"
for pings in "${list[@]}"; do
  data="$work/data-$pings"
  if [ ! -f "$data/pings.parquet" ]; then
    devices=$(( pings * 100 / 4675 ))
    "${adint[@]}" generate --out "$data" --devices "$devices" --days 14 --seed 1 --force 2>/dev/null | tail -1
  fi
  bytes=$(stat -c %s "$data/pings.parquet")
  echo
  echo "## $pings pings requested ($(( bytes / 1048576 )) MiB of Parquet)"
  walls=()
  for r in $(seq 1 "$runs"); do
    log="$work/audit-$pings-$r.log"
    /usr/bin/time -v "${adint[@]}" audit "$data/pings.parquet" --sites "$data/sites.geojson" --timezone Europe/Berlin \
      --out "$work/report-$pings" --force "${extra[@]}" >/dev/null 2>"$log"
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.2f", $2/1048576}' "$log")
    echo "run $r: wall ${wall} s, peak RSS ${rss} GiB"
    walls+=("$wall")
  done
  median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
  echo "median wall: ${median} s"
  echo "stages of the last run:"
  grep '^audit: \[' "$log" | sed 's/^/  /'
  if [ -d artifacts/duckdb-node/node_modules ] || [ -d tools/duckdb/node_modules ]; then
    echo "DuckDB floor:"
    node tests/AdintAudit.Benchmarks/scripts/duckdb-groupby-bench.mjs --file "$data/pings.parquet" --runs "$runs" | sed 's/^/  /'
  fi
done
