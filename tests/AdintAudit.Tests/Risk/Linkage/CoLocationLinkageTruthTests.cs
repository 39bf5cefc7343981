using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Risk.Linkage;
using AdintAudit.Synthetic;
using AdintAudit.Tests.Mobility;

namespace AdintAudit.Tests.Risk.Linkage;

public sealed class CoLocationLinkageTruthTests
{
    [Fact]
    public void Repeated_co_location_on_generated_data_finds_mostly_devices_of_one_person()
    {
        (PingTable pings, SyntheticDataset dataset) = GeneratedData.Mixed;
        MobilityRun run = MobilityPipeline.Run(pings, PipelineStage.Homes, new PipelineOptions { TimeZone = "Europe/Berlin" });
        // Identifiers of one person only (the zeroed IDFA is shared by many and is not in the truth table).
        Dictionary<string, int> personOf = dataset.Devices.GroupBy(d => d.DeviceId, StringComparer.Ordinal)
            .Where(g => g.Select(d => d.PersonId).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().PersonId, StringComparer.Ordinal);
        int[] person = [.. run.Stays!.DeviceIds.Select((id, d) => personOf.TryGetValue(id, out int p) ? p : -1 - d)];

        LinkageResult result = CoLocationLinkage.Find(run.Stays, run.Homes);

        // Measured with seed 42 (3,000 persons, 28 days): 67 pairs, 66 of them two identifiers of one person;
        // 15 repeated, all of one person. Co-location at 15 m with 5 min overlap is a precise "same person" signal here.
        LinkedPair[] repeated = [.. result.Pairs.Where(p => p.Days >= 2)];
        Assert.Equal(repeated.Length, result.Summary.CoLocated.RepeatedPairs);
        Assert.InRange(repeated.Length, 10, 1000);
        Assert.True(repeated.Count(p => person[p.DeviceA] == person[p.DeviceB]) >= 0.9 * repeated.Length);
        Assert.True(result.Pairs.Count(p => person[p.DeviceA] == person[p.DeviceB]) >= 0.9 * result.Pairs.Count);
    }
}
