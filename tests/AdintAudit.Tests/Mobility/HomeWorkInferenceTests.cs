using AdintAudit.Data;
using AdintAudit.Mobility;
using static AdintAudit.Tests.Mobility.MobilityFixtures;

namespace AdintAudit.Tests.Mobility;

public sealed class HomeWorkInferenceTests
{
    [Fact]
    public void Skmob_sparseTrace_nightWindowHomeIsH()
    {
        PingTable trace = SparseTrace();

        HomeWorkTable homes = HomeWorkInference.Infer(trace, null, null, new HomeWorkOptions { Method = HomeWorkMethod.Skmob }, LocalTime.Utc);

        Assert.Equal(HomeLat, homes.HomeLat[0]);
        Assert.Equal(HomeLon, homes.HomeLon[0]);
        Assert.True(double.IsNaN(homes.WorkLat[0]));
    }

    [Fact]
    public void Skmob_tieBetweenCoordinates_smallestLatLonWins()
    {
        PingTable pings = PingTable.FromRows(["d", "d"], [Ms("2024-01-15 23:00"), Ms("2024-01-15 23:30")], [45.2, 45.1], [7.0, 7.0]);

        HomeWorkTable homes = HomeWorkInference.Infer(pings, null, null, new HomeWorkOptions { Method = HomeWorkMethod.Skmob }, LocalTime.Utc);

        Assert.Equal(45.1, homes.HomeLat[0]);
    }

    [Fact]
    public void Skmob_noNightPing_argmaxOverAllPings()
    {
        PingTable pings = PingTable.FromRows(["d", "d", "d"], [Ms("2024-01-15 12:00"), Ms("2024-01-15 13:00"), Ms("2024-01-15 14:00")],
            [45.2, 45.3, 45.3], [7.0, 7.0, 7.0]);

        HomeWorkTable homes = HomeWorkInference.Infer(pings, null, null, new HomeWorkOptions { Method = HomeWorkMethod.Skmob }, LocalTime.Utc);

        Assert.Equal(45.3, homes.HomeLat[0]);
    }

    [Fact]
    public void Osna_wednesdayExample_homePlaceZeroWorkPlaceOne()
    {
        (StayTable stays, PlaceTable places) = OsnaExample("2021-05-19");

        HomeWorkTable homes = HomeWorkInference.Infer(Empty(), stays, places, new HomeWorkOptions { Method = HomeWorkMethod.Osna }, LocalTime.Utc);

        Assert.Equal(10.0, homes.HomeLat[0]);
        Assert.Equal(11.0, homes.WorkLat[0]);
    }

    [Fact]
    public void Osna_saturdayExample_noLabels()
    {
        (StayTable stays, PlaceTable places) = OsnaExample("2021-05-22");

        HomeWorkTable homes = HomeWorkInference.Infer(Empty(), stays, places, new HomeWorkOptions { Method = HomeWorkMethod.Osna }, LocalTime.Utc);

        Assert.True(double.IsNaN(homes.HomeLat[0]));
        Assert.True(double.IsNaN(homes.WorkLat[0]));
    }

    [Fact]
    public void Freq_longestTotalDurationIsHome_secondIsWork()
    {
        (StayTable stays, PlaceTable places) = OsnaExample("2021-05-19");

        HomeWorkTable homes = HomeWorkInference.Infer(Empty(), stays, places, new HomeWorkOptions { Method = HomeWorkMethod.Freq }, LocalTime.Utc);

        Assert.Equal(3, places.StayCount[0]);
        Assert.Contains(homes.HomeLat[0], new[] { 10.0, 11.0 });
        Assert.NotEqual(homes.HomeLat[0], homes.WorkLat[0]);
    }

    [Fact]
    public void Default_sparseTrace_homeIsHAndNoWorkFromOneDay()
    {
        PingTable trace = SparseTrace();
        StayTable stays = StayDetector.Detect(trace, localTime: LocalTime.Utc);
        PlaceTable places = PlaceClusterer.Cluster(stays);

        HomeWorkTable homes = HomeWorkInference.Infer(trace, stays, places, localTime: LocalTime.Utc);

        Assert.Equal(HomeLat, homes.HomeLat[0], 1e-9);
        Assert.Equal(HomeLon, homes.HomeLon[0], 1e-9);
        Assert.Equal(2, homes.HomeNights[0]);
        Assert.True(double.IsNaN(homes.WorkLat[0]));
    }

    [Fact]
    public void Default_threeWeekdaysAtWork_workIsFound()
    {
        var ids = new List<string>();
        var times = new List<long>();
        var lats = new List<double>();
        var lons = new List<double>();
        foreach (string day in new[] { "2024-01-15", "2024-01-16", "2024-01-17" })
        {
            foreach ((string hm, bool home) in new[] { ("06:00", true), ("06:50", true), ("09:30", false), ("12:00", false), ("16:30", false), ("22:30", true) })
            {
                ids.Add("w");
                times.Add(Ms($"{day} {hm}"));
                lats.Add(home ? HomeLat : WorkLat);
                lons.Add(home ? HomeLon : WorkLon);
            }
        }

        PingTable pings = PingTable.FromRows([.. ids], [.. times], [.. lats], [.. lons]);
        StayTable stays = StayDetector.Detect(pings, localTime: LocalTime.Utc);
        PlaceTable places = PlaceClusterer.Cluster(stays);

        HomeWorkTable homes = HomeWorkInference.Infer(pings, stays, places, localTime: LocalTime.Utc);

        Assert.Equal(HomeLat, homes.HomeLat[0], 1e-9);
        Assert.Equal(WorkLat, homes.WorkLat[0], 1e-9);
        Assert.Equal(3, homes.WorkDays[0]);
        Assert.InRange(homes.HomeConfidence[0], 0.0, 1.0);
    }

    private static PingTable Empty() => PingTable.FromRows(["u"], [0], [0.0], [0.0]);

    /// <summary>OSNA case of §5: 1-hour stays; place 0 at 07:00, 01:00, 18:00; place 1 at 07:00, 18:00, 18:00; place 2 at 01:00.</summary>
    private static (StayTable, PlaceTable) OsnaExample(string date)
    {
        (double Lat, string Start)[] rows =
        [
            (10.0, "07:00"), (10.0, "01:00"), (10.0, "18:00"), (11.0, "07:00"), (11.0, "18:00"), (11.0, "18:00"), (12.0, "01:00"),
        ];
        var columns = new StayColumns();
        foreach ((double lat, string start) in rows.OrderBy(r => r.Start, StringComparer.Ordinal))
        {
            long s = Ms($"{date} {start}");
            columns.Add(0, lat, 20.0, s, s + 3_600_000, 2, 0, 0, 0, 0);
        }

        var stays = new StayTable(["u"], [0, columns.Count], columns, StayMethod.Trackintel);
        return (stays, PlaceClusterer.Cluster(stays, new PlaceOptions { Method = PlaceMethod.Trackintel }));
    }
}
