using System.Numerics;
using System.Runtime.CompilerServices;
using AdintAudit.Geo;

namespace AdintAudit.Mobility;

/// <summary>Clusters each device's stays into places with DBSCAN (ALGORITHMS.md §2).</summary>
/// <remarks>
/// <para>
/// DBSCAN follows scikit-learn's <c>dbscan_inner</c>: points are visited in stay order; an unlabelled core point opens
/// the next raw label and its cluster is grown depth-first; a border point takes the first cluster reaching it; with
/// <see cref="PlaceOptions.MinPoints"/> = 1 every stay is core and clusters are the connected components of the
/// eps-graph. Neighbours (distance ≤ eps) come from a grid of eps-sized cells sorted by cell key, so a device with many
/// stays costs O(m log m + m·k), not O(m²).
/// </para>
/// <para>Metrics: default, haversine meters ≤ <see cref="PlaceOptions.EpsMeters"/>; skmob, central angle ≤
/// <see cref="PlaceOptions.SkmobClusterRadiusKm"/> / 6371.0088; trackintel, central angle of (lon, lat) read as
/// (lat, lon) ≤ eps / 6,371,000 (trackintel's swap, reproduced).</para>
/// <para>Place ids: skmob re-ranks by cluster size descending, the higher raw label first on equal size; trackintel keeps
/// the raw labels; default ranks by total duration descending, then by first stay. Centres: default, duration-weighted
/// mean of stay centres (plain mean when every stay has zero duration); compat, plain mean.</para>
/// </remarks>
public static class PlaceClusterer
{
    private const int BruteForceLimit = 48;

