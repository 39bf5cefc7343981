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

    private static long Count(QualityResult result, string name) => result.Report.Checks.Single(c => c.Name == name).Pings;
}
