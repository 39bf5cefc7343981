using AdintAudit.Data;
using AdintAudit.Geo;

namespace AdintAudit.Risk.Mitigation;

/// <summary>Moves every ping to the centre of its <see cref="GridCell"/> of a given size.</summary>
/// <remarks>
/// One row in, one row out (rows are never merged); order and slices are unchanged and the device, time and accuracy
/// columns are shared with the immutable input. O(n). Consecutive pings in one cell reuse the cell's centre;
/// a non-finite coordinate is left as it is (the quality screen removes such rows).
/// </remarks>
internal static class GridSnapping
{
    public static PingTable Apply(PingTable pings, double cellMeters)
    {
        var lat = new double[pings.Count];
        var lon = new double[pings.Count];
        ReadOnlySpan<double> srcLat = pings.Lat;
        ReadOnlySpan<double> srcLon = pings.Lon;
        long lastKey = 0;
        (double Lat, double Lon) centre = (double.NaN, double.NaN);
        bool haveLast = false;
        for (int i = 0; i < srcLat.Length; i++)
        {
            if (!double.IsFinite(srcLat[i]) || !double.IsFinite(srcLon[i]))
            {
                lat[i] = srcLat[i];
                lon[i] = srcLon[i];
                continue;
            }

            long key = GridCell.Key(srcLat[i], srcLon[i], cellMeters);
            if (!haveLast || key != lastKey)
            {
                centre = GridCell.Center(key, cellMeters);
                lastKey = key;
                haveLast = true;
            }

            lat[i] = centre.Lat;
            lon[i] = centre.Lon;
        }

        return pings.WithCoordinates(lat, lon);
    }
}
