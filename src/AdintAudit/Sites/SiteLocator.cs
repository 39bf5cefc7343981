using System.Diagnostics;
using AdintAudit.Geo;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace AdintAudit.Sites;

/// <summary>
/// Answers "which sites is this point at" for millions of points: a uniform grid over the sites' envelopes gives the
/// few candidate sites of a point with one array lookup (points outside every envelope are rejected by four compares),
/// then an exact test: NetTopologySuite's <see cref="IndexedPointInAreaLocator"/> for polygons (boundary counts as
/// inside), the haversine distance for point sites.
/// </summary>
/// <remarks>Thread-safe after construction; the candidate lookup allocates nothing.</remarks>
internal sealed class SiteLocator
{
    /// <summary>Most grid cells (CSR offsets of 4 bytes each: at most 4 MiB).</summary>
    private const int MaxCells = 1 << 20;

    /// <summary>Most (cell, site) entries before the grid coarsens.</summary>
    private const long MaxEntries = 1 << 24;

    private readonly SensitiveSite[] _sites;
    private readonly double[] _south;
    private readonly double[] _west;
    private readonly double[] _north;
    private readonly double[] _east;
    private readonly IPointOnGeometryLocator?[] _areas;
    private readonly double _gridSouth;
    private readonly double _gridWest;
    private readonly double _gridNorth;
    private readonly double _gridEast;
    private readonly double _cellsPerDegree;
    private readonly int _rows;
    private readonly int _columns;
    private readonly int[] _cellStart;
    private readonly int[] _cellSites;
    private readonly STRtree<int> _tree = new();

    public SiteLocator(SensitiveSite[] sites)
    {
        _sites = sites;
        int n = sites.Length;
        _south = new double[n];
        _west = new double[n];
        _north = new double[n];
        _east = new double[n];
        _areas = new IPointOnGeometryLocator?[n];
        _gridSouth = _gridWest = double.PositiveInfinity;
        _gridNorth = _gridEast = double.NegativeInfinity;
        for (int s = 0; s < n; s++)
        {
            SensitiveSite site = sites[s];
            if (site.Shape == SiteShape.Point)
            {
                (_south[s], _west[s], _north[s], _east[s]) = RadiusBox(site.CentroidLat, site.CentroidLon, site.RadiusMeters);
            }
            else
            {
                Envelope e = site.Geometry.EnvelopeInternal;
                (_south[s], _west[s], _north[s], _east[s]) = (e.MinY, e.MinX, e.MaxY, e.MaxX);
                var locator = new IndexedPointInAreaLocator(site.Geometry);
                locator.Locate(new Coordinate(e.MinX, e.MinY)); // builds the lazy index now, before threads share it
                _areas[s] = locator;
            }

            _gridSouth = Math.Min(_gridSouth, _south[s]);
            _gridWest = Math.Min(_gridWest, _west[s]);
            _gridNorth = Math.Max(_gridNorth, _north[s]);
            _gridEast = Math.Max(_gridEast, _east[s]);
            _tree.Insert(new Envelope(_west[s], _east[s], _south[s], _north[s]), s);
        }

        _tree.Build();
        if (n == 0)
        {
            _cellStart = [0, 0];
            _cellSites = [];
            _rows = _columns = 1;
            _gridSouth = _gridWest = 0;
            _gridNorth = _gridEast = -1;
            return;
        }

        // Start at 0.005° (about 550 m of latitude) and coarsen until the grid and its entries fit the budgets.
        double cellDegrees = 0.005;
        while (true)
        {
            _rows = CellCount(_gridNorth - _gridSouth, cellDegrees);
            _columns = CellCount(_gridEast - _gridWest, cellDegrees);
            if ((long)_rows * _columns <= MaxCells && Entries(cellDegrees) <= MaxEntries)
            {
                break;
            }

            cellDegrees *= 2;
        }

        _cellsPerDegree = 1 / cellDegrees;
        _cellStart = new int[(_rows * _columns) + 1];
        for (int s = 0; s < n; s++)
        {
            ForEachCell(s, cell => _cellStart[cell + 1]++);
        }

        for (int c = 0; c < _rows * _columns; c++)
        {
            _cellStart[c + 1] += _cellStart[c];
        }

        _cellSites = new int[_cellStart[^1]];
        int[] fill = _cellStart[..^1];
        for (int s = 0; s < n; s++)
        {
            ForEachCell(s, cell => _cellSites[fill[cell]++] = s);
        }
    }

    /// <summary>Returns the sites whose envelope may hold the point (ascending site index); empty when none can.</summary>
    public ReadOnlySpan<int> Candidates(double lat, double lon)
    {
        // NaN fails every compare, so NaN coordinates have no candidates.
        if (!(lat >= _gridSouth && lat <= _gridNorth && lon >= _gridWest && lon <= _gridEast))
        {
            return [];
        }

        int row = Math.Min((int)((lat - _gridSouth) * _cellsPerDegree), _rows - 1);
        int column = Math.Min((int)((lon - _gridWest) * _cellsPerDegree), _columns - 1);
        int cell = (row * _columns) + column;
        return _cellSites.AsSpan(_cellStart[cell], _cellStart[cell + 1] - _cellStart[cell]);
    }

    /// <summary>Returns whether the point lies in site <paramref name="site"/> (polygon incl. boundary, or within the radius).</summary>
    public bool IsAt(int site, double lat, double lon)
    {
        if (lat < _south[site] || lat > _north[site] || lon < _west[site] || lon > _east[site])
        {
            return false;
        }

        IPointOnGeometryLocator? area = _areas[site];
        if (area is null)
        {
            SensitiveSite s = _sites[site];
            return Haversine.Meters(lat, lon, s.CentroidLat, s.CentroidLon) <= s.RadiusMeters;
        }

        return area.Locate(new Coordinate(lon, lat)) != Location.Exterior;
    }

