namespace AdintAudit.Risk.Unicity;

/// <summary>
/// The resolutions of a <see cref="UnicityQuery"/> that share one cell size, and the cells their points use: a ping in
/// any other cell cannot hold a point of the query at these resolutions, so one lookup per ping skips it for all of them.
/// </summary>
internal sealed class UnicityCellGroup(double cellMeters, int[] resolutions, UnicityPointKey[] cells)
{
    /// <summary>The cell size in meters.</summary>
    public double CellMeters { get; } = cellMeters;

    /// <summary>Indices of the resolutions with this cell size, ascending.</summary>
    public int[] Resolutions { get; } = resolutions;

    /// <summary>The cells used by the query's points at these resolutions, as keys with bin 0.</summary>
    public UnicityPointLookup Cells { get; } = new(cells);
}
