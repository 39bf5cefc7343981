using System.Security.Cryptography;
using System.Text;

namespace AdintAudit.Benchmarks.Parquet;

/// <summary>
/// The pings of scripts/duckdb-write-bench.mjs (<c>pingsSql()</c>), generated in memory with the same arithmetic:
/// DuckDB's <c>hash()</c> of an integer is MurmurHash64 (checked: hash(1) = 4717996019076358352), device ids are
/// md5('dev' || d) cut 8-4-4-4-12, coordinates and accuracy use the same double operations in the same order.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do not use broken cryptographic algorithms", Justification = "md5 reproduces DuckDB's md5() device ids; not security.")]
internal sealed class PingTable
{
    public PingTable(int rows, int devices)
    {
        Rows = rows;
        byte[][] ids = new byte[devices][];
        for (int d = 0; d < devices; d++)
        {
            string hex = Convert.ToHexStringLower(MD5.HashData(Encoding.ASCII.GetBytes("dev" + d.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            ids[d] = Encoding.ASCII.GetBytes($"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}");
        }

        DeviceIdBytes = new byte[(long)rows * 36];
        DeviceIdOffsets = new int[rows + 1];
        TimestampsMs = new long[rows];
        Latitudes = new double[rows];
        Longitudes = new double[rows];
        Accuracies = new float[rows];
        AccuracyNulls = new bool[rows];
        for (int i = 0; i < rows; i++)
        {
            ulong d = Hash((ulong)i) % (ulong)devices;
            ids[d].CopyTo(DeviceIdBytes, (long)i * 36);
            DeviceIdOffsets[i + 1] = (i + 1) * 36;
            TimestampsMs[i] = 1_717_200_000_000L + (i * 25L) + (long)(Hash((ulong)i + 1) % 25);
            Latitudes[i] = -60.0 + ((Hash((d * 2) + 1) % 120_000_000) / 1e6) + (((Hash((ulong)i + 3) % 20_001) - 10_000.0) / 1e6);
            Longitudes[i] = -180.0 + ((Hash((d * 2) + 2) % 360_000_000) / 1e6) + (((Hash((ulong)i + 4) % 20_001) - 10_000.0) / 1e6);
            AccuracyNulls[i] = Hash((ulong)i + 2) % 100 < 8;
            Accuracies[i] = AccuracyNulls[i] ? 0f : (float)(1.0 + ((Hash((ulong)i + 5) % 2000) / 10.0));
        }
    }

    public int Rows { get; }

    public byte[] DeviceIdBytes { get; }

    public int[] DeviceIdOffsets { get; }

    public long[] TimestampsMs { get; }

    public double[] Latitudes { get; }

    public double[] Longitudes { get; }

    public float[] Accuracies { get; }

    public bool[] AccuracyNulls { get; }

    /// <summary>DuckDB's hash of an integer (MurmurHash64 finaliser).</summary>
    public static ulong Hash(ulong x)
    {
        x ^= x >> 32;
        x *= 0xd6e8feb86659fd93UL;
        x ^= x >> 32;
        x *= 0xd6e8feb86659fd93UL;
        x ^= x >> 32;
        return x;
    }
}
