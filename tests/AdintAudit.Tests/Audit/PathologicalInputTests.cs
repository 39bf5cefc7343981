using AdintAudit.Audit;
using AdintAudit.Geo;
using AdintAudit.Mobility;
using AdintAudit.Risk.Mitigation;

namespace AdintAudit.Tests.Audit;

/// <summary>
/// Issue 11 (part B): each pathological but valid input runs the whole audit (default options, what-ifs included) to
/// completion with sane figures. Sizes are what CI affords in seconds; the full sizes and the scaling checks are in the
/// benchmarks' <c>stress</c> entry (scripts/stress.sh). No timing is asserted here.
/// </summary>
public sealed class PathologicalInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("adint-pathological-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void One_device_with_a_million_pings_finds_its_home()
    {
        AuditResult r = Run(PathologicalCase.OneDeviceManyPings, 1_000_000);

        // One ping per 30 s: 1,000,000 × 30 s ≈ 347 days, at home from 18:00 to 08:00 UTC (UTC+0 from longitude 2.35°).
        Assert.Equal(1, r.Profile.Devices);
        Assert.Equal(1_000_000, r.Profile.Pings);
        HomeWorkTable homes = r.Mobility.Homes;
        Assert.True(Haversine.Meters(homes.HomeLat[0], homes.HomeLon[0], 48.85, 2.35) < 100, "home at the night place");
        Assert.InRange(r.Mobility.Stays.Count, 600, 800); // two stays a day (home, work) over ≈ 347 days
        Assert.Equal(0, r.Linkage.Summary.CoLocated.LinkedPairs);
        AssertWhatIfsRan(r);
    }

    [Fact]
    public void Many_devices_with_one_ping_each_have_no_stays()
    {
        AuditResult r = Run(PathologicalCase.ManyDevicesOnePing, 500_000);

        Assert.Equal(500_000, r.Profile.Devices);
        Assert.Equal(0, r.Mobility.Stays.Count);
        Assert.Equal(0, r.Linkage.Summary.CoLocated.LinkedPairs);
        // One ping: only p = 1 point has eligible devices; larger p have none and report NaN, not a made-up share.
        Assert.All(r.Unicity.Curves, c => Assert.All(c.Points, p => Assert.True(p.P == 1 ? p.Expected is >= 0 and <= 1 : p.EligibleDevices == 0 && double.IsNaN(p.Expected))));
        AssertWhatIfsRan(r);
    }

    [Fact]
    public void All_pings_at_one_coordinate_complete()
    {
        AuditResult r = Run(PathologicalCase.OneCoordinate, 500_000);

        // 1,000 devices × 500 pings at one exact coordinate: the quality screen flags it as a shared default coordinate
        // (≥ SharedCoordinateMinDevices devices), so it yields no stays and no co-location pairs rather than 1000²/2.
        Assert.Equal(PathologicalPings.OneCoordinateDevices(500_000), r.Profile.Devices);
        Assert.Equal(500_000, r.Profile.Pings);
        int devices = r.Profile.Devices;
        Assert.InRange(r.Linkage.Summary.CoLocated.LinkedPairs, 0, devices * (devices - 1) / 2);
        AssertWhatIfsRan(r);
    }

    [Fact]
    public void Timestamps_from_1970_to_2100_complete_with_a_time_zone()
    {
        AuditResult r = Run(PathologicalCase.Timestamps1970To2100, 200_000, new AuditOptions { Pipeline = new PipelineOptions { TimeZone = "Europe/Paris" } });

        // 200 devices × 1,000 pings spread over 130 years (47,482 days, below LocalTime's 200,000-day cache limit).
        Assert.Equal(200, r.Profile.Devices);
        Assert.Equal(200_000, r.Profile.Pings);
        Assert.True(r.Quality.WindowEndMs > r.Quality.WindowStartMs);
        Assert.True(r.Mobility.KeptPingsTotal <= 200_000);
        AssertWhatIfsRan(r);
    }

    [Fact]
    public void One_device_with_every_ping_at_one_instant_has_no_stay()
    {
        AuditResult r = Run(PathologicalCase.OneTimestamp, 200_000);

        Assert.Equal(1, r.Profile.Devices);
        Assert.Equal(0, r.Mobility.Stays.Count); // a stay needs 20 minutes
        AssertWhatIfsRan(r);
    }

    [Fact]
    public void NaN_accuracy_everywhere_still_finds_homes()
    {
        AuditResult r = Run(PathologicalCase.NaNAccuracy, 200_000);

        // 1,000 devices × 200 pings every 5 min (16.7 h each): unknown accuracy counts as UnknownAccuracyMeters, not as bad.
        Assert.Equal(1_000, r.Profile.Devices);
        Assert.True(r.Mobility.Stays.Count >= 1_000, $"{r.Mobility.Stays.Count} stays");
        HomeWorkTable homes = r.Mobility.Homes;
        int withHome = 0;
        for (int d = 0; d < homes.Count; d++)
        {
            withHome += double.IsNaN(homes.HomeLat[d]) ? 0 : 1;
        }

        Assert.True(withHome > 0, "some homes inferred");
        AssertWhatIfsRan(r);
    }

    private AuditResult Run(PathologicalCase kind, long pings, AuditOptions? options = null)
    {
        string path = Path.Combine(_folder, kind + ".parquet");
        PathologicalPings.Write(path, kind, pings);
        return AuditRunner.Run(new AuditInput([path]), options, cancellationToken: TestContext.Current.CancellationToken);
    }

    private static void AssertWhatIfsRan(AuditResult r)
    {
        Assert.NotEmpty(r.WhatIfs.Rows);
        foreach (WhatIfRow row in r.WhatIfs.Rows)
        {
            Assert.True(double.IsNaN(row.After) || row.After is >= 0 and <= 1, $"{row.MitigationLabel} {row.MetricId} = {row.After}");
        }
    }
}
