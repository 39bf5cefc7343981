using AdintAudit.Data;
using AdintAudit.Quality;

namespace AdintAudit.Tests.Quality;

/// <summary>Random ping tables full of quality artefacts, and the partitioned screen of a table, for the partition properties.</summary>
internal static class QualityPartitions
{
    private const long Minute = 60_000;

    /// <summary>2024-06-03 00:00 UTC.</summary>
    public const long BaseMs = 1_717_372_800_000;

    /// <summary>One partition: a table of some devices' rows and each local device's global index.</summary>
    public sealed record Partition(PingTable Table, int[] GlobalDevice);

    /// <summary>
    /// Returns a table of a few devices whose pings mix ordinary fixes, coordinates shared by many devices (two of them
    /// 0 and -0 apart), IP-like ones, exact duplicates, equal timestamps, null island, out-of-range and 1970 pings, and
    /// teleports to Sydney.
    /// </summary>
    public static PingTable RandomTable(int seed)
    {
        var random = new Random(seed);
        (double Lat, double Lon)[] pool = [(52.5163, 13.3777), (52.52, 13.4), (48.137154, 11.576124), (0.0, 5.0), (-0.0, 5.0), (52.500001, 13.400001)];
        int devices = random.Next(1, 16);
        int pings = random.Next(0, 120);
        var ids = new List<string>();
        var time = new List<long>();
        var lat = new List<double>();
        var lon = new List<double>();
        var acc = new List<float>();
        for (int i = 0; i < pings; i++)
        {
            int roll = random.Next(100);
            if (roll < 8 && ids.Count > 0)
            {
                // An exact duplicate of an earlier ping (sometimes with another accuracy).
                int j = random.Next(ids.Count);
                Add(ids[j], time[j], lat[j], lon[j], random.Next(2) == 0 ? acc[j] : 7f);
                continue;
            }

            string id = $"dev{random.Next(devices):00}";
            long t = BaseMs + (random.Next(0, 300) * 10 * Minute);
            (double Lat, double Lon) at = roll switch
            {
                < 40 => (52.5 + (random.Next(0, 2000) * 1e-6), 13.4 + (random.Next(0, 2000) * 1e-6)),
                < 75 => pool[random.Next(pool.Length)],
                < 79 => (0, 0),
                < 82 => (95, 13.4),
                < 84 => (double.NaN, 13.4),
                < 90 => (-33.8688, 151.2093),
                _ => (52.5 + (random.Next(0, 3) * 0.01), 13.4),
            };
            if (roll is >= 95)
            {
                t = 5_000 + random.Next(0, 1000);
            }

            float accuracy = random.Next(4) switch { 0 => float.NaN, 1 => 2000f, _ => random.Next(1, 50) };
            Add(id, t, at.Lat, at.Lon, accuracy);
        }

        return PingTable.FromRows([.. ids], [.. time], [.. lat], [.. lon], [.. acc]);

        void Add(string id, long t, double la, double lo, float a)
        {
            ids.Add(id);
            time.Add(t);
            lat.Add(la);
            lon.Add(lo);
            acc.Add(a);
        }
    }

    /// <summary>Random screen settings: a low shared-coordinate threshold, few examples, a derived or a given window.</summary>
    public static QualityOptions RandomOptions(int seed)
    {
        var random = new Random(seed ^ 0x5EED);
        var options = new QualityOptions { SharedCoordinateMinDevices = random.Next(1, 5), ExamplesPerCheck = random.Next(1, 6) };
        return random.Next(2) == 0 ? options : options with { WindowStartMs = BaseMs, WindowEndMs = BaseMs + (30 * 60 * Minute) };
    }

