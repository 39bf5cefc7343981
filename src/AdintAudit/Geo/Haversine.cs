namespace AdintAudit.Geo;

/// <summary>Great-circle distances on a sphere, with the exact radii and formulas the peers use (ALGORITHMS.md).</summary>
/// <remarks>Arguments are always (lat, lon) in degrees, in that order.</remarks>
public static class Haversine
{
    /// <summary>Earth radius of our distances and of scikit-mobility's and trackintel's haversine, in kilometers.</summary>
    public const double EarthRadiusKm = 6371.0;

    /// <summary>Earth radius in meters (6,371,000).</summary>
    public const double EarthRadiusMeters = 6_371_000.0;

    /// <summary>Radius scikit-mobility divides its DBSCAN eps by (km to radians), in kilometers.</summary>
    public const double SkmobDbscanEarthRadiusKm = 6371.0088;

    internal const double DegreesToRadians = Math.PI / 180.0;

    private const int CosineStepsPerDegree = 100;

    /// <summary>cos(latitude) every 0.01° from -90° to 90°, for <see cref="FastCosDegrees"/>.</summary>
    private static readonly double[] s_cosine = BuildCosine();

    /// <summary>Returns the central angle between two points in radians, as <c>2·asin(√a)</c> (scikit-learn, trackintel).</summary>
    /// <param name="lat1">Latitude of the first point in degrees.</param>
    /// <param name="lon1">Longitude of the first point in degrees.</param>
    /// <param name="lat2">Latitude of the second point in degrees.</param>
    /// <param name="lon2">Longitude of the second point in degrees.</param>
    public static double CentralAngle(double lat1, double lon1, double lat2, double lon2)
    {
        double phi1 = lat1 * DegreesToRadians;
        double phi2 = lat2 * DegreesToRadians;
        double sinDLat = Math.Sin((phi2 - phi1) / 2);
        double sinDLon = Math.Sin(((lon2 - lon1) * DegreesToRadians) / 2);
        double a = (sinDLat * sinDLat) + (Math.Cos(phi1) * Math.Cos(phi2) * sinDLon * sinDLon);
        return 2 * Math.Asin(Math.Sqrt(Math.Min(1.0, a)));
    }

    /// <summary>Returns the haversine distance in meters (radius 6,371,000 m).</summary>
    /// <param name="lat1">Latitude of the first point in degrees.</param>
    /// <param name="lon1">Longitude of the first point in degrees.</param>
    /// <param name="lat2">Latitude of the second point in degrees.</param>
    /// <param name="lon2">Longitude of the second point in degrees.</param>
    public static double Meters(double lat1, double lon1, double lat2, double lon2) =>
        EarthRadiusMeters * CentralAngle(lat1, lon1, lat2, lon2);

    /// <summary>
    /// Returns the distance in kilometers exactly as scikit-mobility's <c>getDistanceByHaversine</c> computes it:
    /// <c>6371.0 · 2·atan2(√a, √(1−a))</c>.
    /// </summary>
    /// <param name="lat1">Latitude of the first point in degrees.</param>
    /// <param name="lon1">Longitude of the first point in degrees.</param>
    /// <param name="lat2">Latitude of the second point in degrees.</param>
    /// <param name="lon2">Longitude of the second point in degrees.</param>
    public static double SkmobKilometers(double lat1, double lon1, double lat2, double lon2)
    {
        double phi1 = lat1 * DegreesToRadians;
        double phi2 = lat2 * DegreesToRadians;
        double dLat = phi2 - phi1;
        double dLon = (lon2 - lon1) * DegreesToRadians;
        double s1 = Math.Sin(dLat / 2);
        double s2 = Math.Sin(dLon / 2);
        double a = (s1 * s1) + (Math.Cos(phi1) * Math.Cos(phi2) * s2 * s2);
        return EarthRadiusKm * 2.0 * Math.Atan2(Math.Sqrt(a), Math.Sqrt(1.0 - a));
    }

    /// <summary>
    /// Returns cos(<paramref name="latitudeDegrees"/>) by linear interpolation in a 0.01° table (absolute error below
    /// 4e-9); arguments outside [-90, 90] are clamped.
    /// </summary>
    internal static double FastCosDegrees(double latitudeDegrees)
    {
        double position = (Math.Clamp(latitudeDegrees, -90.0, 90.0) + 90.0) * CosineStepsPerDegree;
        int index = Math.Min((int)position, s_cosine.Length - 2);
        double fraction = position - index;
        return s_cosine[index] + ((s_cosine[index + 1] - s_cosine[index]) * fraction);
    }

    /// <summary>
    /// Returns the squared equirectangular distance in square meters, using <paramref name="cosLat"/> (the cosine of a
    /// nearby reference latitude) for the east–west scale.
    /// </summary>
    /// <remarks>Within 1 km of the reference and below 80° latitude it differs from the haversine by less than 0.5 %.</remarks>
    internal static double EquirectangularSquaredMeters(double lat1, double lon1, double lat2, double lon2, double cosLat)
    {
        const double MetersPerDegree = EarthRadiusMeters * DegreesToRadians;
        double dy = (lat2 - lat1) * MetersPerDegree;
        double dx = (lon2 - lon1) * MetersPerDegree * cosLat;
        return (dx * dx) + (dy * dy);
    }

    private static double[] BuildCosine()
    {
        var table = new double[(180 * CosineStepsPerDegree) + 1];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = Math.Cos(((i / (double)CosineStepsPerDegree) - 90.0) * DegreesToRadians);
        }

        return table;
    }
}
