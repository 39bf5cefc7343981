namespace AdintAudit.Synthetic;

/// <summary>A POI of the synthetic metro area, as written to <c>pois.parquet</c> and (when sensitive) <c>sites.geojson</c>.</summary>
/// <param name="PoiId">Identifier.</param>
/// <param name="Name">Display name (fictional).</param>
/// <param name="Category">Kind of place, such as <c>supermarket</c> or <c>reproductive_health_clinic</c>.</param>
/// <param name="SensitiveCategory">FTC sensitive category (<c>medical</c>, <c>religious</c>, <c>military</c>…) or null.</param>
/// <param name="IsCriticalSite">Whether the site is a critical site (military base, government compound).</param>
/// <param name="Polygon">The footprint's corners (latitude, longitude in degrees), counter-clockwise, first corner not repeated.</param>
public sealed record SyntheticPoi(
    int PoiId,
    string Name,
    string Category,
    string? SensitiveCategory,
    bool IsCriticalSite,
    IReadOnlyList<(double Latitude, double Longitude)> Polygon);
