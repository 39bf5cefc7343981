using AdintAudit.Data;

namespace AdintAudit.Risk.Mitigation;

/// <summary>Rounds every ping's latitude and longitude to a number of decimals (midpoints away from zero).</summary>
/// <remarks>
/// One row in, one row out: rows are never merged, so ping counts stay comparable before and after, and order and
/// slices are unchanged (device, time and accuracy columns are shared with the immutable input). O(n).
/// </remarks>
internal static class CoordinateRounding
{
    public static PingTable Apply(PingTable pings, int decimals)
    {
        var lat = new double[pings.Count];
        var lon = new double[pings.Count];
        Round(pings.Lat, decimals, lat);
        Round(pings.Lon, decimals, lon);
        return pings.WithCoordinates(lat, lon);
    }

    public static void Round(ReadOnlySpan<double> degrees, int decimals, Span<double> destination)
    {
        for (int i = 0; i < degrees.Length; i++)
        {
            destination[i] = Math.Round(degrees[i], decimals, MidpointRounding.AwayFromZero);
        }
    }
}
