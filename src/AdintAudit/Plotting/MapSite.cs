namespace AdintAudit.Plotting;

/// <summary>A marker drawn on top of a <see cref="CellDensityMap"/> (a sensitive site).</summary>
/// <param name="LatitudeDegrees">Latitude, degrees.</param>
/// <param name="LongitudeDegrees">Longitude, degrees.</param>
/// <param name="Label">Name shown on hover (and next to the marker when there are few sites).</param>
/// <param name="Category">Category; each distinct category gets its own marker colour and legend entry.</param>
public readonly record struct MapSite(double LatitudeDegrees, double LongitudeDegrees, string Label, string Category);
