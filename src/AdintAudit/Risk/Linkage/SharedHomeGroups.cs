using AdintAudit.Geo;
using AdintAudit.Mobility;

namespace AdintAudit.Risk.Linkage;

/// <summary>
/// Groups devices whose inferred homes lie within a distance of each other, transitively (union-find over the pairs of
/// homes found through a grid of cells as large as the distance, so never all pairs).
/// </summary>
internal static class SharedHomeGroups
{
    /// <summary>Returns each device's group size (itself included; 0 without a home) and the number of groups of two or more.</summary>
    /// <param name="homes">The inferred homes (NaN = none).</param>
    /// <param name="meters">Homes at most this far apart are joined (≥ 0).</param>
    public static (int[] GroupSize, int SharedGroups) Find(HomeWorkTable homes, double meters)
    {
        ReadOnlySpan<double> lat = homes.HomeLat;
        ReadOnlySpan<double> lon = homes.HomeLon;
        int devices = homes.Count;
        int[] parent = new int[devices];
        int[] size = new int[devices];
        var hood = new CellNeighbourhood(meters);
        var grid = new CellBuckets();
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
                foreach (int other in grid.Items(bucket))
                {
                    if (Haversine.Meters(lat[d], lon[d], lat[other], lon[other]) <= meters)
                    {
                        Union(parent, size, d, other);
                    }
                }
            }

            grid.Add(hood.Key(lat[d], lon[d]), d);
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
}
