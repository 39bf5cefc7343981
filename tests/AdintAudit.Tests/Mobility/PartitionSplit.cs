using AdintAudit.Data;
using AdintAudit.Sites;
using AdintAudit.Synthetic;
using AdintAudit.Synthetic.Output;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Mobility;

/// <summary>
/// Splits a ping table into partitions by a device → partition assignment, as the partitioned audit does: each part is
/// an ordinary table (local devices in ordinal order) with its local → global device map.
/// </summary>
internal static class PartitionSplit
{
    /// <summary>A random split: 1 to 4 partitions, each device's partition drawn from a seed (empty partitions happen).</summary>
    public static Arbitrary<(int Partitions, ulong Seed)> Assignments { get; } =
        Gen.Choose(1, 4).SelectMany(k => Gen.Choose(0, int.MaxValue), (k, seed) => (k, (ulong)seed)).ToArbitrary();

    /// <summary>Partition of each device: a SplitMix64-style mix of (seed, device) modulo the partition count.</summary>
    public static int[] Assign(int devices, int partitions, ulong seed)
    {
        var part = new int[devices];
        for (int d = 0; d < devices; d++)
        {
            ulong z = seed + ((ulong)(d + 1) * 0x9E3779B97F4A7C15UL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            part[d] = (int)((z ^ (z >> 31)) % (ulong)partitions);
        }

        return part;
    }

    /// <summary>Returns the partitions of <paramref name="table"/> (devices without rows kept in their partition) and their maps.</summary>
    public static (PingTable[] Parts, int[][] GlobalDevice) Split(PingTable table, int[] partOfDevice, int partitions) =>
        Split(table, [], partOfDevice, partitions, out _);

    /// <summary>As <see cref="Split(PingTable, int[], int)"/>, also splitting one flag per row.</summary>
    public static (PingTable[] Parts, int[][] GlobalDevice) Split(PingTable table, bool[] rowFlags, int[] partOfDevice, int partitions,
        out bool[][] partFlags)
    {
        var parts = new PingTable[partitions];
        var global = new int[partitions][];
        partFlags = new bool[partitions][];
        for (int p = 0; p < partitions; p++)
        {
            var devices = new List<int>();
            var rows = new List<int>();
            var start = new List<int> { 0 };
            for (int d = 0; d < table.DeviceCount; d++)
            {
                if (partOfDevice[d] == p)
                {
                    devices.Add(d);
                    for (int i = table.DeviceStart[d]; i < table.DeviceStart[d + 1]; i++)
                    {
                        rows.Add(i);
                    }

                    start.Add(rows.Count);
                }
            }

            var device = new int[rows.Count];
            for (int k = 0; k < devices.Count; k++)
            {
                device.AsSpan(start[k], start[k + 1] - start[k]).Fill(k);
            }

            parts[p] = new PingTable(
                [.. devices.Select(d => table.DeviceIds[d])],
                [.. start],
                device,
                [.. rows.Select(i => table.TimeMs[i])],
                [.. rows.Select(i => table.Lat[i])],
                [.. rows.Select(i => table.Lon[i])],
                [.. rows.Select(i => table.AccuracyM[i])]);
            global[p] = [.. devices];
            partFlags[p] = rowFlags.Length == 0 ? [] : [.. rows.Select(i => rowFlags[i])];
        }

        return (parts, global);
    }

    /// <summary>A small generated city (150 devices, 7 days) with its own sites, cached.</summary>
    public static (PingTable Pings, SiteCatalog Sites) City => s_city.Value;

    private static readonly Lazy<(PingTable, SiteCatalog)> s_city = new(() =>
    {
        SyntheticDataset dataset = SyntheticGenerator.Generate(GeneratorOptions.Mixed with { Devices = 150, Days = 7, Seed = 11 });
        SyntheticPings p = dataset.Pings;
        string[] ids = new string[p.Count];
        for (int i = 0; i < p.Count; i++)
        {
            ids[i] = p.DeviceId(i);
        }

        string folder = Directory.CreateTempSubdirectory("adint-split-").FullName;
        try
        {
            string path = Path.Combine(folder, "sites.geojson");
            SitesGeoJson.Write(path, dataset.Pois);
            return (PingTable.FromRows(ids, p.TimestampsMs, p.Latitudes, p.Longitudes, p.AccuracyMeters), SiteCatalog.Load(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    });
}
