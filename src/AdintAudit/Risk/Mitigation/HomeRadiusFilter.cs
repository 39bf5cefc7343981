using AdintAudit.Data;
using AdintAudit.Geo;

namespace AdintAudit.Risk.Mitigation;

/// <summary>Drops every ping within a radius of its device's inferred home.</summary>
/// <remarks>
/// Distance is the haversine distance (<see cref="Haversine.Meters"/>); a ping at exactly the radius is dropped. Devices
/// without a home (NaN) keep all their pings. Devices are never removed from the dictionary, even when left with no
/// ping, so device numbers (and per-device inputs such as homes) stay aligned before and after. O(n).
/// </remarks>
internal static class HomeRadiusFilter
{
    public static PingTable Apply(PingTable pings, ReadOnlySpan<double> homeLat, ReadOnlySpan<double> homeLon, double radiusMeters)
    {
        using var mask = new PooledRowMask(pings.Count);
        MarkFarFromHome(pings, homeLat, homeLon, radiusMeters, mask.Flags);
        return pings.Filter(mask.Flags);
    }

    private static void MarkFarFromHome(PingTable pings, ReadOnlySpan<double> homeLat, ReadOnlySpan<double> homeLon, double radiusMeters, Span<bool> keep)
    {
        ReadOnlySpan<double> lat = pings.Lat;
        ReadOnlySpan<double> lon = pings.Lon;
        ReadOnlySpan<int> start = pings.DeviceStart;
        for (int d = 0; d < pings.DeviceCount; d++)
        {
            double hLat = homeLat[d];
            double hLon = homeLon[d];
            bool hasHome = !double.IsNaN(hLat) && !double.IsNaN(hLon);
            for (int i = start[d]; i < start[d + 1]; i++)
            {
                keep[i] = !hasHome || !(Haversine.Meters(hLat, hLon, lat[i], lon[i]) <= radiusMeters);
            }
        }
    }
}
