namespace AdintAudit.Synthetic.Tests;

public sealed class SyntheticGeneratorTests
{
    private static readonly GeneratorOptions s_small = GeneratorOptions.Mixed with { Devices = 600, Days = 10, Seed = 3 };

    [Fact]
    public void Generate_one_or_two_threads_gives_identical_rows()
    {
        SyntheticDataset one = SyntheticGenerator.Generate(s_small, maxParallelism: 1, cancellationToken: TestContext.Current.CancellationToken);
        SyntheticDataset two = SyntheticGenerator.Generate(s_small, maxParallelism: 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(one.Pings.Count, two.Pings.Count);
        Assert.Equal(one.Pings.Ids, two.Pings.Ids);
        Assert.True(one.Pings.IdIndices.SequenceEqual(two.Pings.IdIndices));
        Assert.True(one.Pings.TimestampsMs.SequenceEqual(two.Pings.TimestampsMs));
        Assert.True(one.Pings.Latitudes.SequenceEqual(two.Pings.Latitudes));
        Assert.True(one.Pings.TrueLongitudes.SequenceEqual(two.Pings.TrueLongitudes));
        Assert.Equal(one.Devices, two.Devices);
        Assert.Equal(one.Visits, two.Visits);
    }

    [Fact]
    public void Generate_other_seed_gives_other_rows()
    {
        SyntheticDataset first = SyntheticGenerator.Generate(s_small, cancellationToken: TestContext.Current.CancellationToken);
        SyntheticDataset second = SyntheticGenerator.Generate(s_small with { Seed = 4 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(first.Pings.Ids[0], second.Pings.Ids[0]);
    }

    [Fact]
    public void Generate_rows_are_grouped_by_id_and_sorted_by_time()
    {
        SyntheticPings pings = SyntheticGenerator.Generate(s_small, cancellationToken: TestContext.Current.CancellationToken).Pings;
        var finished = new HashSet<int>();

        for (int r = 1; r < pings.Count; r++)
        {
            int previous = pings.IdIndices[r - 1], current = pings.IdIndices[r];
            if (previous == current)
            {
                Assert.True(pings.TimestampsMs[r] >= pings.TimestampsMs[r - 1], $"row {r} goes back in time");
            }
            else
            {
                Assert.True(finished.Add(previous), $"id {pings.Ids[previous]} appears in two runs");
            }
        }
    }

    [Fact]
    public void Generate_truth_covers_every_id_but_the_zeroed_idfa()
    {
        SyntheticDataset data = SyntheticGenerator.Generate(s_small, cancellationToken: TestContext.Current.CancellationToken);
        var truthIds = data.Devices.Select(d => d.DeviceId).ToHashSet(StringComparer.Ordinal);

        string[] missing = [.. data.Pings.Ids.Where(id => !truthIds.Contains(id))];
        long rowsInTruth = data.Devices.Sum(d => d.Pings);

        Assert.Equal(["00000000-0000-0000-0000-000000000000"], missing);
        Assert.Equal(data.Pings.Count, rowsInTruth + Enumerable.Range(0, data.Pings.Count).Count(r => data.Pings.DeviceId(r) == missing[0]));
    }

    [Fact]
    public void Generate_mixed_plants_every_artefact_and_id_kind()
    {
        SyntheticDataset data = SharedDatasetsAccessor.Mixed;
        var artefacts = Enumerable.Range(0, data.Pings.Count).Select(data.Pings.Artifact).ToHashSet(StringComparer.Ordinal);
        var idTypes = data.Devices.Select(d => d.IdType).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["none", "duplicate", "near_duplicate", "bad_ts", "bogus", "teleport", "repeated_digit"]), artefacts);
        Assert.Superset(new HashSet<string>(["aaid", "idfa", "idfv"]), idTypes);
        Assert.Contains(data.Devices, d => d.SuccessorDeviceId is not null);
        Assert.Contains(data.Devices, d => d.IsEphemeral);
        Assert.Contains(data.Visits, v => data.Pois[v.PoiId].IsCriticalSite);
        Assert.Contains(data.Visits, v => data.Pois[v.PoiId].SensitiveCategory == "religious" && v.PingsInPolygon > 0);
    }

    private static class SharedDatasetsAccessor
    {
        public static SyntheticDataset Mixed => Calibration.SharedDatasets.Mixed28Days;
    }
}
