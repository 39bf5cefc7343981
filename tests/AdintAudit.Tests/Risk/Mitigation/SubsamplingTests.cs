using AdintAudit.Data;
using AdintAudit.Risk.Mitigation;
using FsCheck;
using FsCheck.Fluent;
using static AdintAudit.Tests.Risk.Mitigation.PingRows;

namespace AdintAudit.Tests.Risk.Mitigation;

public sealed class SubsamplingTests
{
    [Fact]
    public void Apply_with_the_same_seed_keeps_the_same_rows_and_another_seed_others()
    {
        PingTable pings = SpreadTable(devices: 200, pingsPerDevice: 50);

        Row[] first = Of(Mitigations.Apply(pings, WhatIfMitigation.Subsample(0.3, seed: 7), MitigationContext.None));
        Row[] again = Of(Mitigations.Apply(pings, WhatIfMitigation.Subsample(0.3, seed: 7), MitigationContext.None));
        Row[] other = Of(Mitigations.Apply(pings, WhatIfMitigation.Subsample(0.3, seed: 8), MitigationContext.None));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(0.1, 1UL)]
    [InlineData(0.1, 2UL)]
    [InlineData(0.5, 3UL)]
    [InlineData(0.9, 4UL)]
    public void Apply_keeps_the_requested_share_of_100k_pings(double keepProbability, ulong seed)
    {
        PingTable pings = SpreadTable(devices: 1000, pingsPerDevice: 100);

        int kept = Mitigations.Apply(pings, WhatIfMitigation.Subsample(keepProbability, seed), MitigationContext.None).Count;

        // Binomial(100,000, q): standard deviation √(100,000·q·(1−q)) ≤ √25,000 ≈ 158; allow 5 of them (≤ 791).
        double sd = Math.Sqrt(100_000 * keepProbability * (1 - keepProbability));
        Assert.InRange(kept, (100_000 * keepProbability) - (5 * sd), (100_000 * keepProbability) + (5 * sd));
    }

    [Fact]
    public void Apply_with_probability_0_or_1_keeps_nothing_or_everything()
    {
        PingTable pings = SpreadTable(devices: 10, pingsPerDevice: 10);

        Assert.Equal(0, Mitigations.Apply(pings, WhatIfMitigation.Subsample(0), MitigationContext.None).Count);
        Assert.Equal(Of(pings), Of(Mitigations.Apply(pings, WhatIfMitigation.Subsample(1), MitigationContext.None)));
    }

    [Fact]
    public void Subsample_of_a_filtered_table_equals_filter_of_the_subsample() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, 5).SelectMany(d => Gen.Choose(0, 50).Select(t => new Row($"id-{d}", t * 1000L, d, t, 5f))))
                .Select(rows => rows.Distinct().Take(60).ToArray()).ToArbitrary(),
            Gen.Choose(0, 10_000).ToArbitrary(),
            (Row[] rows, int seed) =>
            {
                PingTable pings = Table(rows);
                var random = new Random(seed);
                bool[] keep = [.. Enumerable.Range(0, pings.Count).Select(_ => random.Next(2) == 0)];
                WhatIfMitigation subsample = WhatIfMitigation.Subsample(0.5, (ulong)seed);

                // Filter first (dropping devices renumbers them), or sub-sample first and filter the same rows after.
                Row[] filterThenSample = Of(Mitigations.Apply(pings.Filter(keep, dropEmptyDevices: true), subsample, MitigationContext.None));
                Row[] sampled = Of(Mitigations.Apply(pings, subsample, MitigationContext.None));
                var keptRows = Of(pings).Where((_, i) => keep[i]).ToHashSet();
                Row[] sampleThenFilter = [.. sampled.Where(keptRows.Contains)];

                // And the same rows given in reverse order, as a partition would see them.
                Row[] reversed = Of(Mitigations.Apply(Table([.. rows.Reverse()]), subsample, MitigationContext.None));

                return filterThenSample.SequenceEqual(sampleThenFilter) && reversed.SequenceEqual(sampled);
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Uniform_numbers_do_not_depend_on_anything_but_seed_id_and_time()
    {
        ulong hash = Subsampling.DeviceHash(42, "device-1");

        Assert.Equal(Subsampling.Uniform(hash, 1_700_000_000_000), Subsampling.Uniform(Subsampling.DeviceHash(42, "device-1"), 1_700_000_000_000));
        Assert.NotEqual(hash, Subsampling.DeviceHash(43, "device-1"));
        Assert.NotEqual(hash, Subsampling.DeviceHash(42, "device-2"));
        Assert.InRange(Subsampling.Uniform(hash, long.MinValue), 0.0, 1.0 - double.Epsilon);
    }

    private static PingTable SpreadTable(int devices, int pingsPerDevice)
    {
        var rows = new Row[devices * pingsPerDevice];
        for (int d = 0; d < devices; d++)
        {
            for (int p = 0; p < pingsPerDevice; p++)
            {
                rows[(d * pingsPerDevice) + p] = new Row($"maid-{d:D5}", 1_700_000_000_000 + (p * 60_000L), 48.85 + (d * 1e-4), 2.35, 10f);
            }
        }

        return Table(rows);
    }
}
