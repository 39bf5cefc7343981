namespace AdintAudit.Geo;

/// <summary>
/// Square-ish grid cells of a given size in meters covering the globe: latitude bands of equal height, each band cut into
/// equal longitude steps whose width at the band's centre equals the height. One cell is one <see cref="long"/> key.
/// </summary>
/// <remarks>
/// Used wherever a metric needs "the same place at resolution r" (unicity, anonymity sets, aggregated maps, coarsening).
/// A plain degree grid would make cells near 60° N half as wide as at the equator; this one keeps them within a few
/// percent of square at every latitude, and it is a pure function of (lat, lon, size), so partitions agree exactly.
/// </remarks>
public static class GridCell
{
    /// <summary>Meters per degree of latitude on the sphere of <see cref="Haversine.EarthRadiusMeters"/>.</summary>
    public const double MetersPerDegreeLatitude = Haversine.EarthRadiusMeters * Math.PI / 180.0;

    /// <summary>Returns the key of the cell holding (lat, lon).</summary>
    /// <param name="lat">Latitude in degrees, clamped to [-90, 90].</param>
    /// <param name="lon">Longitude in degrees; wrapped into [-180, 180).</param>
    /// <param name="cellMeters">Cell edge in meters (&gt; 0).</param>
    public static long Key(double lat, double lon, double cellMeters)
    {
        double bandHeight = cellMeters / MetersPerDegreeLatitude;
        int bands = BandCount(bandHeight);
        int band = (int)Math.Floor((Math.Clamp(lat, -90.0, 90.0) + 90.0) / bandHeight);
        band = Math.Clamp(band, 0, bands - 1);
        int columns = ColumnCount(band, bandHeight);
        double wrapped = lon - (360.0 * Math.Floor((lon + 180.0) / 360.0));
        int column = (int)Math.Floor((wrapped + 180.0) / (360.0 / columns));
        column = Math.Clamp(column, 0, columns - 1);
        return ((long)band << 32) | (uint)column;
    }

    /// <summary>Returns the centre (lat, lon) of a cell.</summary>
    /// <param name="key">A key from <see cref="Key"/> with the same <paramref name="cellMeters"/>.</param>
    /// <param name="cellMeters">Cell edge in meters.</param>
    public static (double Lat, double Lon) Center(long key, double cellMeters)
    {
        double bandHeight = cellMeters / MetersPerDegreeLatitude;
        int band = (int)(key >> 32);
        int column = (int)(uint)key;
        int columns = ColumnCount(band, bandHeight);
        double lat = Math.Min(90.0, -90.0 + ((band + 0.5) * bandHeight));
        double lon = -180.0 + ((column + 0.5) * (360.0 / columns));
        return (lat, lon);
    }

    /// <summary>Returns the cell's bounds: south, west, north, east in degrees.</summary>
    /// <param name="key">A key from <see cref="Key"/> with the same <paramref name="cellMeters"/>.</param>
    /// <param name="cellMeters">Cell edge in meters.</param>
    public static (double South, double West, double North, double East) Bounds(long key, double cellMeters)
    {
        double bandHeight = cellMeters / MetersPerDegreeLatitude;
        int band = (int)(key >> 32);
        int column = (int)(uint)key;
        double width = 360.0 / ColumnCount(band, bandHeight);
        double south = -90.0 + (band * bandHeight);
        double west = -180.0 + (column * width);
        return (south, west, Math.Min(90.0, south + bandHeight), west + width);
    }

    private static int BandCount(double bandHeight) => Math.Max(1, (int)Math.Ceiling(180.0 / bandHeight));

    private static int ColumnCount(int band, double bandHeight)
    {
        double centre = Math.Min(90.0, -90.0 + ((band + 0.5) * bandHeight));
        double widthDegrees = bandHeight / Math.Max(1e-9, Math.Cos(centre * Math.PI / 180.0));
        return (int)Math.Clamp(Math.Floor(360.0 / widthDegrees), 1, int.MaxValue);
    }
}
