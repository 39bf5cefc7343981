using AdintAudit.Data;
using AdintAudit.Synthetic;

namespace AdintAudit.Tests.Mobility;

/// <summary>A small generated dataset (in memory, cached per test run) with its truth.</summary>
internal static class GeneratedData
{
    private static readonly Lazy<(PingTable Pings, SyntheticDataset Dataset)> s_mixed = new(() => Make(GeneratorOptions.Mixed with { Devices = 3000, Days = 28 }));

    public static (PingTable Pings, SyntheticDataset Dataset) Mixed => s_mixed.Value;

    private static (PingTable, SyntheticDataset) Make(GeneratorOptions options)
    {
        SyntheticDataset dataset = SyntheticGenerator.Generate(options);
        SyntheticPings p = dataset.Pings;
        string[] ids = new string[p.Count];
        for (int i = 0; i < p.Count; i++)
        {
            ids[i] = p.DeviceId(i);
        }

        return (PingTable.FromRows(ids, p.TimestampsMs, p.Latitudes, p.Longitudes, p.AccuracyMeters), dataset);
    }
}
