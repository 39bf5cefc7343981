using System.Diagnostics;

namespace AdintAudit.Risk.Unicity;

/// <summary>
/// Per-thread evaluator of one device at a time against a <see cref="UnicityIndex"/>: the worst-case search for the
/// smallest unique subset of its points and the random (or exhaustive) draws of p-subsets. Owns reusable scratch.
/// </summary>
internal sealed class DeviceUnicity
{
    /// <summary>
    /// List elements the worst-case search may touch per unit of its node budget: each intersection is charged the
    /// length of its shorter list. A search whose intersected lists all have at most this many devices runs out of nodes
    /// first, so the cap changes nothing there; when every point is shared by thousands of devices (all pings at one
    /// spot) it bounds a device's work by a constant instead of budget x device count, which made the search quadratic.
    /// </summary>
    internal const int ElementsPerNode = 64;

    private readonly UnicityIndex _index;
    private readonly int[][] _buffers;
    private readonly int[] _chosen;
    private readonly int[] _combination;
    private int[] _cursors;
    private int[] _order = new int[64];
    private long[] _orderKeys = new long[64];
    private int[] _shuffle = new int[64];
    private int _points;
    private long _nodes;
    private long _budget;
    private long _elements;
    private long _elementBudget;
    private bool _truncated;

    public DeviceUnicity(UnicityIndex index, int maxP)
    {
        _index = index;
        _buffers = new int[Math.Max(2, maxP)][];
        for (int i = 0; i < _buffers.Length; i++)
        {
            _buffers[i] = new int[Math.Max(1, index.LongestPosting)];
        }

        _chosen = new int[maxP];
        _combination = new int[maxP];
        _cursors = new int[maxP];
    }

    /// <summary>List elements charged by the last <see cref="SmallestUniqueSubset"/> (at most its budget x <see cref="ElementsPerNode"/>).</summary>
    internal long ElementsTouched => _elements;

    /// <summary>
    /// Finds the smallest k &lt;= <paramref name="maxP"/> for which some k-subset of the device's distinct points is held
    /// by no other device.
    /// </summary>
    /// <param name="row">The device's row among the index's traces.</param>
    /// <param name="maxP">Largest subset size of interest.</param>
    /// <param name="budget">Most intersections to spend; the list elements charged are capped at budget x <see cref="ElementsPerNode"/>.</param>
    /// <returns>
    /// <c>Smallest</c>: that k, or 0 when none was found; <c>UndecidedFrom</c>: the first size the search did not finish
    /// (its budget ran out there), or <paramref name="maxP"/> + 1 when every size was decided.
    /// </returns>
    /// <remarks>
    /// Sizes are tried in increasing order (iterative deepening); k = 1 is "the rarest point has one device". For k &gt;= 2
    /// a depth-first walk over subsets of the points sorted rarest first keeps the intersection of the chosen points'
    /// device lists and stops at the first subset whose intersection is the device alone. A point that does not shrink
    /// the intersection is skipped: a unique subset through it would leave a unique subset one smaller without it, which
    /// the previous size already ruled out. Uniqueness is monotone (a superset of a unique subset is unique), so the
    /// device is unique at every p from k up to its number of points.
    /// </remarks>
    public (int Smallest, int UndecidedFrom) SmallestUniqueSubset(int row, int maxP, long budget)
    {
        _elements = 0;
        ReadOnlySpan<int> trace = _index.Trace(row);
        int n = trace.Length;
        if (n == 0)
        {
            return (0, maxP + 1);
        }

        SortRarestFirst(trace);
        if (_index.PostingLength(_order[0]) == 1)
        {
            return (1, maxP + 1);
        }

        // Uniqueness is monotone, so when another device holds every one of this device's points no subset is unique:
        // decided at once. Without this, devices that share all their points with many others (all pings at one spot)
        // spent the whole budget on intersections as long as the device count, for nothing.
        if (!IsUnique(_order.AsSpan(0, n)))
        {
            return (0, maxP + 1);
        }

        _nodes = 0;
        _budget = budget;
        _elements = 0;
        _elementBudget = budget > long.MaxValue / ElementsPerNode ? long.MaxValue : budget * ElementsPerNode;
        _truncated = false;
        for (int k = 2; k <= Math.Min(maxP, n); k++)
        {
            if (Search(k, 0, 0, default))
            {
                return (k, maxP + 1);
            }

            if (_truncated)
            {
                return (0, k);
            }
        }

        return (0, maxP + 1);
    }

    /// <summary>
    /// Evaluates p-subsets of the device's distinct points: every subset once when there are at most
    /// <paramref name="draws"/> of them, otherwise <paramref name="draws"/> uniform random ones (with replacement
    /// between draws, distinct points within a draw) from the stream <paramref name="streamSeed"/>.
    /// </summary>
    /// <returns>How many of the evaluated subsets were unique, and how many were evaluated (0 when the device has fewer than p points).</returns>
    public (int Unique, int Evaluated) Draw(int row, int p, int draws, ulong streamSeed)
    {
        ReadOnlySpan<int> trace = _index.Trace(row);
        int n = trace.Length;
        if (n < p)
        {
            return (0, 0);
        }

        int unique = 0;
        long subsets = Binomial(n, p, draws);
        if (subsets <= draws)
        {
            Span<int> combination = _combination.AsSpan(0, p);
            for (int j = 0; j < p; j++)
            {
                combination[j] = j;
            }

            while (true)
            {
                for (int j = 0; j < p; j++)
                {
                    _chosen[j] = trace[combination[j]];
                }

                unique += IsUnique(_chosen.AsSpan(0, p)) ? 1 : 0;
                int i = p - 1;
                while (i >= 0 && combination[i] == n - p + i)
                {
                    i--;
                }

                if (i < 0)
                {
                    return (unique, (int)subsets);
                }

                combination[i]++;
                for (int j = i + 1; j < p; j++)
                {
                    combination[j] = combination[j - 1] + 1;
                }
            }
        }

        EnsureCapacity(n);
        Span<int> shuffle = _shuffle.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            shuffle[i] = i;
        }

