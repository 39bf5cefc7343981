using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Sites;

namespace AdintAudit.Tests.Sites;

/// <summary>
/// A hand-built scenario. Site A ("clinic", medical): the square lon 13.40–13.41, lat 52.50–52.51, centroid
/// (52.505, 13.405). Site B (7, religious): a point at (52.60, 13.405) with radius 200 m. Every home lies on the meridian
/// 13.405, so each home distance is Δlat · 111,194.93 m (6,371,000 m · π / 180 per degree). Times are UTC.
/// </summary>
public sealed class SiteExposureAnalyzerTests
{
    internal const string Scenario = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"site_id":"clinic","name":"Clinic A","category":"medical"},
          "geometry":{"type":"Polygon","coordinates":[[[13.40,52.50],[13.41,52.50],[13.41,52.51],[13.40,52.51],[13.40,52.50]]]}},
         {"type":"Feature","properties":{"site_id":7,"name":"Temple B","category":"religious","radius_m":200},
          "geometry":{"type":"Point","coordinates":[13.405,52.60]}}]}
        """;

    private const long Day1 = 1_704_067_200_000; // 2024-01-01 00:00 UTC
    private const long Day2 = Day1 + 86_400_000;
    private const long Hour = 3_600_000;

    internal static SiteCatalog Sites() => SiteCatalog.Parse(System.Text.Encoding.UTF8.GetBytes(Scenario), "scenario.geojson");

    internal static PingTable Pings()
    {
        const double InA = 52.505;
        const double BNorth100 = 52.6008993; // 52.60 + 100 m / 111,194.93 m per degree: inside B's 200 m
        const double BNorth300 = 52.6026980; // 300 m north of B: outside
        (string Id, long Time, double Lat, double Lon, float Accuracy)[] rows =
        [
            ("d1", Day1 + (10 * Hour), InA, 13.405, 10f),          // A, day 1
            ("d1", Day1 + (11 * Hour), InA, 13.402, 50f),          // A, day 1
            ("d1", Day2 + (10 * Hour), InA, 13.408, float.NaN),    // A, day 2: unknown accuracy counts by default
            ("d1", Day2 + (12 * Hour), 52.0, 13.0, 5f),            // nowhere
            ("d2", Day1 + (9 * Hour), BNorth100, 13.405, 20f),     // B, day 1
            ("d2", Day1 + (12 * Hour), InA, 13.405, 150f),         // A but accuracy 150 > 100: not counted
            ("d3", Day1 + (8 * Hour), BNorth300, 13.405, 5f),      // outside B
            ("d3", Day2 + (8 * Hour), InA, 13.405, 100f),          // A, day 2: accuracy 100 <= 100 counts
            ("d4", Day1 + (13 * Hour), InA, 13.405, 5f),           // A, day 1
            ("d4", Day2 + (14 * Hour), 52.60, 13.405, 5f),         // B, day 2
            ("d5", Day1 + (7 * Hour), 52.3, 13.2, 5f),             // nowhere
            ("d5", Day1 + (8 * Hour), InA, 13.405, 500f),          // A but accuracy 500: not counted
        ];
        return PingTable.FromRows([.. rows.Select(r => r.Id)], [.. rows.Select(r => r.Time)], [.. rows.Select(r => r.Lat)],
            [.. rows.Select(r => r.Lon)], [.. rows.Select(r => r.Accuracy)]);
    }

    internal static HomeWorkTable Homes(PingTable pings)
    {
        var homes = new HomeWorkTable(pings.DeviceIdArray, HomeWorkMethod.Default, "UTC");
        // Devices: d1 = 0, d2 = 1, d3 = 2, d4 = 3, d5 = 4 (ordinal order of the ids).
        (homes.HomeLatArray[0], homes.HomeLonArray[0]) = (52.49, 13.405); // 0.015° south of A's centroid: 1,667.92 m
        (homes.HomeLatArray[2], homes.HomeLonArray[2]) = (52.55, 13.405); // 0.045° north of A: 5,003.77 m
        (homes.HomeLatArray[3], homes.HomeLonArray[3]) = (52.51, 13.405); // 0.005° from A: 555.97 m; 0.09° from B: 10,007.54 m
        (homes.WorkLatArray[0], homes.WorkLonArray[0]) = (52.0, 13.0);    // far from both sites
        (homes.WorkLatArray[1], homes.WorkLonArray[1]) = (52.603, 13.405); // 333.58 m from B's centre: 133.58 m outside, > 50 m
        (homes.WorkLatArray[2], homes.WorkLonArray[2]) = (52.505, 13.405); // inside A: staff of A
        // 30 m east of A's east edge: 30 / (111,194.93 · cos 52.505°) = 0.00044324° of longitude; within 50 m: staff of A.
        (homes.WorkLatArray[3], homes.WorkLonArray[3]) = (52.505, 13.41 + 0.00044324);
        (homes.WorkLatArray[4], homes.WorkLonArray[4]) = (52.6021584, 13.405); // 240 m from B's centre: 40 m outside, staff of B
        return homes;
    }

    private static StayTable Stays(PingTable pings)
    {
        var columns = new StayColumns();
        columns.Add(0, 52.505, 13.405, Day1 + (10 * Hour), Day1 + (11 * Hour), 2, 0, 1, 0, 0);        // d1 at A for 1 h
        columns.Add(2, 52.0, 13.0, Day1, Day1 + (2 * Hour), 3, 6, 6, 0, 0);                          // d3 nowhere
        columns.Add(3, 52.6001, 13.405, Day2 + (14 * Hour), Day2 + (14 * Hour) + 1_800_000, 2, 9, 9, 0, 0); // d4 at B for 30 min
        return new StayTable(pings.DeviceIdArray, columns.DeviceStarts(pings.DeviceCount), columns, StayMethod.Adtech);
    }

    [Fact]
    public void Compute_gives_the_hand_computed_figures_of_every_site()
    {
        PingTable pings = Pings();
        int[] setSizes = [1, 1, 2, 1, 0];

        SiteExposureResult result = SiteExposureAnalyzer.Compute(pings, Sites(), Stays(pings), Homes(pings), null, setSizes,
            ct: TestContext.Current.CancellationToken);

        // A: d1 3 pings (days 1, 1, 2), d3 1 ping (day 2), d4 1 ping (day 1); d2's and d5's A pings fail the accuracy filter.
        SiteExposure a = result.Sites[0];
        Assert.Equal("clinic", a.Site.SiteId);
        Assert.Equal((3, 5L, 2), (a.Devices, a.Pings, a.Days));
        Assert.Equal(3_600_000, a.DwellMs); // d1's 1-hour stay
        // Followed home: d1, d3, d4 → distances 555.97, 1,667.92, 5,003.77 m; median 1,667.92; ≤ 1 km: 1; ≤ 5 km: 2.
        Assert.Equal(3, a.FollowedHome);
        Assert.Equal([555.97, 1667.92, 5003.77], a.HomeDistanceMeters.Select(d => Math.Round(d, 2)));
        Assert.Equal(1667.92, a.MedianHomeDistanceMeters, 2);
        Assert.Equal((1, 2), (a.HomesWithin1Km, a.HomesWithin5Km));
        Assert.Equal(2, a.UniqueByHomeWork); // set sizes of d1, d3, d4 = 1, 2, 1
        Assert.Equal(2, a.Staff); // d3 (inside) and d4 (30 m outside)

        // B: d2 (day 1, 100 m from the centre) and d4 (day 2, at the centre); d3's ping 300 m away is outside.
        SiteExposure b = result.Sites[1];
        Assert.Equal("7", b.Site.SiteId);
        Assert.Equal((2, 2L, 2), (b.Devices, b.Pings, b.Days));
        Assert.Equal(1_800_000, b.DwellMs); // d4's stay centre is 11 m from B's centre
        Assert.Equal(1, b.FollowedHome); // d4 only: d2 has no home
        Assert.Equal(10_007.54, b.MedianHomeDistanceMeters, 2);
        Assert.Equal((0, 0), (b.HomesWithin1Km, b.HomesWithin5Km));
        Assert.Equal(1, b.UniqueByHomeWork); // d4 (d2 has set size 1 but no home, so it is not followed home)
        Assert.Equal(1, b.Staff); // d5, 40 m beyond the radius; d2's work is 133.58 m beyond it
    }

    [Fact]
    public void Compute_gives_the_hand_computed_totals()
    {
        PingTable pings = Pings();

        SiteExposureResult result = SiteExposureAnalyzer.Compute(pings, Sites(), null, Homes(pings), LocalTime.Utc,
            ct: TestContext.Current.CancellationToken);

        // Counted pings: all 12 but the accuracy-150 and accuracy-500 ones = 10; at a site: 5 (A) + 2 (B) = 7.
        Assert.Equal(10, result.PingsCounted);
        Assert.Equal(7, result.PingsAtAnySite);
        Assert.Equal(4, result.DevicesAtAnySite); // d1..d4
        Assert.Equal(3, result.FollowedHomeAtAnySite); // d1, d3, d4
        Assert.Null(result.Sites[0].DwellMs);
        Assert.Null(result.Sites[0].UniqueByHomeWork);
        Assert.Equal(["medical", "religious"], result.Categories.Select(c => c.Category));
        CategoryExposure medical = result.Categories[0];
        Assert.Equal((1, 1, 3, 5L, 3, 2), (medical.Sites, medical.SitesVisited, medical.Devices, medical.Pings, medical.FollowedHome, medical.Staff));
        CategoryExposure religious = result.Categories[1];
        Assert.Equal((1, 1, 2, 2L, 1, 1), (religious.Sites, religious.SitesVisited, religious.Devices, religious.Pings, religious.FollowedHome, religious.Staff));
    }

    [Fact]
    public void Compute_accuracy_options_change_what_counts()
    {
        PingTable pings = Pings();
        var strict = new SiteExposureOptions { IncludeUnknownAccuracy = false, MaxAccuracyMeters = 50 };

        SiteExposureResult result = SiteExposureAnalyzer.Compute(pings, Sites(), null, null, null, options: strict,
            ct: TestContext.Current.CancellationToken);

        // A keeps d1's accuracy-10 and -50 pings (day 1) and d4's (day 1): d1's NaN ping and d3's accuracy-100 one drop.
        Assert.Equal((2, 3L, 1), (result.Sites[0].Devices, result.Sites[0].Pings, result.Sites[0].Days));
        Assert.Equal(0, result.Sites[0].FollowedHome);
        Assert.True(double.IsNaN(result.Sites[0].MedianHomeDistanceMeters));
    }

    [Fact]
    public void AtSiteMask_flags_the_counted_pings_at_a_site()
    {
        PingTable pings = Pings();

        bool[] mask = SiteExposureAnalyzer.AtSiteMask(pings, Sites(), ct: TestContext.Current.CancellationToken);
        bool[] all = SiteExposureAnalyzer.AtSiteMask(pings, Sites(), new SiteExposureOptions { MaxAccuracyMeters = double.PositiveInfinity },
            TestContext.Current.CancellationToken);

        // Rows sorted by (device, time): d1 rows 0–3, d2 4–5, d3 6–7, d4 8–9, d5 10–11.
        Assert.Equal([true, true, true, false, true, false, false, true, true, true, false, false], mask);
        // Without the accuracy limit d2's accuracy-150 and d5's accuracy-500 pings in A are flagged too.
        Assert.Equal([true, true, true, false, true, true, false, true, true, true, false, true], all);
    }

    [Fact]
    public void Compute_rejects_tables_of_another_device_count()
    {
        PingTable pings = Pings();
        var oneDevice = new HomeWorkTable(["x"], HomeWorkMethod.Default, "UTC");

        Assert.Throws<ArgumentException>(() => SiteExposureAnalyzer.Compute(pings, Sites(), null, oneDevice, null, ct: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentException>(() => SiteExposureAnalyzer.Compute(pings, Sites(), null, null, null, [1, 2], ct: TestContext.Current.CancellationToken));
    }
}
