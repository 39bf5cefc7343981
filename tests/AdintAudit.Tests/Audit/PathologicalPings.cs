using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Writing;
using AdintAudit.Risk.Unicity;

namespace AdintAudit.Tests.Audit;

/// <summary>The pathological-but-valid inputs of issue 11 (part B).</summary>
internal enum PathologicalCase
{
    /// <summary>One device whose pings alternate between a home and a work place every 30 s.</summary>
    OneDeviceManyPings,

    /// <summary>Every device has exactly one ping.</summary>
    ManyDevicesOnePing,

    /// <summary>Every ping of every device at one coordinate, all devices pinging over the same days.</summary>
    OneCoordinate,

    /// <summary>Devices whose pings are spread over 1970-01-01 .. 2100-01-01.</summary>
    Timestamps1970To2100,

    /// <summary>One device, every ping at the same instant (positions vary).</summary>
    OneTimestamp,

    /// <summary>Ordinary commuter data with a NaN horizontal accuracy on every ping.</summary>
    NaNAccuracy,
}

/// <summary>
/// Writes the pathological inputs as Parquet (device_id, timestamp ms, latitude, longitude, horizontal_accuracy), one
/// row group of at most 2^20 rows at a time, so the full issue sizes (50 M pings) stream in constant memory. A pure
/// function of (case, pings, seed).
/// </summary>
internal static class PathologicalPings
{
    private const int GroupRows = 1 << 20;
    private const long T2020Ms = 1_577_836_800_000; // 2020-01-01T00:00Z
    private const long T1970Ms = 0;
    private const long T2100Ms = 4_102_444_800_000; // 2100-01-01T00:00Z
    private const double BaseLat = 48.85;
    private const double BaseLon = 2.35;

    private static readonly WriterSchema s_schema = new(
        WriterColumn.String("device_id", isRequired: true),
        WriterColumn.Timestamp("timestamp", TimeUnit.Millis, isAdjustedToUtc: true, isRequired: true),
        WriterColumn.Double("latitude", isRequired: true),
        WriterColumn.Double("longitude", isRequired: true),
        WriterColumn.Float("horizontal_accuracy"));

    /// <summary>Devices of <see cref="PathologicalCase.OneCoordinate"/> for <paramref name="pings"/> pings (pings per device: 500).</summary>
    public static int OneCoordinateDevices(long pings) => (int)Math.Max(2, pings / 500);

    /// <summary>Writes <paramref name="pings"/> rows of <paramref name="kind"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, PathologicalCase kind, long pings, ulong seed = 11)
    {
        using ParquetFileWriter writer = ParquetFileWriter.Create(path, s_schema, new ParquetWriterOptions { RowGroupSize = GroupRows });
        string?[] ids = new string?[GroupRows];
        long[] time = new long[GroupRows];
        double[] lat = new double[GroupRows];
        double[] lon = new double[GroupRows];
        float[] accuracy = new float[GroupRows];
        var random = new SplitMix64(seed);
        string single = "device-00000000";
        int devices = OneCoordinateDevices(pings);
        for (long first = 0; first < pings; first += GroupRows)
        {
            int count = (int)Math.Min(GroupRows, pings - first);
            for (int i = 0; i < count; i++)
            {
                long row = first + i;
                Fill(kind, row, pings, devices, single, ref random, out ids[i], out time[i], out lat[i], out lon[i], out accuracy[i]);
            }

            writer.BeginRowGroup(count);
            writer.WriteStrings(ids.AsSpan(0, count));
            writer.WriteInt64(time.AsSpan(0, count));
            writer.WriteDouble(lat.AsSpan(0, count));
            writer.WriteDouble(lon.AsSpan(0, count));
            writer.WriteFloat(accuracy.AsSpan(0, count));
            writer.EndRowGroup();
        }

        writer.Complete();
    }

    private static void Fill(PathologicalCase kind, long row, long pings, int devices, string single, ref SplitMix64 random,
        out string? id, out long time, out double lat, out double lon, out float accuracy)
    {
        accuracy = 10f;
        switch (kind)
        {
            case PathologicalCase.OneDeviceManyPings:
                id = single;
                time = T2020Ms + (row * 30_000);
                Commute(time, ref random, out lat, out lon);
                break;
            case PathologicalCase.ManyDevicesOnePing:
                id = DeviceId(row);
                time = T2020Ms + (long)(NextDouble(ref random) * 7 * 86_400_000);
                lat = BaseLat + ((NextDouble(ref random) - 0.5) * 0.2);
                lon = BaseLon + ((NextDouble(ref random) - 0.5) * 0.3);
                break;
            case PathologicalCase.OneCoordinate:
                // Device-major (the file is sorted by device anyway); each device pings every 5 min over the same days.
                long perDevice = (pings + devices - 1) / devices;
                id = DeviceId(row / perDevice);
                time = T2020Ms + ((row % perDevice) * 300_000) + (long)(NextDouble(ref random) * 60_000);
                lat = BaseLat;
                lon = BaseLon;
                break;
            case PathologicalCase.Timestamps1970To2100:
                // 1 000 pings per device; ping times uniform over 130 years, plus a few pings at the exact ends.
                id = DeviceId(row / 1_000);
                time = row % 1_000 == 0 ? T1970Ms : row % 1_000 == 1 ? T2100Ms - 1 : T1970Ms + (long)(NextDouble(ref random) * (T2100Ms - T1970Ms));
                Commute(time, ref random, out lat, out lon);
                break;
            case PathologicalCase.OneTimestamp:
                id = single;
                time = T2020Ms;
                lat = BaseLat + ((NextDouble(ref random) - 0.5) * 0.01);
                lon = BaseLon + ((NextDouble(ref random) - 0.5) * 0.01);
                break;
            default:
                // NaN accuracy: 200 pings per device, commuting between two places, one ping every 5 min.
                id = DeviceId(row / 200);
                time = T2020Ms + ((row % 200) * 300_000) + ((row / 200 % 97) * 3_600_000);
                Commute(time, ref random, out lat, out lon);
                lat += (row / 200 % 1000) * 1e-3;
                accuracy = float.NaN;
                break;
        }
    }

    /// <summary>Home at night (18:00–08:00 UTC), work by day, with about 10 m of jitter.</summary>
    private static void Commute(long timeMs, ref SplitMix64 random, out double lat, out double lon)
    {
        long hour = ((timeMs % 86_400_000) + 86_400_000) % 86_400_000 / 3_600_000;
        bool home = hour < 8 || hour >= 18;
        lat = (home ? BaseLat : BaseLat + 0.05) + ((NextDouble(ref random) - 0.5) * 2e-4);
        lon = (home ? BaseLon : BaseLon + 0.07) + ((NextDouble(ref random) - 0.5) * 2e-4);
    }

    private static string DeviceId(long index) => "device-" + index.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    private static double NextDouble(ref SplitMix64 random) => (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
