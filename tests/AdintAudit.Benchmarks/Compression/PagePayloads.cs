using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace AdintAudit.Benchmarks.Compression;

/// <summary>Deterministic Parquet-page-like payloads and their compressed forms for the decompression benchmarks.</summary>
internal static class PagePayloads
{
    public static byte[] Create(string name) => name switch
    {
        "gps-1m" => GpsPage(43_690, 1),
        "text-1m" => Text(1 << 20, 2),
        "ints-64k" => Ints(16_384, 3),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown payload"),
    };

    /// <summary>Latitudes and longitudes (a random walk, 6 decimals) then int64 millisecond timestamps.</summary>
    public static byte[] GpsPage(int count, ulong seed)
    {
        var random = new SplitMix64(seed);
        byte[] page = new byte[count * 24];
        double lat = 48.8566;
        double lon = 2.3522;
        long time = 1_700_000_000_000;
        for (int i = 0; i < count; i++)
        {
            lat += (random.NextDouble() - 0.5) * 1e-4;
            lon += (random.NextDouble() - 0.5) * 1e-4;
            time += 1000 * (1 + (long)random.Below(60));
            BinaryPrimitives.WriteDoubleLittleEndian(page.AsSpan(i * 8), Math.Round(lat, 6));
            BinaryPrimitives.WriteDoubleLittleEndian(page.AsSpan((count + i) * 8), Math.Round(lon, 6));
            BinaryPrimitives.WriteInt64LittleEndian(page.AsSpan(((2 * count) + i) * 8), time);
        }

        return page;
    }

    /// <summary>Log-like text lines (a string column's PLAIN page).</summary>
    public static byte[] Text(int size, ulong seed)
    {
        var random = new SplitMix64(seed);
        var text = new StringBuilder(size + 128);
        long time = 1_700_000_000;
        string[] sites = ["gare-du-nord", "louvre", "bercy", "la-defense", "orly", "cdg-t2"];
        double lat = 48.8566;
        while (text.Length < size)
        {
            time += (long)random.Below(3);
            lat += ((double)random.Below(3) - 1) * 1e-5;
            text.Append(CultureInfo.InvariantCulture, $"{time} ping user={random.Below(400):D5} lat={lat:F5} ")
                .Append(CultureInfo.InvariantCulture, $"site={sites[random.Below((ulong)sites.Length)]} acc={random.Below(4) * 5}m\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString(0, size));
    }

    /// <summary>Int32 values: slowly growing counters mixed with small dictionary codes.</summary>
    public static byte[] Ints(int count, ulong seed)
    {
        var random = new SplitMix64(seed);
        byte[] data = new byte[count * 4];
        int counter = 0;
        for (int i = 0; i < count; i++)
        {
            counter += (int)random.Below(16);
            int value = random.Below(8) == 0 ? (int)random.Below(100) : counter;
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(i * 4), value);
        }

        return data;
    }

    /// <summary>Compresses with the reference zstd CLI (Debian package zstd), which must be on PATH.</summary>
    public static byte[] ZstdCli(byte[] data, int level)
    {
        string input = Path.GetTempFileName();
        string output = input + ".zst";
        try
        {
            File.WriteAllBytes(input, data);
            var start = new ProcessStartInfo("zstd") { RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in new[] { "-q", "-f", "--ultra", "-" + level.ToString(CultureInfo.InvariantCulture), input, "-o", output })
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("zstd CLI not found");
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("zstd failed: " + errors);
            }

            return File.ReadAllBytes(output);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    public static byte[] Gzip(byte[] data)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return memory.ToArray();
    }

    public static byte[] Brotli(byte[] data)
    {
        byte[] buffer = new byte[BrotliEncoder.GetMaxCompressedLength(data.Length)];
        if (!BrotliEncoder.TryCompress(data, buffer, out int written, quality: 5, window: 22))
        {
            throw new InvalidOperationException("brotli compression failed");
        }

        return buffer[..written];
    }

    private struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong NextUInt64()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public ulong Below(ulong bound) => NextUInt64() % bound;

        public double NextDouble() => (NextUInt64() >> 11) / (double)(1UL << 53);
    }
}
