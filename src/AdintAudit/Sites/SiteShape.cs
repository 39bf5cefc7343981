namespace AdintAudit.Sites;

/// <summary>The geometry a site was given as in its GeoJSON feature.</summary>
public enum SiteShape
{
    /// <summary>A GeoJSON Polygon (outer ring and optional holes).</summary>
    Polygon,

    /// <summary>A GeoJSON MultiPolygon.</summary>
    MultiPolygon,

    /// <summary>A GeoJSON Point with a radius (<c>radius_m</c>).</summary>
    Point,
}