    /// <summary>
    /// Returns the sites within <paramref name="toleranceMeters"/> of the point: at the site, or at most that far from a
    /// polygon's boundary or a point site's circle. Ascending site index. For occasional queries (one per device).
    /// </summary>
    public List<int> SitesNear(double lat, double lon, double toleranceMeters)
    {
        var found = new List<int>();
        if (double.IsNaN(lat) || double.IsNaN(lon))
        {
            return found;
        }

        (double south, double west, double north, double east) = RadiusBox(lat, lon, Math.Max(toleranceMeters, 0));
        foreach (int s in _tree.Query(new Envelope(west, east, south, north)))
        {
            if (IsAt(s, lat, lon) || DistanceOutsideMeters(s, lat, lon) <= toleranceMeters)
            {
                found.Add(s);
            }
        }

        found.Sort();
        return found;
    }

    /// <summary>
    /// Returns the distance in meters from a point outside the site to the site: to the circle of a point site
    /// (haversine), or to the nearest polygon edge in an equirectangular projection at the point's latitude (error well
    /// under 1 % within a few kilometers).
    /// </summary>
    internal double DistanceOutsideMeters(int site, double lat, double lon)
    {
        SensitiveSite s = _sites[site];
        if (s.Shape == SiteShape.Point)
        {
            return Math.Max(0, Haversine.Meters(lat, lon, s.CentroidLat, s.CentroidLon) - s.RadiusMeters);
        }

        double metersPerDegreeLon = GridCell.MetersPerDegreeLatitude * Math.Cos(lat * Haversine.DegreesToRadians);
        double best = double.PositiveInfinity;
        for (int g = 0; g < s.Geometry.NumGeometries; g++)
        {
            var polygon = (Polygon)s.Geometry.GetGeometryN(g);
            best = Math.Min(best, RingDistance(polygon.ExteriorRing.CoordinateSequence, lat, lon, metersPerDegreeLon));
            for (int h = 0; h < polygon.NumInteriorRings; h++)
            {
                best = Math.Min(best, RingDistance(polygon.GetInteriorRingN(h).CoordinateSequence, lat, lon, metersPerDegreeLon));
            }
        }

        return best;
    }

    private static double RingDistance(CoordinateSequence ring, double lat, double lon, double metersPerDegreeLon)
    {
        double best = double.PositiveInfinity;
        for (int i = 0; i + 1 < ring.Count; i++)
        {
            double ax = (ring.GetX(i) - lon) * metersPerDegreeLon;
            double ay = (ring.GetY(i) - lat) * GridCell.MetersPerDegreeLatitude;
            double bx = (ring.GetX(i + 1) - lon) * metersPerDegreeLon;
            double by = (ring.GetY(i + 1) - lat) * GridCell.MetersPerDegreeLatitude;
            double dx = bx - ax;
            double dy = by - ay;
            double lengthSquared = (dx * dx) + (dy * dy);
            double t = lengthSquared > 0 ? Math.Clamp(-((ax * dx) + (ay * dy)) / lengthSquared, 0, 1) : 0;
            double px = ax + (t * dx);
            double py = ay + (t * dy);
            best = Math.Min(best, Math.Sqrt((px * px) + (py * py)));
        }

        return best;
    }

    /// <summary>Returns a latitude/longitude box that holds every point within <paramref name="radiusMeters"/> (haversine) of the centre.</summary>
    internal static (double South, double West, double North, double East) RadiusBox(double lat, double lon, double radiusMeters)
    {
        // Along a meridian the haversine distance is exactly R·Δφ; 0.1 % and 1e-9° of margin absorb rounding.
        double dLat = (radiusMeters / GridCell.MetersPerDegreeLatitude * 1.001) + 1e-9;
        double farthest = Math.Abs(lat) + dLat;
        // Off the meridian the longitude offset is largest on the far-from-equator side: sin Δλ ≤ sin(r/R) / cos φ.
        double dLon = farthest >= 89.9 ? 360 : Math.Min(360, dLat / Math.Cos(farthest * Haversine.DegreesToRadians));
        return (lat - dLat, lon - dLon, lat + dLat, lon + dLon);
    }

    private static int CellCount(double spanDegrees, double cellDegrees) =>
        (int)Math.Clamp(Math.Floor(spanDegrees / cellDegrees) + 1, 1, int.MaxValue / 2);

    private long Entries(double cellDegrees)
    {
        long total = 0;
        for (int s = 0; s < _sites.Length; s++)
        {
            long rows = (long)Math.Floor((_north[s] - _gridSouth) / cellDegrees) - (long)Math.Floor((_south[s] - _gridSouth) / cellDegrees) + 1;
            long columns = (long)Math.Floor((_east[s] - _gridWest) / cellDegrees) - (long)Math.Floor((_west[s] - _gridWest) / cellDegrees) + 1;
            total += rows * columns;
        }

        return total;
    }

    private void ForEachCell(int site, Action<int> action)
    {
        int row0 = Math.Min((int)((_south[site] - _gridSouth) * _cellsPerDegree), _rows - 1);
        int row1 = Math.Min((int)((_north[site] - _gridSouth) * _cellsPerDegree), _rows - 1);
        int column0 = Math.Min((int)((_west[site] - _gridWest) * _cellsPerDegree), _columns - 1);
        int column1 = Math.Min((int)((_east[site] - _gridWest) * _cellsPerDegree), _columns - 1);
        Debug.Assert(row0 <= row1 && column0 <= column1, "envelopes are not inverted");
        for (int r = row0; r <= row1; r++)
        {
            for (int c = column0; c <= column1; c++)
            {
                action((r * _columns) + c);
            }
        }
    }
}
