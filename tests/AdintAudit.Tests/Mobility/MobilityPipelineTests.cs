using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Quality;
using FsCheck;
using FsCheck.Fluent;
using static AdintAudit.Tests.Quality.QualityPartitions;

namespace AdintAudit.Tests.Mobility;

public sealed class MobilityPipelineTests
{
    [Fact]
    public void Run_partitionsWithMergedFactsAndClock_giveEachDeviceTheWholeRunsStaysAndHomes() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            Gen.Choose(2, 4).ToArbitrary(),
            Gen.Elements<string?>(null, "Europe/Berlin").ToArbitrary(),
            (seed, parts, zone) =>
            {
                PingTable whole = GeneratedData.Mixed.Pings;
                var options = new PipelineOptions { TimeZone = zone };
                Partition[] partitions = Split(whole, parts, seed);

                MobilityRun expected = MobilityPipeline.Run(whole, PipelineStage.Homes, options);
                (QualityFacts facts, QualityScan[] scans) = ScanAll(partitions, options.Quality);
                LocalTime clock = MobilityPipeline.LocalClock(scans, zone);
                MobilityRun[] runs = [.. partitions.Select(p => MobilityPipeline.Run(p.Table, PipelineStage.Homes, options, facts, clock, p.GlobalDevice))];

                Assert.Equal(expected.LocalTime.Description, clock.Description);
                AssertEqual(expected.Quality!.Report, QualityScreen.MergeReports([.. runs.Select(r => r.Quality!.Partial)]));
                for (int p = 0; p < parts; p++)
                {
                    Assert.Same(clock, runs[p].LocalTime);
                    for (int d = 0; d < partitions[p].Table.DeviceCount; d++)
                    {
                        AssertSameStaysAndHome(expected, partitions[p].GlobalDevice[d], runs[p], d);
                    }
                }

                return true;
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(3));

    [Fact]
    public void LocalClock_oneScanOfATable_isTheClockOfItsCleanedTable() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            Gen.Elements<string?>(null, "Europe/Berlin").ToArbitrary(),
            (seed, zone) =>
            {
                PingTable table = RandomTable(seed);
                QualityOptions options = RandomOptions(seed);

                PingTable clean = QualityScreen.Screen(table, options).Clean;
                (_, QualityScan[] scans) = ScanAll([new Partition(table, [])], options);
                LocalTime clock = MobilityPipeline.LocalClock(scans, zone);
                LocalTime expected = zone is null
                    ? LocalTime.FromMedianLongitude(clean)
                    : LocalTime.FromTimeZone(zone, clean.Count == 0 ? long.MaxValue : clean.TimeMs.ToArray().Min(), clean.Count == 0 ? long.MinValue : clean.TimeMs.ToArray().Max());

                Assert.Equal(expected.Description, clock.Description);
                Assert.Equal(expected.ToLocalMs(BaseMs), clock.ToLocalMs(BaseMs));
                return true;
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(200));

    [Fact]
    public void Run_givenFactsAndClock_usesThemInsteadOfTheTablesOwn()
    {
        // The table's own window would keep both pings; the given facts' window [0, 1 h) keeps only the first.
        const long Hour = 3_600_000;
        PingTable pings = PingTable.FromRows(["a", "a"], [Hour / 2, 2 * Hour], [52.5, 52.5001], [13.4, 13.4001]);
        var options = new PipelineOptions { Quality = new QualityOptions { WindowStartMs = 0, WindowEndMs = Hour } };
        (QualityFacts facts, _) = ScanAll([new Partition(pings, [])], options.Quality);
        LocalTime clock = LocalTime.Fixed(TimeSpan.FromHours(3));

        MobilityRun run = MobilityPipeline.Run(pings, PipelineStage.Stays, new PipelineOptions(), facts, clock);

        Assert.Same(clock, run.LocalTime);
        Assert.Equal(1, run.Used.Count);
        Assert.Equal(1, run.Quality!.Report.Checks.Single(c => c.Name == "outside_window").Pings);
    }

    private static void AssertSameStaysAndHome(MobilityRun whole, int global, MobilityRun part, int local)
    {
        StayTable a = whole.Stays!;
        StayTable b = part.Stays!;
        Assert.Equal(a.DeviceIds[global], b.DeviceIds[local]);
        var sa = new Range(a.DeviceStart[global], a.DeviceStart[global + 1]);
        var sb = new Range(b.DeviceStart[local], b.DeviceStart[local + 1]);
        Assert.Equal(a.Lat[sa].ToArray(), b.Lat[sb].ToArray());
        Assert.Equal(a.Lon[sa].ToArray(), b.Lon[sb].ToArray());
        Assert.Equal(a.StartMs[sa].ToArray(), b.StartMs[sb].ToArray());
        Assert.Equal(a.EndMs[sa].ToArray(), b.EndMs[sb].ToArray());
        Assert.Equal(a.PingCount[sa].ToArray(), b.PingCount[sb].ToArray());
        Assert.Equal(a.Nights[sa].ToArray(), b.Nights[sb].ToArray());
        Assert.Equal(a.BridgedGapMs[sa].ToArray(), b.BridgedGapMs[sb].ToArray());
        int rowA = whole.Used.DeviceStart[global];
        int rowB = part.Used.DeviceStart[local];
        Assert.Equal(a.FirstPing[sa].ToArray().Select(r => r - rowA), b.FirstPing[sb].ToArray().Select(r => r - rowB));
        Assert.Equal(a.LastPing[sa].ToArray().Select(r => r - rowA), b.LastPing[sb].ToArray().Select(r => r - rowB));

        HomeWorkTable ha = whole.Homes!;
        HomeWorkTable hb = part.Homes!;
        Assert.Equal(ha.HomeLat[global], hb.HomeLat[local]);
        Assert.Equal(ha.HomeLon[global], hb.HomeLon[local]);
        Assert.Equal(ha.WorkLat[global], hb.WorkLat[local]);
        Assert.Equal(ha.WorkLon[global], hb.WorkLon[local]);
        Assert.Equal(ha.HomeNights[global], hb.HomeNights[local]);
        Assert.Equal(ha.WorkDays[global], hb.WorkDays[local]);
    }
}
