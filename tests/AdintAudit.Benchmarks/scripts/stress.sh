#!/usr/bin/env bash
# Pathological-input stress run (issue 11 part B): each case at growing sizes, one process per size so the peak RSS
# (/usr/bin/time -v "Maximum resident set size", else the program's own VmHWM) belongs to that size. Time should grow
# about linearly (x2 pings -> about x2 seconds).
#   tests/AdintAudit.Benchmarks/scripts/stress.sh [CASE:PINGS[,PINGS...] ...]
# Default: the CI sizes x1, x2, x4 of every case. Issue sizes: OneDeviceManyPings:50000000 ManyDevicesOnePing:10000000.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
dotnet build "$root/tests/AdintAudit.Benchmarks" -c Release -v q -nologo >/dev/null
bin="$root/artifacts/bin/AdintAudit.Benchmarks/release/AdintAudit.Benchmarks"
work="${STRESS_DIR:-$(mktemp -d)}"
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  cases=(OneDeviceManyPings:1000000,2000000,4000000 ManyDevicesOnePing:500000,1000000,2000000 OneCoordinate:125000,250000,500000
         Timestamps1970To2100:200000,400000,800000 OneTimestamp:200000,400000,800000 NaNAccuracy:200000,400000,800000)
fi
uptime
for spec in "${cases[@]}"; do
  kind="${spec%%:*}"
  sizes="${spec#*:}"
  for n in ${sizes//,/ }; do
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -v "$bin" stress --case "$kind" --pings "$n" --keep "$work" >"$work/out.txt" 2>"$work/time.txt" || { cat "$work/out.txt" "$work/time.txt"; continue; }
      grep RESULT "$work/out.txt"
      grep -E "Maximum resident|Elapsed \(wall" "$work/time.txt" | sed 's/^\s*/    /'
    else
      "$bin" stress --case "$kind" --pings "$n" --keep "$work" | grep RESULT
    fi
    rm -f "$work"/stress_*.parquet
  done
done

