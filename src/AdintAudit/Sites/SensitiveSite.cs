using NetTopologySuite.Geometries;

namespace AdintAudit.Sites;

/// <summary>A sensitive site: a polygon or a point with a radius, with an id, a name and an FTC category.</summary>
/// <remarks>Immutable. Coordinates are WGS84 degrees; the geometry keeps GeoJSON's (x = longitude, y = latitude) order.</remarks>
public sealed class SensitiveSite
{
    internal SensitiveSite(int index, string siteId, string name, string category, SiteShape shape, Geometry geometry, double radiusMeters)
    {
        Index = index;
        SiteId = siteId;
        Name = name;
        Category = category;
        Shape = shape;
        Geometry = geometry;
        RadiusMeters = radiusMeters;
        Point centroid = geometry.Centroid;
        CentroidLat = centroid.Y;
        CentroidLon = centroid.X;
    }

    /// <summary>Position of the site in its catalog (the feature index in the GeoJSON file), 0-based.</summary>
    public int Index { get; }

    /// <summary>The feature's <c>site_id</c> property as text, or the feature index when the property is absent.</summary>
    public string SiteId { get; }

    /// <summary>The feature's <c>name</c> property, or <c>site {SiteId}</c> when absent.</summary>
    public string Name { get; }

    /// <summary>
    /// The feature's <c>category</c> as written (for example <c>medical</c>, <c>religious</c>, <c>military</c>); categories
    /// outside the FTC list are kept as they are.
    /// </summary>
    public string Category { get; }

    /// <summary>Whether the site is a polygon, a multipolygon or a point with a radius.</summary>
    public SiteShape Shape { get; }

    /// <summary>Radius of a point site in meters (&gt; 0); NaN for polygon sites.</summary>
    public double RadiusMeters { get; }

    /// <summary>
    /// Latitude of the site's centroid in degrees (the point itself for a point site; the area centroid of the
    /// polygons otherwise, computed in degree coordinates). Home distances are measured to this point.
    /// </summary>
    public double CentroidLat { get; }

    /// <summary>Longitude of the site's centroid in degrees.</summary>
    public double CentroidLon { get; }

    /// <summary>The NTS geometry (Polygon, MultiPolygon or Point), x = longitude, y = latitude.</summary>
    internal Geometry Geometry { get; }
}