    /// <summary>Clusters the stays of every device.</summary>
    /// <param name="stays">The stays.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <returns>The places and the place of each stay.</returns>
    public static PlaceTable Cluster(StayTable stays, PlaceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stays);
        options ??= new PlaceOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinPoints, 1, nameof(options));
        int[] placeOfStay = new int[stays.Count];
        PlaceColumns[] parts = DeviceChunks.Run(stays.DeviceStart, options.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            var output = new PlaceColumns();
            var scratch = new DbscanScratch();
            for (int d = from; d < to; d++)
            {
                int start = stays.DeviceStartArray[d];
                int end = stays.DeviceStartArray[d + 1];
                if (end > start)
                {
                    ClusterDevice(stays, d, start, end, options, placeOfStay, output, scratch);
                }
            }

            return output;
        }, DeviceChunks.StayRowsPerChunk);
        var all = PlaceColumns.Concat(parts);
        var deviceStart = new int[stays.DeviceCount + 1];
        foreach (int d in all.Device)
        {
            deviceStart[d + 1]++;
        }

        for (int d = 0; d < stays.DeviceCount; d++)
        {
            deviceStart[d + 1] += deviceStart[d];
        }

        return new PlaceTable(stays.DeviceIdArray, deviceStart, [.. all.Device], [.. all.PlaceId], [.. all.Lat], [.. all.Lon], [.. all.Stays],
            [.. all.Duration], placeOfStay, options.Method);
    }

    /// <summary>Runs DBSCAN over points (x = first coordinate in degrees, y = second); returns raw labels (-1 noise) and the label count.</summary>
    internal static int Dbscan(ReadOnlySpan<double> x, ReadOnlySpan<double> y, PlaceMethod metric, double eps, int minPoints, Span<int> labels) =>
        Dbscan(x, y, metric, eps, minPoints, labels, new DbscanScratch());

    /// <summary>As above, with caller-owned scratch (reused across devices).</summary>
    internal static int Dbscan(ReadOnlySpan<double> x, ReadOnlySpan<double> y, PlaceMethod metric, double eps, int minPoints, Span<int> labels,
        DbscanScratch scratch) => DbscanCore(x, y, metric, eps, minPoints, labels, scratch);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ClusterDevice(StayTable stays, int device, int start, int end, PlaceOptions o, int[] placeOfStay, PlaceColumns output,
        DbscanScratch scratch)
    {
        int m = end - start;
        ReadOnlySpan<double> lat = stays.Columns.Lat.AsSpan(start, m);
        ReadOnlySpan<double> lon = stays.Columns.Lon.AsSpan(start, m);
        Span<int> raw = placeOfStay.AsSpan(start, m);
        int clusters = o.Method switch
        {
            PlaceMethod.Skmob => DbscanCore(lat, lon, PlaceMethod.Skmob, o.SkmobClusterRadiusKm / Haversine.SkmobDbscanEarthRadiusKm, o.MinPoints, raw, scratch),
            PlaceMethod.Trackintel => DbscanCore(lon, lat, PlaceMethod.Trackintel, o.EpsMeters / Haversine.EarthRadiusMeters, o.MinPoints, raw, scratch),
            _ => DbscanCore(lat, lon, PlaceMethod.Default, o.EpsMeters / Haversine.EarthRadiusMeters, o.MinPoints, raw, scratch),
        };
        if (clusters == 0)
        {
            return;
        }

        // Per raw cluster: size, duration, weighted sums, first stay.
        Span<int> size = scratch.Ints(0, clusters);
        Span<long> duration = scratch.Longs(clusters);
        Span<double> sums = scratch.Doubles(clusters * 4);
        size.Clear();
        duration.Clear();
        sums.Clear();
        ReadOnlySpan<long> s = stays.Columns.Start.AsSpan(start, m);
        ReadOnlySpan<long> e = stays.Columns.End.AsSpan(start, m);
        for (int i = 0; i < m; i++)
        {
            int c = raw[i];
            if (c < 0)
            {
                continue;
            }

            long dur = e[i] - s[i];
            size[c]++;
            duration[c] += dur;
            sums[(c * 4) + 0] += lat[i];
            sums[(c * 4) + 1] += lon[i];
            sums[(c * 4) + 2] += lat[i] * dur;
            sums[(c * 4) + 3] += lon[i] * dur;
        }

        // Rank raw labels into place ids.
        Span<int> order = scratch.Ints(1, clusters);
        for (int c = 0; c < clusters; c++)
        {
            order[c] = c;
        }

        switch (o.Method)
        {
            case PlaceMethod.Skmob:
                SortBy(order, size, duration, bySize: true);
                break;
            case PlaceMethod.Default:
                SortBy(order, size, duration, bySize: false);
                break;
            default:
                break;
        }

        Span<int> rank = scratch.Ints(2, clusters);
        for (int r = 0; r < clusters; r++)
        {
            rank[order[r]] = r;
        }

        for (int i = 0; i < m; i++)
        {
            if (raw[i] >= 0)
            {
                raw[i] = rank[raw[i]];
            }
        }

        for (int r = 0; r < clusters; r++)
        {
            int c = order[r];
            double cLat;
            double cLon;
            if (o.Method == PlaceMethod.Default && duration[c] > 0)
            {
                cLat = sums[(c * 4) + 2] / duration[c];
                cLon = sums[(c * 4) + 3] / duration[c];
            }
            else
            {
                cLat = sums[(c * 4) + 0] / size[c];
                cLon = sums[(c * 4) + 1] / size[c];
            }

            output.Add(device, r, cLat, cLon, size[c], duration[c]);
        }
    }

    /// <summary>Insertion-sorts raw labels: skmob by size desc then raw label desc; default by duration desc then raw label asc.</summary>
    private static void SortBy(Span<int> order, ReadOnlySpan<int> size, ReadOnlySpan<long> duration, bool bySize)
    {
        for (int i = 1; i < order.Length; i++)
        {
            int v = order[i];
            int j = i - 1;
            while (j >= 0 && Before(v, order[j], size, duration, bySize))
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = v;
        }
    }

    private static bool Before(int a, int b, ReadOnlySpan<int> size, ReadOnlySpan<long> duration, bool bySize)
    {
        if (bySize)
        {
            return size[a] != size[b] ? size[a] > size[b] : a > b;
        }

        return duration[a] != duration[b] ? duration[a] > duration[b] : a < b;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DbscanCore(ReadOnlySpan<double> x, ReadOnlySpan<double> y, PlaceMethod metric, double epsRadians, int minPoints, Span<int> labels,
        DbscanScratch scratch)
    {
        int m = x.Length;
        if (minPoints <= 1 && m > BruteForceLimit)
        {
            // With every point core, duplicates are always in one cluster, and clusters start at first occurrences in
            // index order either way: clustering the distinct points (kept in first-occurrence order) and copying each
            // one's label to its duplicates gives the same labels. Without it, k pings at one spot next to another dense
            // spot just over eps away rescanned that spot's k unlabelled points from each of the k: O(k²).
            int distinct = DistinctPoints(x, y, scratch, out Span<double> ux, out Span<double> uy, out Span<int> representative);
            if (distinct < m)
            {
                Span<int> distinctLabels = scratch.DistinctLabels(distinct);
                int count = DbscanGrid(ux, uy, metric, epsRadians, minPoints, distinctLabels, scratch);
                for (int i = 0; i < m; i++)
                {
                    labels[i] = distinctLabels[representative[i]];
                }

                return count;
            }
        }

        return DbscanGrid(x, y, metric, epsRadians, minPoints, labels, scratch);
    }

    /// <summary>
    /// Numbers the distinct points in first-occurrence order (open-addressing hash on the coordinates, O(m) expected):
    /// their coordinates go to <paramref name="ux"/>, <paramref name="uy"/> and each point's number to
    /// <paramref name="representative"/>. Equality is numeric (-0 equals 0); a point with a NaN coordinate equals none.
    /// </summary>
    /// <returns>The number of distinct points.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DistinctPoints(ReadOnlySpan<double> x, ReadOnlySpan<double> y, DbscanScratch scratch, out Span<double> ux,
        out Span<double> uy, out Span<int> representative)
    {
        int m = x.Length;
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)(2 * m));
        Span<int> table = scratch.Ints(6, size);
        table.Fill(-1);
        ux = scratch.DistinctX(m);
        uy = scratch.DistinctY(m);
        representative = scratch.Ints(5, m);
        int distinct = 0;
        for (int i = 0; i < m; i++)
        {
            double xi = x[i];
            double yi = y[i];
            if (double.IsNaN(xi) || double.IsNaN(yi))
            {
                ux[distinct] = xi;
                uy[distinct] = yi;
                representative[i] = distinct++;
                continue;
            }

            // + 0.0 turns -0 into +0, so numerically equal coordinates hash alike.
            ulong hash = ((ulong)BitConverter.DoubleToInt64Bits(xi + 0.0) * 0x9E3779B97F4A7C15UL)
                ^ ((ulong)BitConverter.DoubleToInt64Bits(yi + 0.0) * 0xC2B2AE3D27D4EB4FUL);
            int slot = (int)((hash ^ (hash >> 29)) & (uint)(size - 1));
            while (table[slot] >= 0 && (ux[table[slot]] != xi || uy[table[slot]] != yi))
            {
                slot = (slot + 1) & (size - 1);
            }

            if (table[slot] < 0)
            {
                table[slot] = distinct;
                ux[distinct] = xi;
                uy[distinct] = yi;
                distinct++;
            }

            representative[i] = table[slot];
        }

        ux = ux[..distinct];
        uy = uy[..distinct];
        return distinct;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DbscanGrid(ReadOnlySpan<double> x, ReadOnlySpan<double> y, PlaceMethod metric, double epsRadians, int minPoints, Span<int> labels,
        DbscanScratch scratch)
    {
        int m = x.Length;
        var grid = new Grid(x, y, epsRadians, scratch, m > BruteForceLimit);
        Span<bool> core = scratch.Bools(m);
        if (minPoints <= 1)
        {
            core.Fill(true);
        }
        else
        {
            List<int> found = scratch.Neighbours;
            for (int i = 0; i < m; i++)
            {
                // Stops at minPoints neighbours: a core test needs no more, and a dense cell stays O(minPoints) per point.
                grid.Neighbours(i, x, y, metric, epsRadians, default, found, minPoints);
                core[i] = found.Count >= minPoints;
            }
        }

        labels.Fill(-1);
        int label = 0;
        List<int> stack = scratch.Stack;
        List<int> neighbours = scratch.Neighbours;
        for (int i = 0; i < m; i++)
        {
            if (labels[i] != -1 || !core[i])
            {
                continue;
            }

            // A point is labelled when it is pushed, so it is pushed once: the stack stays O(m) even when every point
            // is in every other's neighbourhood (labelling on pop pushed each point once per core neighbour, O(m²)
            // memory). Every point pushed during this expansion gets this label either way, so the labels are the same.
            stack.Clear();
            labels[i] = label;
            stack.Add(i);
            while (stack.Count > 0)
            {
                int v = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                if (core[v])
                {
                    // Only unlabelled neighbours are returned, so labelled points are skipped before the distance test.
                    grid.Neighbours(v, x, y, metric, epsRadians, labels, neighbours);
                    foreach (int w in neighbours)
                    {
                        if (labels[w] == -1)
                        {
                            labels[w] = label;
                            stack.Add(w);
                        }
                    }
                }
            }

            label++;
        }

        return label;
    }

    /// <summary>
    /// Whether the central angle between the points is at most <paramref name="epsRadians"/>. Cheap tests decide the
    /// clear cases and the exact haversine the rest: a first-coordinate difference above eps rejects (the angle is never
    /// smaller); an equirectangular estimate (scaled by the cosine of the first point) below 0.98·eps accepts and above
    /// 1.02·eps rejects, margins that exceed its error for eps up to 100 km below 80° latitude (above it, always exact).
    /// </summary>
    private static bool Within(double x1, double y1, double x2, double y2, double cosX1, double epsRadians, DbscanScratch scratch)
    {
        scratch.DistanceTests++;
        double dx = (x2 - x1) * Haversine.DegreesToRadians;
        if (Math.Abs(dx) > epsRadians)
        {
            return false;
        }

        if (double.IsNaN(cosX1))
        {
            return Haversine.CentralAngle(x1, y1, x2, y2) <= epsRadians;
        }

        double dy = (y2 - y1) * Haversine.DegreesToRadians * cosX1;
        double squared = (dx * dx) + (dy * dy);
        double eps2 = epsRadians * epsRadians;
        if (squared < 0.9604 * eps2)
        {
            return true;
        }

        if (squared > 1.0404 * eps2)
        {
            return false;
        }

        return Haversine.CentralAngle(x1, y1, x2, y2) <= epsRadians;
    }

    /// <summary>Points sorted by grid cell (cells of eps in both directions), or a plain list when small.</summary>
    private readonly ref struct Grid
    {
        private readonly Span<long> _keys;
        private readonly Span<int> _index;
        private readonly Span<int> _skip;
        private readonly double _cellX;
        private readonly double _cellY;
        private readonly bool _useGrid;
        private readonly DbscanScratch _scratch;

        public Grid(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double epsRadians, DbscanScratch scratch, bool large)
        {
            int m = x.Length;
            double maxAbsX = 0;
            for (int i = 0; i < m; i++)
            {
                maxAbsX = Math.Max(maxAbsX, Math.Abs(x[i]));
            }

            _useGrid = large && maxAbsX < 80;
            _scratch = scratch;
            _keys = default;
            _index = default;
            _skip = default;
            _cellX = 0;
            _cellY = 0;
            if (!_useGrid)
            {
                return;
            }

            double epsDegrees = epsRadians / Haversine.DegreesToRadians;
            _cellX = epsDegrees * 1.001;
            _cellY = epsDegrees * 1.001 / Math.Cos(maxAbsX * Haversine.DegreesToRadians);
            _keys = scratch.Keys(m);
            _index = scratch.Ints(3, m);
            for (int i = 0; i < m; i++)
            {
                _keys[i] = Key((long)Math.Floor(x[i] / _cellX), (long)Math.Floor(y[i] / _cellY));
                _index[i] = i;
            }

            _keys.Sort(_index);
            _skip = scratch.Ints(4, m);
            for (int k = 0; k < m; k++)
            {
                _skip[k] = k;
            }
        }

        /// <summary>
        /// Lists the points within eps of point <paramref name="v"/>; when <paramref name="labels"/> is not empty, only
        /// those still unlabelled (-1). Stops once <paramref name="stopAt"/> are found.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Neighbours(int v, ReadOnlySpan<double> x, ReadOnlySpan<double> y, PlaceMethod metric, double epsRadians, ReadOnlySpan<int> labels,
            List<int> found, int stopAt = int.MaxValue)
        {
            found.Clear();
            bool all = labels.IsEmpty;
            // The table cosine (error below 4e-9) moves the estimate far less than Within's 2 % margins: same decisions.
            double cosV = Math.Abs(x[v]) < 80 ? Haversine.FastCosDegrees(x[v]) : double.NaN;
            if (!_useGrid)
            {
                for (int w = 0; w < x.Length; w++)
                {
                    if ((all || labels[w] == -1) && Within(x[v], y[v], x[w], y[w], cosV, epsRadians, _scratch))
                    {
                        found.Add(w);
                        if (found.Count >= stopAt)
                        {
                            return;
                        }
                    }
                }

                return;
            }

            long cx = (long)Math.Floor(x[v] / _cellX);
            long cy = (long)Math.Floor(y[v] / _cellY);
            for (long dx = -1; dx <= 1; dx++)
            {
                // Keys are cx·2³² + (cy mod 2³²): the three cells of a column are one run of keys unless cy wraps.
                long low = Key(cx + dx, cy - 1);
                long high = Key(cx + dx, cy + 1);
                if (high - low == 2)
                {
                    int at = LowerBound(_keys, low);
                    for (int k = Next(at, labels); k < _keys.Length && _keys[k] <= high; k = Next(k + 1, labels))
                    {
                        int w = _index[k];
                        if ((all || labels[w] == -1) && Within(x[v], y[v], x[w], y[w], cosV, epsRadians, _scratch))
                        {
                            found.Add(w);
                            if (found.Count >= stopAt)
                            {
                                return;
                            }
                        }
                    }

                    continue;
                }

                for (long dy = -1; dy <= 1; dy++)
                {
                    long key = Key(cx + dx, cy + dy);
                    int at = LowerBound(_keys, key);
                    for (int k = Next(at, labels); k < _keys.Length && _keys[k] == key; k = Next(k + 1, labels))
                    {
                        int w = _index[k];
                        if ((all || labels[w] == -1) && Within(x[v], y[v], x[w], y[w], cosV, epsRadians, _scratch))
                        {
                            found.Add(w);
                            if (found.Count >= stopAt)
                            {
                                return;
                            }
                        }
                    }
                }
            }
        }

        /// <summary>
        /// The first position at or after <paramref name="k"/> whose point is unlabelled (any position when
        /// <paramref name="labels"/> is empty). Labelled runs are jumped with path-compressed skip links, so a dense cell
        /// whose points are already in a cluster costs O(1) amortised per query instead of one look per point (DBSCAN on
        /// thousands of points at one spot was quadratic). Labels never go back to -1 during a run, so a link stays valid.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int Next(int k, ReadOnlySpan<int> labels)
        {
            if (labels.IsEmpty)
            {
                return k;
            }

            int r = k;
            while (r < _index.Length && labels[_index[r]] != -1)
            {
                r = _skip[r] == r ? r + 1 : _skip[r];
            }

            for (int c = k; c < r;)
            {
                int step = _skip[c] == c ? c + 1 : _skip[c];
                _skip[c] = r;
                c = step;
            }

            return r;
        }

        private static long Key(long cx, long cy) => (cx << 32) ^ (cy & 0xFFFF_FFFFL);

        private static int LowerBound(ReadOnlySpan<long> keys, long key)
        {
            int lo = 0;
            int hi = keys.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (keys[mid] < key)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }

    internal sealed class DbscanScratch
    {
        private readonly int[][] _ints = [new int[64], new int[64], new int[64], new int[64], new int[64], new int[64], new int[128]];
        private long[] _longs = new long[64];
        private double[] _doubles = new double[256];
        private bool[] _bools = new bool[64];
        private long[] _keys = new long[64];
        private double[] _distinctX = new double[64];
        private double[] _distinctY = new double[64];
        private int[] _distinctLabels = new int[64];

        /// <summary>Distance tests made so far (candidates looked at by neighbour queries): lets tests check the work is O(points).</summary>
        public long DistanceTests { get; set; }

        public List<int> Stack { get; } = new(64);

        public List<int> Neighbours { get; } = new(64);

        public Span<int> Ints(int slot, int n)
        {
            if (_ints[slot].Length < n)
            {
                _ints[slot] = new int[Math.Max(n, _ints[slot].Length * 2)];
            }

            return _ints[slot].AsSpan(0, n);
        }

        public Span<long> Longs(int n) => Ensure(ref _longs, n);

        public Span<double> Doubles(int n) => Ensure(ref _doubles, n);

        public Span<bool> Bools(int n) => Ensure(ref _bools, n);

        public Span<long> Keys(int n) => Ensure(ref _keys, n);

        public Span<double> DistinctX(int n) => Ensure(ref _distinctX, n);

        public Span<double> DistinctY(int n) => Ensure(ref _distinctY, n);

        public Span<int> DistinctLabels(int n) => Ensure(ref _distinctLabels, n);

        private static Span<T> Ensure<T>(ref T[] array, int n)
        {
            if (array.Length < n)
            {
                array = new T[Math.Max(n, array.Length * 2)];
            }

            return array.AsSpan(0, n);
        }
    }

    private sealed class PlaceColumns
    {
        public List<int> Device { get; } = [];

        public List<int> PlaceId { get; } = [];

        public List<double> Lat { get; } = [];

        public List<double> Lon { get; } = [];

        public List<int> Stays { get; } = [];

        public List<long> Duration { get; } = [];

        public void Add(int device, int placeId, double lat, double lon, int stays, long duration)
        {
            Device.Add(device);
            PlaceId.Add(placeId);
            Lat.Add(lat);
            Lon.Add(lon);
            Stays.Add(stays);
            Duration.Add(duration);
        }

        public static PlaceColumns Concat(PlaceColumns[] parts)
        {
            if (parts.Length == 1)
            {
                return parts[0];
            }

            var all = new PlaceColumns();
            foreach (PlaceColumns p in parts)
            {
                all.Device.AddRange(p.Device);
                all.PlaceId.AddRange(p.PlaceId);
                all.Lat.AddRange(p.Lat);
                all.Lon.AddRange(p.Lon);
                all.Stays.AddRange(p.Stays);
                all.Duration.AddRange(p.Duration);
            }

            return all;
        }
    }
}
