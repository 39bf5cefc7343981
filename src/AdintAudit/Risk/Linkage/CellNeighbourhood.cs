using AdintAudit.Geo;

namespace AdintAudit.Risk.Linkage;

/// <summary>
/// The <see cref="GridCell"/> cells that can hold a point within a radius of a given point, for grid cells at least as
/// large as the radius: the point's cell and its neighbours (3 × 3 in general; more columns near the poles).
/// </summary>
/// <remarks>
/// Exact, not approximate: a point within great-circle distance d of (φ, λ) has |Δφ| ≤ d / R, and from the haversine
/// formula sin(|Δλ| / 2) ≤ sin(d / 2R) / cos φ_far, where φ_far is the larger |latitude| of the two. The latitude span
/// [φ − d/R, φ + d/R] is at most two cells tall, so the cells of its two ends and of φ name every band it touches; in each
/// band the columns from λ − Δλ to λ + Δλ are returned, split in two where they cross the antimeridian.
/// </remarks>
internal readonly struct CellNeighbourhood
{
    /// <summary>Relative slack on the bounds so that rounding can never lose a neighbour.</summary>
    private const double Slack = 1e-9;

    private readonly double _latitudeSpanDegrees;
    private readonly double _sinHalfAngle;

    /// <param name="radiusMeters">The search radius in meters (≥ 0).</param>
    public CellNeighbourhood(double radiusMeters)
    {
        CellMeters = Math.Max(radiusMeters, 1.0);
        double angle = radiusMeters / Haversine.EarthRadiusMeters;
        _latitudeSpanDegrees = (angle / Haversine.DegreesToRadians * (1 + Slack)) + 1e-12;
        _sinHalfAngle = Math.Sin(Math.Min(angle, Math.PI) / 2) * (1 + Slack);
    }

    /// <summary>Edge of the grid cells in meters: the radius, but at least 1 m.</summary>
    public double CellMeters { get; }

    /// <summary>Largest number of ranges <see cref="Ranges"/> writes (the size of <see cref="NearbyBuckets"/>' buffer).</summary>
    public const int MaxRanges = 6;

    /// <summary>Returns the key of the cell holding the point.</summary>
    public long Key(double lat, double lon) => GridCell.Key(lat, lon, CellMeters);

    /// <summary>
    /// Writes ranges of cell keys (first and last inclusive, both in one latitude band, so every key between them is a
    /// cell of that band) that together hold every point within the radius of (lat, lon); returns how many were written.
    /// </summary>
    /// <param name="lat">Latitude in degrees.</param>
    /// <param name="lon">Longitude in degrees.</param>
    /// <param name="ranges">At least <see cref="MaxRanges"/> long.</param>
    public int Ranges(double lat, double lon, Span<(long First, long Last)> ranges)
    {
        double south = Math.Max(-90.0, lat - _latitudeSpanDegrees);
        double north = Math.Min(90.0, lat + _latitudeSpanDegrees);
        double cosFar = Math.Cos(Math.Max(Math.Abs(south), Math.Abs(north)) * Haversine.DegreesToRadians);
        bool allColumns = cosFar <= _sinHalfAngle;
        double halfWidth = allColumns ? 180.0 : (2 * Math.Asin(_sinHalfAngle / cosFar) / Haversine.DegreesToRadians * (1 + Slack)) + 1e-12;
        allColumns |= halfWidth >= 90.0;
        double wrappedLon = lon - (360.0 * Math.Floor((lon + 180.0) / 360.0));
        bool crossesAntimeridian = wrappedLon - halfWidth < -180.0 || wrappedLon + halfWidth >= 180.0;
        int written = 0;
        long previousBand = long.MinValue;
        foreach (double bandLat in (ReadOnlySpan<double>)[south, lat, north])
        {
            long band = Key(bandLat, lon) >> 32;
            if (band == previousBand)
            {
                continue;
            }

            previousBand = band;
            long firstOfBand = band << 32;
            if (allColumns)
            {
                ranges[written++] = (firstOfBand, LastOfBand(bandLat));
                continue;
            }

            long west = Key(bandLat, wrappedLon - halfWidth);
            long east = Key(bandLat, wrappedLon + halfWidth);
            if (!crossesAntimeridian)
            {
                ranges[written++] = (west, east);
            }
            else if (west <= east)
            {
                // The wrapped range meets itself (a band of very few columns): take the whole band.
                ranges[written++] = (firstOfBand, LastOfBand(bandLat));
            }
            else
            {
                ranges[written++] = (west, LastOfBand(bandLat));
                ranges[written++] = (firstOfBand, east);
            }
        }

        return written;
    }

    /// <summary>The key of the easternmost cell of the band holding <paramref name="bandLat"/>.</summary>
    private long LastOfBand(double bandLat) => Key(bandLat, 180.0 - 1e-9);
}
