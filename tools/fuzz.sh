#!/usr/bin/env bash
# Long mutation-fuzzing campaigns against the hostile-input property (tests/Shared/FuzzCampaign.cs): every mutated
# input decodes or raises our own format exception; no other exception, no hang, no allocation beyond the bound.
#
#   tools/fuzz.sh --target parquet|csv|geojson [--iterations N] [--seconds S] [--seed S]
#
# Runs the target's fuzz test from a Release build with the campaign settings in the environment. Each failing input
# is saved as a regression fixture in the target's regressions/ folder (replayed by every test run: commit it with
# the fix). Prints the campaign's summary line; exits non-zero when an input failed.
set -euo pipefail
cd "$(dirname "$0")/.."

target="" iterations=100000 seconds="" seed=""
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target="$2"; shift 2 ;;
    --iterations) iterations="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "fuzz.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

case "$target" in
  parquet) project=tests/AdintAudit.Parquet.Tests; filter="FullyQualifiedName~ParquetFuzzTests.Mutated"
           save=tests/AdintAudit.Parquet.Tests/Fuzzing/regressions ;;
  csv) project=tests/AdintAudit.Tests; filter="FullyQualifiedName~CsvFuzzTests.Mutated"; save=tests/AdintAudit.Tests/Data/Fuzzing/regressions ;;
  geojson) project=tests/AdintAudit.Tests; filter="FullyQualifiedName~SiteCatalogFuzzTests.Mutated"; save=tests/AdintAudit.Tests/Sites/Fuzzing/regressions ;;
  *) echo "fuzz.sh: --target parquet|csv|geojson is required" >&2; exit 2 ;;
esac

mkdir -p artifacts/fuzz "$save"
log="$PWD/artifacts/fuzz/$target-$(date -u +%Y%m%dT%H%M%S).log"
dotnet build "$project" -c Release -v quiet -nologo >/dev/null
status=0
ADINT_FUZZ_ITERATIONS="$iterations" ADINT_FUZZ_SECONDS="$seconds" ADINT_FUZZ_SEED="${seed:-$RANDOM$RANDOM}" \
ADINT_FUZZ_SAVE="$PWD/$save" ADINT_FUZZ_LOG="$log" \
  dotnet test "$project" -c Release --no-build --filter "$filter" >"$log.test" 2>&1 || status=$?
cat "$log" 2>/dev/null || { echo "fuzz.sh: the campaign did not finish; see $log.test" >&2; exit 1; }
[ "$status" -eq 0 ] || echo "fuzz.sh: failing inputs saved in $save (details in $log.test)" >&2
exit "$status"