    /// <summary>
    /// Splits <paramref name="whole"/> into <paramref name="parts"/> partitions by a random assignment of its devices
    /// (some partitions may be empty); each partition's rows are given to <see cref="PingTable.FromRows"/> in reverse order.
    /// </summary>
    public static Partition[] Split(PingTable whole, int parts, int seed)
    {
        var random = new Random(seed);
        int[] partOf = [.. Enumerable.Range(0, whole.DeviceCount).Select(_ => random.Next(parts))];
        var result = new Partition[parts];
        for (int p = 0; p < parts; p++)
        {
            int[] rows = [.. Enumerable.Range(0, whole.Count).Where(i => partOf[whole.Device[i]] == p).Reverse()];
            PingTable table = PingTable.FromRows(
                [.. rows.Select(i => whole.DeviceIds[whole.Device[i]])],
                [.. rows.Select(i => whole.TimeMs[i])],
                [.. rows.Select(i => whole.Lat[i])],
                [.. rows.Select(i => whole.Lon[i])],
                [.. rows.Select(i => whole.AccuracyM[i])]);
            int[] global = [.. table.DeviceIds.Select(id => IndexOf(whole, id))];
            result[p] = new Partition(table, global);
        }

        return result;
    }

    /// <summary>The scan sweep over the partitions: window and buckets merged from per-partition counts, then the scans and the facts.</summary>
    public static (QualityFacts Facts, QualityScan[] Scans) ScanAll(IReadOnlyList<Partition> partitions, QualityOptions options)
    {
        long total = partitions.Sum(p => (long)p.Table.Count);
        var days = new DayCounts();
        var buckets = new CoordinateBucketCounts(total);
        foreach (Partition partition in partitions)
        {
            var partDays = new DayCounts();
            partDays.Add(partition.Table.TimeMs);
            days.Merge(partDays);
            var partBuckets = new CoordinateBucketCounts(total);
            partBuckets.Add(partition.Table.Lat, partition.Table.Lon);
            buckets.Merge(partBuckets);
        }

        (long start, long end, string source) = QualityScreen.Window(days, options);
        QualityScan[] scans = [.. partitions.Select(p => QualityScreen.Scan(p.Table, options, start, end, buckets))];
        return (QualityScreen.Facts(scans, options, start, end, source), scans);
    }

    /// <summary>Asserts that two reports are equal, examples included.</summary>
    public static void AssertEqual(QualityReport expected, QualityReport actual)
    {
        Assert.Equal(expected.InputPings, actual.InputPings);
        Assert.Equal(expected.CleanPings, actual.CleanPings);
        Assert.Equal(expected.WindowStartMs, actual.WindowStartMs);
        Assert.Equal(expected.WindowEndMs, actual.WindowEndMs);
        Assert.Equal(expected.WindowSource, actual.WindowSource);
        Assert.Equal(expected.Checks.Count, actual.Checks.Count);
        for (int c = 0; c < expected.Checks.Count; c++)
        {
            Assert.Equal(expected.Checks[c].Name, actual.Checks[c].Name);
            Assert.Equal(expected.Checks[c].Pings, actual.Checks[c].Pings);
            Assert.Equal(expected.Checks[c].Removed, actual.Checks[c].Removed);
            Assert.Equal(expected.Checks[c].Examples, actual.Checks[c].Examples);
        }
    }

    /// <summary>Asserts that device <paramref name="local"/> of <paramref name="part"/> has exactly the rows and flags of device <paramref name="global"/> of <paramref name="whole"/>.</summary>
    public static void AssertSameDevice(QualityResult whole, int global, QualityResult part, int local)
    {
        Range w = whole.Clean.GetDeviceRange(global);
        Range p = part.Clean.GetDeviceRange(local);
        Assert.Equal(whole.Clean.DeviceIds[global], part.Clean.DeviceIds[local]);
        Assert.Equal(whole.Clean.TimeMs[w].ToArray(), part.Clean.TimeMs[p].ToArray());
        Assert.Equal(Bits(whole.Clean.Lat[w]), Bits(part.Clean.Lat[p]));
        Assert.Equal(Bits(whole.Clean.Lon[w]), Bits(part.Clean.Lon[p]));
        Assert.Equal(whole.Clean.AccuracyM[w].ToArray().Select(BitConverter.SingleToInt32Bits), part.Clean.AccuracyM[p].ToArray().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(whole.IpLike[w], part.IpLike[p]);
    }

    private static long[] Bits(ReadOnlySpan<double> values) => [.. values.ToArray().Select(BitConverter.DoubleToInt64Bits)];

    private static int IndexOf(PingTable table, string id)
    {
        int index = 0;
        while (!string.Equals(table.DeviceIds[index], id, StringComparison.Ordinal))
        {
            index++;
        }

        return index;
    }
}
