using AdintAudit.Audit;
using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Risk.Mitigation;
using AdintAudit.Sites;
using AdintAudit.Tests.Mobility;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Audit;

/// <summary><see cref="WhatIfSample"/> and <see cref="WhatIfRunner"/> on a device sample.</summary>
public sealed class WhatIfSampleTests
{
    private static readonly AuditOptions s_options = new AuditOptions() with
    {
        Pipeline = new PipelineOptions { TimeZone = "Europe/Berlin" },
        WhatIfs = [.. Mitigations.Defaults.Take(3)],
    };

    private static readonly Lazy<MobilityRun> s_baseline = new(() => MobilityPipeline.Run(PartitionSplit.City.Pings, PipelineStage.Homes, s_options.Pipeline));

    private static WhatIfSample SampleOfSplit(MobilityRun baseline, int partitions, ulong seed, double rate)
    {
        PingTable used = baseline.Used;
        (PingTable[] parts, int[][] global) = PartitionSplit.Split(used, baseline.Quality!.IpLike, PartitionSplit.Assign(used.DeviceCount, partitions, seed),
            partitions, out bool[][] ipLike);
        return WhatIfSample.Merge([.. parts.Select((p, i) => WhatIfSample.CollectPartial(p, ipLike[i], global[i], rate))], used.DeviceCount,
            baseline.LocalTime, rate);
    }

    private static void AssertSameSample(WhatIfSample expected, WhatIfSample actual)
    {
        Assert.Equal(expected.Pings.DeviceIds, actual.Pings.DeviceIds);
        Assert.Equal(expected.Pings.DeviceStart.ToArray(), actual.Pings.DeviceStart.ToArray());
        Assert.Equal(expected.Pings.Device.ToArray(), actual.Pings.Device.ToArray());
        Assert.Equal(expected.Pings.TimeMs.ToArray(), actual.Pings.TimeMs.ToArray());
        Assert.Equal(expected.Pings.Lat.ToArray(), actual.Pings.Lat.ToArray());
        Assert.Equal(expected.Pings.Lon.ToArray(), actual.Pings.Lon.ToArray());
        Assert.Equal(expected.Pings.AccuracyM.ToArray(), actual.Pings.AccuracyM.ToArray());
        Assert.Equal(expected.IpLike.ToArray(), actual.IpLike.ToArray());
        Assert.Equal(expected.TotalDevices, actual.TotalDevices);
        Assert.Equal(expected.TotalPings, actual.TotalPings);
    }

    [Fact]
    public void RateFor_is_one_below_the_cap_and_the_cap_over_the_rows_above_it()
    {
        Assert.Equal(1, WhatIfSample.RateFor(10, 2_000_000));
        Assert.Equal(1, WhatIfSample.RateFor(2_000_000, 2_000_000));
        Assert.Equal(2 / 3.0, WhatIfSample.RateFor(3_000_000, 2_000_000)); // 2,000,000 / 3,000,000
    }

    [Fact]
    public void IsSampled_depends_on_the_id_alone_and_keeps_about_the_rate()
    {
        string[] ids = [.. Enumerable.Range(0, 20_000).Select(i => $"device-{i}")];

        int kept = ids.Count(id => WhatIfSample.IsSampled(id, 0.25));

        // Binomial(20,000, 0.25): sd = √(20,000 · 0.25 · 0.75) ≈ 61; ±400 is more than 6 sd.
        Assert.InRange(kept, 4_600, 5_400);
        Assert.All(ids.Take(100), id => Assert.Equal(WhatIfSample.IsSampled(id, 0.25), WhatIfSample.IsSampled(new string(id.ToCharArray()), 0.25)));
        Assert.All(ids.Take(100), id => Assert.True(WhatIfSample.IsSampled(id, 1)));
        Assert.All(ids.Where(id => WhatIfSample.IsSampled(id, 0.1)).Take(100), id => Assert.True(WhatIfSample.IsSampled(id, 0.25))); // nested samples
    }

    [Fact]
    public void Below_the_cap_the_sample_is_every_device_and_the_table_equals_the_baseline_run()
    {
        MobilityRun baseline = s_baseline.Value;
        SiteCatalog sites = PartitionSplit.City.Sites;
        CancellationToken ct = TestContext.Current.CancellationToken;
        bool[] atSite = SiteExposureAnalyzer.AtSiteMask(baseline.Used, sites, s_options.Sites, ct);

        // The baseline API reuses the baseline as "before"; the sample API recomputes it from the sample's pings.
        WhatIfTable fromBaseline = WhatIfRunner.Run(baseline, sites, atSite, s_options, null, ct);
        WhatIfTable fromSample = WhatIfRunner.Run(WhatIfSample.FromRun(baseline, s_options.WhatIfMaxPings), sites, s_options, null, ct);

        Assert.Equal(18, fromBaseline.Rows.Count); // 3 mitigations × 6 metrics
        Assert.Equal(fromBaseline.Rows, fromSample.Rows);
        Assert.Equal(baseline.Used.DeviceCount, fromSample.SampledDevices);
        Assert.Equal(fromSample.TotalDevices, fromSample.SampledDevices);
        Assert.Equal(baseline.Used.Count, fromBaseline.SampledPings);
    }

    [Fact]
    public void The_merged_sample_does_not_depend_on_the_split()
    {
        MobilityRun baseline = s_baseline.Value;
        WhatIfSample whole = SampleOfSplit(baseline, 1, 0, 0.4);

        Prop.ForAll(PartitionSplit.Assignments, split =>
        {
            AssertSameSample(whole, SampleOfSplit(baseline, split.Partitions, split.Seed, 0.4));
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(30));

        Assert.Equal(baseline.Used.DeviceIds.Where(id => WhatIfSample.IsSampled(id, 0.4)), whole.Pings.DeviceIds);
        Assert.InRange(whole.Pings.DeviceCount, 1, baseline.Used.DeviceCount - 1);
    }

    [Fact]
    public void A_sample_of_no_device_still_gives_a_table()
    {
        MobilityRun baseline = s_baseline.Value;
        WhatIfSample none = SampleOfSplit(baseline, 2, 3, 1e-9);

        WhatIfTable table = WhatIfRunner.Run(none, PartitionSplit.City.Sites, s_options, null, TestContext.Current.CancellationToken);

        Assert.Equal(0, none.Pings.DeviceCount);
        Assert.Equal(0, table.SampledDevices);
        Assert.Equal(baseline.Used.DeviceCount, table.TotalDevices);
    }

    [Fact]
    public void Above_the_cap_the_table_states_the_sample()
    {
        MobilityRun baseline = s_baseline.Value;
        AuditOptions capped = s_options with { WhatIfMaxPings = baseline.Input.Count / 3 };

        WhatIfTable table = WhatIfRunner.Run(baseline, null, null, capped, null, TestContext.Current.CancellationToken);

        Assert.Equal(15, table.Rows.Count); // 3 mitigations × 5 metrics (no sites)
        Assert.InRange(table.SampledDevices, 1, baseline.Used.DeviceCount - 1);
        Assert.InRange(table.SampledPings, 1, baseline.Used.Count - 1);
        Assert.Equal(baseline.Used.DeviceCount, table.TotalDevices);
        Assert.Equal(baseline.Used.Count, table.TotalPings);
        Assert.All(table.Rows, row => Assert.False(double.IsNaN(row.Before) && row.MetricId.StartsWith("unicity", StringComparison.Ordinal)));
    }
}
