using System.Runtime.CompilerServices;

namespace AdintAudit.Synthetic.Geography;

/// <summary>
/// Equirectangular projection around the metro centre: metres east and north of it. Over a 100 km metro the scale
/// error is below 1 %, which is irrelevant next to the model's own noise.
/// </summary>
internal readonly struct LocalProjection
{
    private const double MetersPerDegreeLatitude = 111_194.9;

    public LocalProjection(double centerLatitude, double centerLongitude)
    {
        CenterLatitude = centerLatitude;
        CenterLongitude = centerLongitude;
        MetersPerDegreeLongitude = MetersPerDegreeLatitude * Math.Cos(centerLatitude * Math.PI / 180.0);
    }

    public double CenterLatitude { get; }

    public double CenterLongitude { get; }

    public double MetersPerDegreeLongitude { get; }

    public static double MetersPerDegreeLat => MetersPerDegreeLatitude;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Latitude(double yMeters) => CenterLatitude + (yMeters / MetersPerDegreeLatitude);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Longitude(double xMeters) => CenterLongitude + (xMeters / MetersPerDegreeLongitude);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double X(double longitude) => (longitude - CenterLongitude) * MetersPerDegreeLongitude;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Y(double latitude) => (latitude - CenterLatitude) * MetersPerDegreeLatitude;
}
