using AdintAudit.Data;

namespace AdintAudit.Tests.Risk.Mitigation;

/// <summary>Row views and structural checks of ping tables, for the mitigation tests.</summary>
internal static class PingRows
{
    public readonly record struct Row(string Device, long TimeMs, double Lat, double Lon, float AccuracyM);

    public static Row[] Of(PingTable pings)
    {
        var rows = new Row[pings.Count];
        for (int i = 0; i < pings.Count; i++)
        {
            rows[i] = new Row(pings.DeviceIds[pings.Device[i]], pings.TimeMs[i], pings.Lat[i], pings.Lon[i], pings.AccuracyM[i]);
        }

        return rows;
    }

    public static PingTable Table(params Row[] rows) =>
        PingTable.FromRows([.. rows.Select(r => r.Device)], [.. rows.Select(r => r.TimeMs)], [.. rows.Select(r => r.Lat)],
            [.. rows.Select(r => r.Lon)], [.. rows.Select(r => r.AccuracyM)]);

    /// <summary>Every column and the slices, copied, to prove later that a table was not changed.</summary>
    public static (Row[] Rows, int[] Start, string[] Ids) Snapshot(PingTable pings) =>
        (Of(pings), pings.DeviceStart.ToArray(), [.. pings.DeviceIds]);

    public static void AssertSame((Row[] Rows, int[] Start, string[] Ids) expected, PingTable actual)
    {
        Assert.Equal(expected.Rows, Of(actual));
        Assert.Equal(expected.Start, actual.DeviceStart.ToArray());
        Assert.Equal(expected.Ids, actual.DeviceIds);
    }

    /// <summary>True when the table keeps PingTable's invariants: CSR slices cover all rows and match Device, time sorted within each device.</summary>
    public static bool IsWellFormed(PingTable pings)
    {
        ReadOnlySpan<int> start = pings.DeviceStart;
        if (start.Length != pings.DeviceCount + 1 || start[0] != 0 || start[pings.DeviceCount] != pings.Count)
        {
            return false;
        }

        for (int d = 0; d < pings.DeviceCount; d++)
        {
            if (start[d + 1] < start[d])
            {
                return false;
            }

            for (int i = start[d]; i < start[d + 1]; i++)
            {
                if (pings.Device[i] != d || (i > start[d] && pings.TimeMs[i] < pings.TimeMs[i - 1]))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
