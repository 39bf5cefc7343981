#!/usr/bin/env bash
# Regenerates the ZSTD test fixtures in this folder with the reference `zstd` CLI (Debian package zstd).
# Inputs come from a seeded SplitMix64 generator, so every run produces the same inputs; the .zst files depend
# only on the zstd version (1.5.x here). The originals are not committed: originals.sha256 lists their SHA-256.
# Run from anywhere: bash make-zstd-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")"
command -v zstd >/dev/null || { echo "zstd not found: apt-get install -y zstd" >&2; exit 1; }
rm -f ./*.zst originals.sha256
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import struct, sys
out = sys.argv[1]
class SplitMix64:
    def __init__(self, seed): self.s = seed & 0xFFFFFFFFFFFFFFFF
    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)
    def below(self, n): return self.next() % n
    def unit(self): return (self.next() >> 11) / float(1 << 53)

def write(name, data):
    with open(f"{out}/{name}", "wb") as f: f.write(data)

sites = ("gare-du-nord", "louvre", "bercy", "la-defense", "orly", "cdg-t2", "montparnasse", "nation")
levels = ("INFO", "INFO", "INFO", "DEBUG", "WARN")
def text(seed, size):
    # Log-like lines: a few templates, a slowly moving position, users and sites from small sets.
    r = SplitMix64(seed); parts = []; n = 0; t = 1700000000; lat = 48.85660; lon = 2.35220
    while n < size:
        t += r.below(3)
        if r.below(4) == 0: lat += (r.below(3) - 1) * 0.00001; lon += (r.below(3) - 1) * 0.00001
        user = r.below(40); site = sites[r.below(len(sites))]
        if r.below(6) == 0:
            line = f"{t} {levels[r.below(5)]} visit user={user:05d} site={site} dwell={60 * (1 + r.below(30))}s\n"
        else:
            line = f"{t} {levels[r.below(5)]} ping user={user:05d} lat={lat:.5f} lon={lon:.5f} acc={(5, 10, 20, 65)[r.below(4)]}m\n"
        parts.append(line); n += len(line)
    return "".join(parts).encode()[:size]

def gps(seed, count):
    # Parquet-like page: latitudes, longitudes (random walk around a city), then int64 timestamps.
    r = SplitMix64(seed); lat, lon, t = 48.8566, 2.3522, 1700000000000
    lats, lons, ts = [], [], []
    for _ in range(count):
        lat += (r.unit() - 0.5) * 1e-4; lon += (r.unit() - 0.5) * 1e-4; t += 1000 * (1 + r.below(60))
        lats.append(round(lat, 6)); lons.append(round(lon, 6)); ts.append(t)
    return struct.pack(f"<{count}d", *lats) + struct.pack(f"<{count}d", *lons) + struct.pack(f"<{count}q", *ts)

def ints(seed, count):
    # Sorted int64 timestamps (regular cadence with jitter) followed by small int32 dictionary indices.
    r = SplitMix64(seed); t = 1700000000000; stamps = []; codes = []
    for _ in range(count):
        t += 1000 * (1 + (r.below(8) == 0) * r.below(4)); stamps.append(t); codes.append(r.below(6) if r.below(3) else 0)
    return struct.pack(f"<{count}q", *stamps) + struct.pack(f"<{count}i", *codes)

def random_bytes(seed, size):
    r = SplitMix64(seed)
    return b"".join(struct.pack("<Q", r.next()) for _ in range((size + 7) // 8))[:size]

def repeats(seed, size):
    # Records that reuse a few recent distances: exercises the repeat-offset rules, including literal length 0.
    r = SplitMix64(seed); data = bytearray(random_bytes(seed + 1, 64))
    while len(data) < size:
        kind = r.below(4)
        if kind == 0: data += random_bytes(r.next(), 1 + r.below(6))
        dist = (8, 24, 40, 40 - 1)[r.below(4)]
        for _ in range(4 + r.below(20)): data.append(data[-dist])
    return bytes(data[:size])

def long_distance(seed):
    # A low-entropy 160 KiB chunk, 640 KiB of other data, then the chunk again: only a long window finds it.
    r = SplitMix64(seed)
    chunk = bytes(b"AAAAAAACGT"[r.below(10)] for _ in range(160 * 1024))
    middle = bytes(640 * 1024 - 16) + b"middle-of-input!"
    return chunk + middle + chunk

write("text-8k.bin", text(1, 8 * 1024))
write("text-100.bin", text(2, 100))
write("gps-24k.bin", gps(3, 1024))
write("ints-24k.bin", ints(4, 2048))
write("random-4k.bin", random_bytes(5, 4 * 1024))
write("empty.bin", b"")
write("repeats-24k.bin", repeats(6, 24 * 1024))
write("text-1m.bin", text(8, 1024 * 1024))
write("long-1m.bin", long_distance(9))
PY

z() { zstd -q -f "$@"; }
for level in 1 3 19; do
  z -"$level" "$work/text-8k.bin" -o "text-8k.l$level.zst"
  z -"$level" "$work/gps-24k.bin" -o "gps-24k.l$level.zst"
  z -"$level" "$work/ints-24k.bin" -o "ints-24k.l$level.zst"
  z -"$level" "$work/repeats-24k.bin" -o "repeats-24k.l$level.zst"
done
z --ultra -22 "$work/text-8k.bin" -o text-8k.l22.zst
z -3 "$work/text-100.bin" -o text-100.l3.zst
z -3 --no-check "$work/text-8k.bin" -o text-8k.l3-nocheck.zst
z -3 --no-content-size "$work/text-8k.bin" -o text-8k.l3-nosize.zst
zstd -q -3 -c < "$work/gps-24k.bin" > gps-24k.l3-stream.zst
z -3 "$work/random-4k.bin" -o random-4k.l3.zst
z -3 "$work/empty.bin" -o empty.l3.zst
z -19 "$work/text-1m.bin" -o text-1m.l19.zst
z -3 --long=27 "$work/long-1m.bin" -o long-1m.l3-long27.zst
# Frames back to back, with a skippable frame (magic 0x184D2A53, 5 bytes of payload) in between.
printf '\x53\x2a\x4d\x18\x05\x00\x00\x00skip!' > "$work/skippable.bin"
cat text-100.l3.zst "$work/skippable.bin" ints-24k.l1.zst empty.l3.zst > multi.zst
cat "$work/text-100.bin" "$work/ints-24k.bin" "$work/empty.bin" > "$work/multi.bin"

# Originals are regenerated by this script, not committed: the tests compare SHA-256 hashes of the output.
(cd "$work" && sha256sum ./*.bin | sed 's| \./| |') > originals.sha256
# Check every fixture against the reference decoder before committing it.
for f in *.zst; do zstd -q -t "$f"; done
du -cb ./*.zst | tail -1