        var random = new SplitMix64(streamSeed);
        for (int draw = 0; draw < draws; draw++)
        {
            // Partial Fisher-Yates: the first p slots become a uniform random p-subset (any starting order keeps it uniform).
            for (int j = 0; j < p; j++)
            {
                int k = j + random.NextInt(n - j);
                (shuffle[j], shuffle[k]) = (shuffle[k], shuffle[j]);
                _chosen[j] = trace[shuffle[j]];
            }

            unique += IsUnique(_chosen.AsSpan(0, p)) ? 1 : 0;
        }

        return (unique, draws);
    }

    /// <summary>Returns C(n, p), or <paramref name="cap"/> + 1 as soon as it exceeds <paramref name="cap"/>.</summary>
    internal static long Binomial(int n, int p, int cap)
    {
        long result = 1;
        for (int i = 1; i <= p; i++)
        {
            result = result * (n - p + i) / i;
            if (result > cap)
            {
                return (long)cap + 1;
            }
        }

        return result;
    }

    /// <summary>True when the intersection of the points' device lists is the device alone (smallest list first, early exit).</summary>
    private bool IsUnique(Span<int> points)
    {
        // Insertion sort by posting length: p is small.
        for (int i = 1; i < points.Length; i++)
        {
            int point = points[i];
            int length = _index.PostingLength(point);
            int j = i - 1;
            while (j >= 0 && _index.PostingLength(points[j]) > length)
            {
                points[j + 1] = points[j];
                j--;
            }

            points[j + 1] = point;
        }

        // Walks the rarest list and looks each device up in the others (monotone cursors, binary search), stopping at the
        // second device found in all of them. Same answer as intersecting the lists, but when many devices share every
        // point (all pings at one spot) it stops after two devices instead of intersecting lists of every device:
        // O(p log D) there instead of O(D) per sampled device, which made the estimate quadratic in the devices.
        ReadOnlySpan<int> rarest = _index.Posting(points[0]);
        if (_cursors.Length < points.Length)
        {
            _cursors = new int[Math.Max(points.Length, _cursors.Length * 2)];
        }

        Span<int> cursors = _cursors.AsSpan(0, points.Length);
        cursors.Clear();
        int inAll = 0;
        foreach (int device in rarest)
        {
            bool everywhere = true;
            for (int i = 1; i < points.Length; i++)
            {
                ReadOnlySpan<int> posting = _index.Posting(points[i])[cursors[i]..];
                int at = posting.BinarySearch(device);
                cursors[i] += at >= 0 ? at + 1 : ~at;
                if (at < 0)
                {
                    everywhere = false;
                    break;
                }
            }

            if (everywhere && ++inAll == 2)
            {
                return false;
            }
        }

        Debug.Assert(inAll == 1, "the device itself holds every one of its points");
        return inAll == 1;
    }

    /// <summary>Chooses the remaining points of a k-subset from position <paramref name="from"/> of the rarest-first order.</summary>
    private bool Search(int k, int depth, int from, ReadOnlySpan<int> candidates)
    {
        int last = _points - (k - depth);
        for (int i = from; i <= last; i++)
        {
            if (++_nodes > _budget)
            {
                _truncated = true;
                return false;
            }

            ReadOnlySpan<int> posting = _index.Posting(_order[i]);
            if (depth > 0)
            {
                long elements = _elements + Math.Min(candidates.Length, posting.Length);
                if (elements > _elementBudget)
                {
                    _truncated = true;
                    return false;
                }

                _elements = elements;
            }

            if (depth == 0)
            {
                if (Search(k, 1, i + 1, posting))
                {
                    return true;
                }
            }
            else if (depth == k - 1)
            {
                if (PostingIntersection.Intersect(candidates, posting, default, 2) == 1)
                {
                    return true;
                }
            }
            else
            {
                int[] buffer = _buffers[depth];
                int count = PostingIntersection.Intersect(candidates, posting, buffer);
                if (count == 1)
                {
                    return true;
                }

                if (count < candidates.Length && Search(k, depth + 1, i + 1, buffer.AsSpan(0, count)))
                {
                    return true;
                }
            }

            if (_truncated)
            {
                return false;
            }
        }

        return false;
    }

    private void SortRarestFirst(ReadOnlySpan<int> trace)
    {
        int n = trace.Length;
        EnsureCapacity(n);
        for (int i = 0; i < n; i++)
        {
            _orderKeys[i] = ((long)_index.PostingLength(trace[i]) << 32) | (uint)trace[i];
            _order[i] = trace[i];
        }

        _orderKeys.AsSpan(0, n).Sort(_order.AsSpan(0, n));
        _points = n;
    }

    private void EnsureCapacity(int n)
    {
        if (_order.Length < n)
        {
            int size = Math.Max(n, _order.Length * 2);
            _order = new int[size];
            _orderKeys = new long[size];
            _shuffle = new int[size];
        }
    }
}
