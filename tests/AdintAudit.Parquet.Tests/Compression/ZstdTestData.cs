using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AdintAudit.Parquet.Tests.Compression;

/// <summary>Deterministic inputs and fixture access for the ZSTD tests.</summary>
internal static class ZstdTestData
{
    public static string FixtureDirectory => Path.Combine(AppContext.BaseDirectory, "Compression", "Fixtures");

    public static IReadOnlyList<string> FixtureNames()
    {
        string[] names = Directory.GetFiles(FixtureDirectory, "*.zst").Select(Path.GetFileName).OfType<string>().ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    public static byte[] ReadFixture(string name) => File.ReadAllBytes(Path.Combine(FixtureDirectory, name));

    /// <summary>Gets the SHA-256 (lower-case hex) of the original content of a fixture, from originals.sha256.</summary>
    public static string OriginalSha256(string fixtureName)
    {
        string original = fixtureName[..fixtureName.IndexOf('.', StringComparison.Ordinal)] + ".bin";
        foreach (string line in File.ReadAllLines(Path.Combine(FixtureDirectory, "originals.sha256")))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[1] == original)
            {
                return parts[0];
            }
        }

        throw new InvalidOperationException("no hash for " + original);
    }

    public static string Sha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Decompresses into a buffer large enough for every fixture and returns the exact output.</summary>
    public static byte[] Decompress(ReadOnlySpan<byte> compressed, int capacity = 4 << 20)
    {
        byte[] buffer = new byte[capacity];
        int written = AdintAudit.Parquet.Compression.ZstdDecoder.Decompress(compressed, buffer);
        return buffer.AsSpan(0, written).ToArray();
    }

    /// <summary>A Parquet-like page: latitudes and longitudes (random walk) then int64 timestamps, all little-endian.</summary>
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

    /// <summary>Log-like text lines from a few templates.</summary>
    public static byte[] Text(int size, ulong seed)
    {
        var random = new SplitMix64(seed);
        var text = new StringBuilder(size + 128);
        long time = 1_700_000_000;
        string[] sites = ["gare-du-nord", "louvre", "bercy", "la-defense", "orly", "cdg-t2"];
        while (text.Length < size)
        {
            time += (long)random.Below(3);
            text.Append(CultureInfo.InvariantCulture, $"{time} ping user={random.Below(40):D5} ")
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

    public static byte[] RandomBytes(int size, ulong seed)
    {
        var random = new SplitMix64(seed);
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++)
        {
            data[i] = (byte)random.NextUInt64();
        }

        return data;
    }

    /// <summary>SplitMix64: a tiny generator whose sequence is fixed by its seed on every runtime.</summary>
    internal struct SplitMix64(ulong seed)
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
