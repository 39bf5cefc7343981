#!/usr/bin/env bash
# Regenerates the LZ4 fixtures in this folder: deterministic Parquet-page-like inputs (*.bin, *.txt) and their
# compressed forms written by the real lz4 CLI (Debian package lz4, v1.9.x) as LZ4 frames. The tests parse the
# frames to pull out the raw LZ4 blocks (the Parquet LZ4_RAW payload) and check that our decoder reproduces the
# inputs exactly. Snappy is cross-checked live against IronSnappy in the tests, so it has no fixtures here.
#
# Usage: bash make-lz4-snappy-fixtures.sh   (needs python3 and lz4 on PATH)
set -euo pipefail
cd "$(dirname "$0")"

python3 - <<'PY'
import random, struct

rng = random.Random(20240611)

# PLAIN-encoded doubles: latitudes of GPS pings around a city centre (16 KiB).
lat = 52.52
with open("gps-latitudes.bin", "wb") as f:
    for _ in range(2048):
        lat += rng.uniform(-0.0005, 0.0005)
        f.write(struct.pack("<d", round(lat, 6)))

# PLAIN-encoded int64 Unix milliseconds, increasing with jitter (16 KiB).
t = 1_717_000_000_000
with open("timestamps-ms.bin", "wb") as f:
    for _ in range(2048):
        t += 1000 * rng.choice([1, 1, 1, 5, 30, 60]) + rng.randint(-40, 40)
        f.write(struct.pack("<q", t))

# Text: CSV-like lines from a small vocabulary (about 16 KiB).
words = ["device", "ping", "berlin", "mitte", "kreuzberg", "wifi", "gps", "cell", "accuracy", "android",
         "ios", "segment", "audience", "sports", "coffee", "retail", "commute", "night", "weekend", "home"]
lines = []
size = 0
i = 0
while size < 16384:
    line = "%08x,%s,%s,%d,%s\n" % (rng.getrandbits(32), rng.choice(words), rng.choice(words),
                                   rng.randint(0, 500), " ".join(rng.choice(words) for _ in range(rng.randint(1, 6))))
    lines.append(line)
    size += len(line)
    i += 1
with open("text.txt", "w", newline="\n") as f:
    f.write("".join(lines)[:16384])

# Mixed runs: zero padding, short periodic patterns (periods 1-9), dictionary-index-like bytes, noise (16 KiB).
out = bytearray()
while len(out) < 16384:
    kind = rng.randint(0, 3)
    n = rng.randint(1, 700)
    if kind == 0:
        out += bytes(n)
    elif kind == 1:
        period = rng.randint(1, 9)
        pattern = bytes(rng.getrandbits(8) for _ in range(period))
        out += (pattern * (n // period + 1))[:n]
    elif kind == 2:
        out += bytes(rng.randint(0, 11) for _ in range(n))
    else:
        out += bytes(rng.getrandbits(8) for _ in range(n))
with open("mixed-runs.bin", "wb") as f:
    f.write(bytes(out[:16384]))
PY

for input in gps-latitudes.bin timestamps-ms.bin text.txt mixed-runs.bin; do
  # Fast mode, 4 KiB independent blocks, no checksums: many small real LZ4 blocks.
  lz4 -q -f -1 -B4096 -BI --no-frame-crc --content-size "$input" "$input.fast.lz4"
  # High-compression mode, default (64 KiB) blocks: long matches and long length encodings.
  lz4 -q -f -12 -BI --no-frame-crc "$input" "$input.hc.lz4"
done
ls -l
