using AdintAudit.Geo;
using AdintAudit.Mobility;

namespace AdintAudit.Risk.Linkage;

/// <summary>
/// Groups devices whose inferred homes lie within a distance of each other, transitively (union-find over the pairs of
/// homes found through a grid of cells as large as the distance, so never all pairs).
/// </summary>
/// <remarks>
/// Dense areas (thousands of homes within the distance, as in a city of millions of devices) would still compare every
/// home with every earlier home nearby. So each cell's homes are kept in sub-cells of half the distance, whose homes are
/// all within the distance of each other (checked by haversine on insertion: a sub-cell is "joined" while that holds) and
/// so already one group: a new home skips a joined sub-cell that is already in its group, and stops scanning a joined
/// sub-cell at the first home within the distance. The groups are exactly the connected components of "within the
/// distance", as before; only comparisons that cannot change them are skipped.
/// </remarks>
internal static class SharedHomeGroups
{
    /// <summary>Returns each device's group size (itself included; 0 without a home) and the number of groups of two or more.</summary>
    public static (int[] GroupSize, int SharedGroups) Find(HomeWorkTable homes, double meters)
    {
        ReadOnlySpan<double> lat = homes.HomeLat;
        ReadOnlySpan<double> lon = homes.HomeLon;
        int devices = homes.Count;
        int[] parent = new int[devices];
        int[] size = new int[devices];
        var hood = new CellNeighbourhood(meters);
        double subCellMeters = hood.CellMeters / 2;
        var grid = new CellBuckets();
        var subCells = new CellBuckets();
        var joined = new SubCellExtents();
        var registered = new HashSet<(long Cell, int SubCell)>();
        for (int d = 0; d < devices; d++)
        {
            parent[d] = d;
            size[d] = 1;
            if (double.IsNaN(lat[d]) || double.IsNaN(lon[d]))
            {
                continue;
            }

            foreach (int bucket in new NearbyBuckets(grid, hood, lat[d], lon[d]))
            {
                foreach (int sub in grid.Items(bucket))
                {
                    ReadOnlySpan<int> members = subCells.Items(sub);
                    bool isJoined = joined.IsJoined(sub);
                    if (isJoined && Root(parent, members[0]) == Root(parent, d))
                    {
                        continue;
                    }

                    foreach (int other in members)
                    {
                        if (Haversine.Meters(lat[d], lon[d], lat[other], lon[other]) <= meters)
                        {
                            Union(parent, size, d, other);
                            if (isJoined)
                            {
                                break;
                            }
                        }
                    }
                }
            }

            int existing = subCells.Add(GridCell.Key(lat[d], lon[d], subCellMeters), d);
            joined.Include(existing, lat[d], lon[d], meters);
            long cell = hood.Key(lat[d], lon[d]);

            // Sub-cells do not nest in the cells (the column widths differ), so a sub-cell is listed in the cell of each
            // of its homes: every home stays reachable from the neighbourhood of any point near it.
            if (registered.Add((cell, existing)))
            {
                grid.Add(cell, existing);
            }
        }

        int[] groupSize = new int[devices];
        int sharedGroups = 0;
        for (int d = 0; d < devices; d++)
        {
            bool known = !double.IsNaN(lat[d]) && !double.IsNaN(lon[d]);
            int root = Root(parent, d);
            groupSize[d] = known ? size[root] : 0;
            sharedGroups += known && root == d && size[d] >= 2 ? 1 : 0;
        }

        return (groupSize, sharedGroups);
    }

    private static int Root(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    private static void Union(int[] parent, int[] size, int x, int y)
    {
        int rx = Root(parent, x);
        int ry = Root(parent, y);
        if (rx == ry)
        {
            return;
        }

        if (size[rx] < size[ry])
        {
            (rx, ry) = (ry, rx);
        }

        parent[ry] = rx;
        size[rx] += size[ry];
    }

    /// <summary>
    /// The bounding box of each sub-cell's homes: the sub-cell is joined while both diagonals of the box are under 99 % of
    /// the distance, so that any two of its homes are within it (opposite corners are the farthest points of a box this
    /// small); a box that grows past that is scanned in full, the exact old behaviour.
    /// </summary>
    private sealed class SubCellExtents
    {
        private const double JoinedShareOfDistance = 0.99;
        private readonly List<(double South, double West, double North, double East)> _boxes = [];
        private readonly List<bool> _joined = [];

        public bool IsJoined(int sub) => _joined[sub];

        /// <summary>Adds a home to sub-cell <paramref name="sub"/> (sub-cells come in order of creation: 0, 1, …).</summary>
        public void Include(int sub, double lat, double lon, double meters)
        {
            if (sub == _boxes.Count)
            {
                _boxes.Add((lat, lon, lat, lon));
                _joined.Add(true);
                return;
            }

            (double south, double west, double north, double east) = _boxes[sub];
            (south, west, north, east) = (Math.Min(south, lat), Math.Min(west, lon), Math.Max(north, lat), Math.Max(east, lon));
            _boxes[sub] = (south, west, north, east);
            double limit = meters * JoinedShareOfDistance;
            _joined[sub] = _joined[sub]
                && Haversine.Meters(south, west, north, east) <= limit
                && Haversine.Meters(south, east, north, west) <= limit;
        }
    }
}
