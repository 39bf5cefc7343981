#!/usr/bin/env bash
# Screenshots a self-contained HTML report with headless Chromium (Debian package chromium, installed by .ci/install-deps).
# Usage: tools/report-screenshot.sh REPORT.html OUT.png [WIDTHxHEIGHT]   (default 1200x2000 pixels)
# The flags match tests/AdintAudit.Tests/Reporting/ChromiumBrowser.cs: no sandbox (containers run as root), no GPU,
# no background networking, and every host name unresolvable, so the report cannot reach the network.
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTHxHEIGHT]" >&2
  exit 2
fi

report=$1
out=$2
size=${3:-1200x2000}
if [ ! -f "$report" ]; then
  echo "$0: $report does not exist" >&2
  exit 1
fi

if ! [[ $size =~ ^[0-9]+x[0-9]+$ ]]; then
  echo "$0: size must look like 1200x2000, not $size" >&2
  exit 2
fi

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "$0: chromium not found (apt-get install -y chromium, or .ci/install-deps)" >&2
  exit 1
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
url="file://$(realpath "$report")"
out_abs="$(realpath -m "$out")"

# timeout kills Chromium (and, with --kill-after, its children) if the page hangs.
timeout --kill-after=10 120 "$chromium" \
  --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --no-default-browser-check \
  --disable-background-networking --disable-component-update --disable-sync --disable-default-apps \
  --disable-extensions '--host-resolver-rules=MAP * ~NOTFOUND' \
  --user-data-dir="$profile" --window-size="${size/x/,}" --screenshot="$out_abs" "$url" >/dev/null 2>&1

if [ ! -s "$out_abs" ]; then
  echo "$0: chromium wrote no screenshot to $out" >&2
  exit 1
fi

echo "$out"
