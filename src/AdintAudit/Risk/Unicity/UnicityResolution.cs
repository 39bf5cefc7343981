namespace AdintAudit.Risk.Unicity;

/// <summary>A spatio-temporal resolution at which traces are coarsened: a grid cell size and a time bin.</summary>
/// <param name="CellMeters">Edge of the near-square <see cref="Geo.GridCell"/> cells, in meters (&gt; 0).</param>
/// <param name="TimeBinMinutes">Width of the time bins in minutes (&gt;= 1); bins are aligned on the UTC epoch.</param>
public readonly record struct UnicityResolution(double CellMeters, int TimeBinMinutes);
