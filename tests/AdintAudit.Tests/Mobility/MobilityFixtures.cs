using AdintAudit.Data;

namespace AdintAudit.Tests.Mobility;

/// <summary>The traces of ALGORITHMS.md §5.</summary>
internal static class MobilityFixtures
{
    public const double HomeLat = 52.52;
    public const double HomeLon = 13.405;
    public const double WorkLat = 52.53;
    public const double WorkLon = 13.38;

    public static PingTable Toy()
    {
        string path = SharedData.Require("fixtures/skmob_privacy_toy.csv");
        using var reader = new StreamReader(path);
        return PingTableLoader.LoadCsv(reader).Table;
    }

    /// <summary>The sparse home/work trace of §5 (all UTC, 2024-01-15/16).</summary>
    public static PingTable SparseTrace()
    {
        (string Time, bool Home)[] rows =
        [
            ("2024-01-15 20:00", true), ("2024-01-15 21:30", true), ("2024-01-15 23:00", true), ("2024-01-16 01:00", true),
            ("2024-01-16 04:00", true), ("2024-01-16 06:45", true), ("2024-01-16 08:15", false), ("2024-01-16 10:00", false),
            ("2024-01-16 12:30", false), ("2024-01-16 15:00", false), ("2024-01-16 17:10", false), ("2024-01-16 18:40", true),
            ("2024-01-16 20:30", true), ("2024-01-16 23:45", true),
        ];
        return PingTable.FromRows(
            [.. rows.Select(_ => "sparse")],
            [.. rows.Select(r => Ms(r.Time))],
            [.. rows.Select(r => r.Home ? HomeLat : WorkLat)],
            [.. rows.Select(r => r.Home ? HomeLon : WorkLon)]);
    }

    public static long Ms(string utc)
    {
        Assert.True(TimestampUnits.TryParseIso(utc.Length == 16 ? utc + ":00" : utc, out long ms), utc);
        return ms;
    }

    public static string Hm(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
