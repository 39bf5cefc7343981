using AdintAudit.Data;
using AdintAudit.Quality;

namespace AdintAudit.Tests.Quality;

public sealed class QualityScreenTests
{
    private const long Hour = 3_600_000;
    private static readonly QualityOptions s_window = new() { WindowStartMs = 0, WindowEndMs = 100 * Hour };

    [Fact]
    public void Screen_artefacts_removedAndCountedWithExamples()
    {
        PingTable pings = PingTable.FromRows(
            ["a", "a", "a", "a", "a", "a", "a"],
            [Hour, Hour, 2 * Hour, 3 * Hour, (3 * Hour) + 60_000, 4 * Hour, 200 * Hour],
            [45.123456, 45.123456, 0, 95, 48.5, 45.123457, 45.12],
            [7.123456, 7.123456, 0, 7, 2.3, 7.123457, 7.1]);

        QualityResult result = QualityScreen.Screen(pings, s_window);

        Assert.Equal(2, result.Clean.Count);
        Assert.Equal(1, Count(result, "duplicate"));
        Assert.Equal(1, Count(result, "null_island"));
        Assert.Equal(1, Count(result, "out_of_range"));
        Assert.Equal(1, Count(result, "teleport"));
        Assert.Equal(1, Count(result, "outside_window"));
        Assert.Equal("a,3600000,45.123456,7.123456", result.Report.Checks.Single(c => c.Name == "duplicate").Examples[0]);
    }

    [Fact]
    public void Screen_coordinateSharedByTenDevices_flaggedIpLikeButKept()
    {
        string[] ids = [.. Enumerable.Range(0, 12).Select(i => $"d{i:00}")];
        PingTable pings = PingTable.FromRows(ids, [.. ids.Select(_ => Hour)], [.. ids.Select(_ => 52.5163)], [.. ids.Select(_ => 13.3777)]);

        QualityResult result = QualityScreen.Screen(pings, s_window);

        Assert.Equal(12, result.Clean.Count);
        Assert.All(result.IpLike, Assert.True);
        Assert.Equal(12, Count(result, "shared_coordinate"));
    }

    [Fact]
    public void Screen_twoDecimalAndHighAccuracyPings_counted()
    {
        PingTable pings = PingTable.FromRows(["a", "a"], [Hour, 2 * Hour], [45.12, 45.1234567], [7.1, 7.1234567], [10f, 2000f]);

        QualityResult result = QualityScreen.Screen(pings, s_window);

        Assert.Equal([true, false], result.IpLike);
        Assert.Equal(1, Count(result, "coarse_coordinates"));
        Assert.Equal(1, Count(result, "accuracy_above_threshold"));
    }

    [Fact]
    public void Screen_derivedWindow_dropsA1970Timestamp()
    {
        long day = 24 * Hour;
        long start = 19_800 * day;
        long[] times = [.. Enumerable.Range(0, 400).Select(i => start + (i * Hour)), 5_000];
        PingTable pings = PingTable.FromRows([.. times.Select(_ => "a")], times, [.. times.Select((_, i) => 45 + (i * 1e-6))], [.. times.Select(_ => 7.0)]);

        QualityResult result = QualityScreen.Screen(pings);

        Assert.Equal(1, Count(result, "outside_window"));
        Assert.Equal(start, result.Report.WindowStartMs);
    }

    [Fact]
    public void Screen_derivedWindow_isTheDaysOfTheExactRankPercentilesOfAllTimestamps()
    {
        // 400 timestamps: 2 on 1970-01-01, 397 hourly from day 19,800 (2024-03-18) to hour 396 (day 19,816), 1 on day 40,000.
        // Ranks floor(400 * 0.005) = 2 and floor(400 * 0.995) = 398 (0-based, ascending): rank 2 is the first hourly ping
        // (day 19,800), rank 398 the last hourly one (19,800 d + 396 h = day 19,816 + 12 h), so the window is
        // [day 19,800, day 19,817) and the 2 + 1 outliers fall outside it.
        long day = 24 * Hour;
        long[] times = [1_000, 2_000, .. Enumerable.Range(0, 397).Select(i => (19_800 * day) + (i * Hour)), 40_000 * day];
        PingTable pings = PingTable.FromRows([.. times.Select(_ => "a")], times, [.. times.Select((_, i) => 45 + (i * 1e-6))], [.. times.Select(_ => 7.0)]);

        QualityResult result = QualityScreen.Screen(pings);

        Assert.Equal(19_800 * day, result.Report.WindowStartMs);
        Assert.Equal(19_817 * day, result.Report.WindowEndMs);
        Assert.Equal(3, Count(result, "outside_window"));
        Assert.Equal(397, result.Clean.Count);
    }

    [Fact]
    public void Window_oneEndGiven_derivesTheOther()
    {
        // Timestamps on days 10 and 11 (one each): ranks floor(2 * 0.005) = 0 and floor(2 * 0.995) = 1 -> days 10 and 11.
        long day = 24 * Hour;
        var days = new DayCounts();
        days.Add([(10 * day) + 5, (11 * day) + 5]);

        (long start, long end, string source) = QualityScreen.Window(days, new QualityOptions { WindowStartMs = 3 });
        (long emptyStart, long emptyEnd, _) = QualityScreen.Window(new DayCounts(), new QualityOptions());

        Assert.Equal((3L, 12 * day), (start, end));
        Assert.StartsWith("derived", source, StringComparison.Ordinal);
        Assert.Equal((long.MinValue, long.MaxValue), (emptyStart, emptyEnd));
    }

    [Fact]
    public void Screen_coordinateOnZeroAndMinusZero_isOneSharedCoordinate()
    {
        // (0, 5) on two devices and (-0, 5) on one: double.Equals makes them one coordinate on three devices.
        PingTable pings = PingTable.FromRows(["a", "b", "c"], [Hour, Hour, Hour], [0.0, 0.0, -0.0], [5.0, 5.0, 5.0]);

        QualityResult result = QualityScreen.Screen(pings, s_window with { SharedCoordinateMinDevices = 3 });

        Assert.Equal(3, Count(result, "shared_coordinate"));
    }

    [Fact]
    public void Screen_examples_areTheFirstFlaggedPingsByDeviceThenTime()
    {
        // Null island on b at 1 h and a at 2 h, 3 h: device a sorts first, so its two come first.
        PingTable pings = PingTable.FromRows(["b", "a", "a"], [Hour, 3 * Hour, 2 * Hour], [0, 0, 0], [0, 0, 0]);

        QualityResult result = QualityScreen.Screen(pings, s_window);

        Assert.Equal(["a,7200000,0,0", "a,10800000,0,0", "b,3600000,0,0"], result.Report.Checks.Single(c => c.Name == "null_island").Examples);
    }

    private static long Count(QualityResult result, string name) => result.Report.Checks.Single(c => c.Name == name).Pings;
}
