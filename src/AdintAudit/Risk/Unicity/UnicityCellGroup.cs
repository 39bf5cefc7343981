namespace AdintAudit.Risk.Unicity;

/// <summary>
/// The resolutions of a <see cref="UnicityQuery"/> that share one cell size, indexed by cell: the cells their points use
/// (a hash lookup, once per change of cell along a device's pings) and, per cell and resolution, the needed time bins
/// ascending with their point ids (a binary search in a short list, once per change of bin).
/// </summary>
/// <remarks>About 40 bytes per distinct cell and 12 bytes per point.</remarks>
internal sealed class UnicityCellGroup
{
    /// <summary>Indexes the points of <paramref name="resolutions"/> (all with cell size <paramref name="cellMeters"/>) by cell.</summary>
    /// <param name="cellMeters">The cell size in meters.</param>
    /// <param name="resolutions">Indices of the resolutions with this cell size, ascending.</param>
    /// <param name="all">Every resolution of the query.</param>
    public UnicityCellGroup(double cellMeters, int[] resolutions, UnicityQueryResolution[] all)
    {
        CellMeters = cellMeters;
        Resolutions = resolutions;
        var cells = new List<UnicityPointKey>();
        foreach (int r in resolutions)
        {
            foreach (UnicityPointKey point in all[r].Points)
            {
                cells.Add(new UnicityPointKey(0, point.Cell));
            }
        }

        Cells = new UnicityPointLookup(UnicityPointKey.SortedDistinct([.. cells]));
        PointStart = new int[resolutions.Length][];
        PointBin = new long[resolutions.Length][];
        PointId = new int[resolutions.Length][];
        for (int j = 0; j < resolutions.Length; j++)
        {
            UnicityPointKey[] points = all[resolutions[j]].Points;
            int[] cellOf = new int[points.Length];
            int[] start = new int[Cells.Count + 1];
            for (int p = 0; p < points.Length; p++)
            {
                cellOf[p] = Cells.Find(new UnicityPointKey(0, points[p].Cell));
                start[cellOf[p] + 1]++;
            }

            for (int c = 0; c < Cells.Count; c++)
            {
                start[c + 1] += start[c];
            }

            // Points are in (bin, cell) order, so each cell's bins come out ascending.
            long[] bins = new long[points.Length];
            int[] ids = new int[points.Length];
            int[] next = start[..^1];
            for (int p = 0; p < points.Length; p++)
            {
                int at = next[cellOf[p]]++;
                bins[at] = points[p].Bin;
                ids[at] = p;
            }

            PointStart[j] = start;
            PointBin[j] = bins;
            PointId[j] = ids;
        }
    }

    /// <summary>The cell size in meters.</summary>
    public double CellMeters { get; }

    /// <summary>Indices of the resolutions with this cell size, ascending.</summary>
    public int[] Resolutions { get; }

    /// <summary>The cells used by the points at these resolutions (as keys with bin 0) -> cell index.</summary>
    public UnicityPointLookup Cells { get; }

    /// <summary>Per member resolution j: cell c's points are entries <c>PointStart[j][c]..PointStart[j][c + 1]</c>.</summary>
    public int[][] PointStart { get; }

    /// <summary>Per member resolution: each entry's time bin, ascending within a cell.</summary>
    public long[][] PointBin { get; }

    /// <summary>Per member resolution: each entry's point id.</summary>
    public int[][] PointId { get; }
}
