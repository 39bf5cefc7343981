using AdintAudit.Data;

namespace AdintAudit.Risk.Mitigation;

/// <summary>Builds a table that differs from another only in its coordinates.</summary>
internal static class CoordinateReplacement
{
    /// <summary>
    /// Returns a table with the rows, order and slices of <paramref name="pings"/> and the given coordinates. The
    /// unchanged columns are shared, which is safe because a <see cref="PingTable"/> is never written after it is built.
    /// </summary>
    public static PingTable WithCoordinates(this PingTable pings, double[] lat, double[] lon)
    {
        System.Diagnostics.Debug.Assert(lat.Length == pings.Count && lon.Length == pings.Count, "one coordinate per row");
        return new PingTable(pings.DeviceIdArray, pings.DeviceStartArray, pings.DeviceArray, pings.TimeArray, lat, lon, pings.AccuracyArray);
    }
}
