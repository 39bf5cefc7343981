using AdintAudit.Data;
using AdintAudit.Mobility;
using static AdintAudit.Tests.Mobility.MobilityFixtures;

namespace AdintAudit.Tests.Mobility;

/// <summary>
/// Devices without places, whose home or work can only come from orphan pings: the clustering of their orphans is
/// skipped when the orphans have too few distinct nights (weekdays) to decide, and must give the same result either side
/// of that bound.
/// </summary>
public sealed class HomeWorkInferenceOrphanTests
{
    /// <summary>
    /// Lone pings (a single ping never lasts the 20 minutes of a stay, so no device has a stay or a place), all UTC:
    /// "night2" at home at 23:00 on Mon 15 and Tue 16 Jan 2024 (two nights); "night1" once (one night);
    /// "work3" at work at 12:00 on Mon 15, Tue 16 and Wed 17 (three weekdays); "work2" on Mon 15 and Tue 16 only.
    /// </summary>
    private static PingTable LonePings()
    {
        (string Id, string Time, bool Home)[] rows =
        [
            ("night1", "2024-01-15 23:00", true),
            ("night2", "2024-01-15 23:00", true), ("night2", "2024-01-16 23:00", true),
            ("work2", "2024-01-15 12:00", false), ("work2", "2024-01-16 12:00", false),
            ("work3", "2024-01-15 12:00", false), ("work3", "2024-01-16 12:00", false), ("work3", "2024-01-17 12:00", false),
        ];
        return PingTable.FromRows(
            [.. rows.Select(r => r.Id)],
            [.. rows.Select(r => Ms(r.Time))],
            [.. rows.Select(r => r.Home ? HomeLat : WorkLat)],
            [.. rows.Select(r => r.Home ? HomeLon : WorkLon)],
            [.. rows.Select(_ => 10f)]);
    }

    [Fact]
    public void Default_devicesWithoutPlaces_homeAndWorkFromOrphansOnlyWithEnoughNightsOrDays()
    {
        PingTable pings = LonePings();
        StayTable stays = StayDetector.Detect(pings, localTime: LocalTime.Utc);
        PlaceTable places = PlaceClusterer.Cluster(stays);

        HomeWorkTable homes = HomeWorkInference.Infer(pings, stays, places, localTime: LocalTime.Utc);

        // Device order is ordinal: night1, night2, work2, work3.
        Assert.Equal(0, stays.Count);
        Assert.Equal(["night1", "night2", "work2", "work3"], pings.DeviceIds.ToArray());

        // night1: one night < MinHomeNights 2, no weekday ping: nothing.
        Assert.True(double.IsNaN(homes.HomeLat[0]));
        Assert.True(double.IsNaN(homes.WorkLat[0]));

        // night2: one orphan cluster with 2 nights: home at its mean, (HomeLat + HomeLat) / 2 = HomeLat exactly; no place
        // id; confidence 2 of 2 nights × min(1, 2 / 5) = 0.4.
        Assert.Equal(HomeLat, homes.HomeLat[1]);
        Assert.Equal(HomeLon, homes.HomeLon[1]);
        Assert.Equal(-1, homes.HomePlace[1]);
        Assert.Equal(2, homes.HomeNights[1]);
        Assert.Equal(0.4, homes.HomeConfidence[1], 1e-12);
        Assert.True(double.IsNaN(homes.WorkLat[1]));

        // work2: two weekdays < MinWorkDays 3: nothing.
        Assert.True(double.IsNaN(homes.HomeLat[2]));
        Assert.True(double.IsNaN(homes.WorkLat[2]));

        // work3: three weekdays (Mon–Wed, 12:00 inside 09:00–17:00): work at WorkLat; confidence 3 of 3 × min(1, 3 / 5) = 0.6.
        Assert.True(double.IsNaN(homes.HomeLat[3]));
        Assert.Equal(WorkLat, homes.WorkLat[3]);
        Assert.Equal(WorkLon, homes.WorkLon[3]);
        Assert.Equal(-1, homes.WorkPlace[3]);
        Assert.Equal(3, homes.WorkDays[3]);
        Assert.Equal(0.6, homes.WorkConfidence[3], 1e-12);
    }
}
