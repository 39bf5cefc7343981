using System.Globalization;
using System.Text;
using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Sites;
using AdintAudit.Tests.Mobility;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Sites;

/// <summary><see cref="SiteHits"/>: exposure from the pings at sites only, collected per partition.</summary>
public sealed class SiteHitsTests
{
    private static readonly Lazy<MobilityRun> s_run = new(() =>
        MobilityPipeline.Run(PartitionSplit.City.Pings, PipelineStage.Homes, new PipelineOptions { TimeZone = "Europe/Berlin" }));

    /// <summary>Set sizes 1 for even devices, 2 for odd ones: enough to check that they are looked up by global device.</summary>
    private static int[] SetSizes(int devices) => [.. Enumerable.Range(0, devices).Select(d => 1 + (d % 2))];

    /// <summary>Every figure of the result, as text with round-trip numbers (the records hold lists, compared by reference).</summary>
    private static string Describe(SiteExposureResult r)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{r.PingsCounted} {r.PingsAtAnySite} {r.DevicesAtAnySite} {r.FollowedHomeAtAnySite}\n");
        foreach (SiteExposure s in r.Sites)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{s.Site.Index} {s.Devices} {s.Pings} {s.Days} {s.DwellMs} {s.FollowedHome} {s.MedianHomeDistanceMeters:R} {s.HomesWithin1Km} ");
            text.Append(CultureInfo.InvariantCulture, $"{s.HomesWithin5Km} {s.UniqueByHomeWork} {s.Staff} [");
            text.AppendJoin(' ', s.HomeDistanceMeters.Select(m => m.ToString("R", CultureInfo.InvariantCulture))).Append("]\n");
        }

        foreach (CategoryExposure c in r.Categories)
        {
            text.Append(CultureInfo.InvariantCulture, $"{c}\n");
        }

        return text.ToString();
    }

    private static SiteExposureResult FromSplit(int partitions, ulong seed)
    {
        MobilityRun run = s_run.Value;
        PingTable used = run.Used;
        (PingTable[] parts, int[][] global) = PartitionSplit.Split(used, PartitionSplit.Assign(used.DeviceCount, partitions, seed), partitions);
        SiteCatalog sites = PartitionSplit.City.Sites;
        CancellationToken ct = TestContext.Current.CancellationToken;
        SiteHits hits = SiteHits.Merge([.. parts.Select((p, i) => SiteHits.CollectPartial(p, global[i], sites, ct: ct))], used.DeviceCount);
        return SiteExposureAnalyzer.Compute(hits, sites, run.Stays, run.Homes, run.LocalTime, SetSizes(used.DeviceCount), ct: ct);
    }

    [Fact]
    public void Exposure_from_merged_hits_equals_the_exposure_over_all_pings_for_any_split()
    {
        MobilityRun run = s_run.Value;
        string whole = Describe(SiteExposureAnalyzer.Compute(run.Used, PartitionSplit.City.Sites, run.Stays, run.Homes, run.LocalTime,
            SetSizes(run.Used.DeviceCount), ct: TestContext.Current.CancellationToken));

        Prop.ForAll(PartitionSplit.Assignments, split => Describe(FromSplit(split.Partitions, split.Seed)) == whole)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    [Fact]
    public void Hits_hold_only_pings_at_sites_and_count_every_counted_ping()
    {
        MobilityRun run = s_run.Value;
        PingTable used = run.Used;
        SiteCatalog sites = PartitionSplit.City.Sites;
        var options = new SiteExposureOptions();
        bool[] atSite = SiteExposureAnalyzer.AtSiteMask(used, sites, options, TestContext.Current.CancellationToken);
        long counted = 0;
        foreach (float a in used.AccuracyM)
        {
            counted += float.IsNaN(a) || a <= options.MaxAccuracyMeters ? 1 : 0;
        }

        CancellationToken ct = TestContext.Current.CancellationToken;
        SiteHits hits = SiteHits.Merge([SiteHits.CollectPartial(used, Enumerable.Range(0, used.DeviceCount).ToArray(), sites, ct: ct)], used.DeviceCount);
        SiteExposureResult exposure = SiteExposureAnalyzer.Compute(hits, sites, run.Stays, run.Homes, run.LocalTime, ct: ct);

        Assert.Equal(atSite.Count(a => a), hits.Pings.Count);
        Assert.True(hits.Pings.Count > 0);
        Assert.True(hits.Pings.Count < used.Count / 10); // the point: a small table
        Assert.Equal(used.DeviceIds, hits.Pings.DeviceIds);
        Assert.Equal(counted, hits.PingsCounted);
        Assert.Equal(counted, exposure.PingsCounted);
        Assert.Equal(hits.Pings.Count, exposure.PingsAtAnySite);
        Assert.True(exposure.FollowedHomeAtAnySite > 0);
    }

    [Fact]
    public void Hand_built_scenario_gives_the_same_exposure_from_two_partitions()
    {
        PingTable pings = SiteExposureAnalyzerTests.Pings();
        SiteCatalog sites = SiteExposureAnalyzerTests.Sites();
        (PingTable[] parts, int[][] global) = PartitionSplit.Split(pings, PartitionSplit.Assign(pings.DeviceCount, 2, 3), 2);

        CancellationToken ct = TestContext.Current.CancellationToken;

        SiteHits hits = SiteHits.Merge([.. parts.Select((p, i) => SiteHits.CollectPartial(p, global[i], sites, ct: ct))], pings.DeviceCount);

        Assert.Equal(Describe(SiteExposureAnalyzer.Compute(pings, sites, null, null, null, ct: ct)),
            Describe(SiteExposureAnalyzer.Compute(hits, sites, null, null, null, ct: ct)));
    }
}
