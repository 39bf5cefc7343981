using AdintAudit.Data;
using AdintAudit.Mobility;
using static AdintAudit.Tests.Mobility.MobilityFixtures;

namespace AdintAudit.Tests.Mobility;

public sealed class StayDetectorTests
{
    private static readonly StayOptions s_skmob = new() { Method = StayMethod.Skmob };
    private static readonly StayOptions s_trackintel = new() { Method = StayMethod.Trackintel };

    [Fact]
    public void Skmob_toyDefaults_fifteenStaysOnEveryRowButTheLast()
    {
        PingTable toy = Toy();

        StayTable stays = StayDetector.Detect(toy, s_skmob);

        Assert.Equal(15, stays.Count);
        Assert.Equal([0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 15, 16, 18, 20], stays.FirstPing.ToArray());
    }

    [Fact]
    public void Skmob_toyWithSixtyMinutesForAStop_fiveStaysAtTheDocumentedRows()
    {
        PingTable toy = Toy();

        StayTable stays = StayDetector.Detect(toy, s_skmob with { SkmobMinutesForAStop = 60 });

        Assert.Equal([2, 5, 9, 16, 20], stays.FirstPing.ToArray());
    }

    [Fact]
    public void Skmob_sparseTrace_threeStaysEndingAtTheFirstPointOutside()
    {
        PingTable trace = SparseTrace();

        StayTable stays = StayDetector.Detect(trace, s_skmob);

        Assert.Equal(["20:00-08:15", "08:15-18:40", "18:40-23:45"], Spans(stays));
        Assert.Equal([HomeLat, WorkLat, HomeLat], stays.Lat.ToArray());
        Assert.Equal([HomeLon, WorkLon, HomeLon], stays.Lon.ToArray());
    }

    [Fact]
    public void Skmob_sparseTraceWithNoDataSixtyMinutes_noStay()
    {
        PingTable trace = SparseTrace();

        StayTable stays = StayDetector.Detect(trace, s_skmob with { SkmobNoDataForMinutes = 60 });

        Assert.Equal(0, stays.Count);
    }

    [Fact]
    public void Skmob_singlePingThenFarPingAnHourLater_sixtyMinuteStay()
    {
        PingTable pings = PingTable.FromRows(["d", "d", "d"], [0, 3_600_000, 3_700_000], [45.0, 45.1, 45.1], [7.0, 7.0, 7.0]);

        StayTable stays = StayDetector.Detect(pings, s_skmob);

        Assert.Equal(3_600_000, stays.EndMs[0] - stays.StartMs[0]);
    }

    [Fact]
    public void Trackintel_sparseTraceDefaults_noStaypoint()
    {
        PingTable trace = SparseTrace();

        StayTable stays = StayDetector.Detect(trace, s_trackintel);

        Assert.Equal(0, stays.Count);
    }

    [Fact]
    public void Trackintel_sparseTraceGap720_twoStaypointsThreeWithIncludeLast()
    {
        PingTable trace = SparseTrace();

        StayTable two = StayDetector.Detect(trace, s_trackintel with { TrackintelGapThresholdMinutes = 720 });
        StayTable three = StayDetector.Detect(trace, s_trackintel with { TrackintelGapThresholdMinutes = 720, TrackintelIncludeLast = true });

        Assert.Equal(["20:00-08:15", "08:15-18:40"], Spans(two));
        Assert.Equal(["20:00-08:15", "08:15-18:40", "18:40-23:45"], Spans(three));
    }

    [Fact]
    public void Trackintel_slidingExample_oneStaypointAtTheUniqueCentroid()
    {
        PingTable pings = PingTable.FromRows(["u", "u", "u"], [0, 600_000, 1_200_000], [47.0, 47.0001, 47.01], [8.0, 8.0001, 8.01]);

        StayTable stays = StayDetector.Detect(pings, s_trackintel);

        Assert.Equal(1, stays.Count);
        Assert.Equal(0, stays.StartMs[0]);
        Assert.Equal(1_200_000, stays.EndMs[0]);
        Assert.Equal(47.00005, stays.Lat[0], 1e-9);
        Assert.Equal(8.00005, stays.Lon[0], 1e-9);
    }

    [Fact]
    public void Trackintel_exactDuplicateRows_droppedBeforeTheCentroid()
    {
        PingTable pings = PingTable.FromRows(["u", "u", "u", "u"], [0, 0, 600_000, 1_200_000], [47.0, 47.0, 47.0002, 47.01], [8.0, 8.0, 8.0, 8.01]);

        StayTable stays = StayDetector.Detect(pings, s_trackintel);

        Assert.Equal(47.0001, stays.Lat[0], 1e-9);
        Assert.Equal(2, stays.PingCount[0]);
    }

    [Fact]
    public void Adtech_sparseTrace_staysEndAtTheLastPingInside()
    {
        PingTable trace = SparseTrace();

        StayTable stays = StayDetector.Detect(trace, new StayOptions(), localTime: LocalTime.Utc);

        Assert.Equal(["20:00-06:45", "08:15-17:10", "18:40-23:45"], Spans(stays));
        Assert.Equal([6, 5, 3], stays.PingCount.ToArray());
        Assert.Equal([1, 0, 1], stays.Nights.ToArray());
        Assert.Equal(3 * 3_600_000L, stays.BridgedGapMs[0]);
    }

    [Fact]
    public void Adtech_gapLongerThanTwelveHours_isNotBridged()
    {
        PingTable pings = PingTable.FromRows(["d", "d", "d"], [0, 13 * 3_600_000L, (13 * 3_600_000L) + 1_800_000], [45.0, 45.0, 45.0], [7.0, 7.0, 7.0]);

        StayTable stays = StayDetector.Detect(pings, new StayOptions(), localTime: LocalTime.Utc);

        Assert.Equal(1, stays.Count);
        Assert.Equal(13 * 3_600_000L, stays.StartMs[0]);
    }

    [Fact]
    public void Adtech_coarseAndExcludedPings_areIgnored()
    {
        PingTable pings = PingTable.FromRows(["d", "d", "d", "d"], [0, 600_000, 1_200_000, 1_800_000], [45.0, 45.0, 46.0, 45.0], [7.0, 7.0, 7.0, 7.0],
            [10f, 900f, 300f, 10f]);
        bool[] excluded = [false, false, false, true];

        StayTable withAll = StayDetector.Detect(pings, new StayOptions(), localTime: LocalTime.Utc);
        StayTable withExcluded = StayDetector.Detect(pings, new StayOptions(), excluded, LocalTime.Utc);

        Assert.Equal(1, withAll.Count);
        Assert.Equal(1_800_000, withAll.EndMs[0]);
        Assert.Equal(0, withExcluded.Count);
    }

    private static string[] Spans(StayTable stays)
    {
        var result = new string[stays.Count];
        for (int i = 0; i < stays.Count; i++)
        {
            result[i] = $"{Hm(stays.StartMs[i])}-{Hm(stays.EndMs[i])}";
        }

        return result;
    }
}
