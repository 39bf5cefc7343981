using System.Globalization;
using System.Numerics;
using AdintAudit.Data;
using AdintAudit.Geo;

namespace AdintAudit.Risk.Unicity;

/// <summary>
/// Every device's trace coarsened to one resolution, as distinct points (grid cell, time bin), and the inverted index
/// point -> devices holding it. Both are flat CSR arrays.
/// </summary>
/// <remarks>
/// A point is packed into one <see cref="long"/>: time bin, cell band and cell column, each offset by the dataset's
/// minimum and given just the bits its range needs; when the three do not fit in 63 bits (cells spread over the whole
/// globe at a metre scale) the distinct cells are numbered first. Each device's keys, already in bin order because its
/// pings are in time order, are sorted within each bin and deduplicated in its own slice (parallel over devices), then all (key, entry) pairs are radix-sorted once (stable, so devices stay
/// ascending); runs of equal keys become point ids and posting lists. Point ids ascend with the key, so each device's
/// trace lists its point ids in ascending order. Cost O(n log d) for n pings and d pings per device, memory about 40 bytes per ping.
/// </remarks>
internal sealed class UnicityIndex
{
    private UnicityIndex(int[] traceStart, int[] tracePoint, int[] postingStart, int[] postingDevice)
    {
        TraceStart = traceStart;
        TracePoint = tracePoint;
        PostingStart = postingStart;
        PostingDevice = postingDevice;
        int longest = 0;
        for (int p = 0; p + 1 < postingStart.Length; p++)
        {
            longest = Math.Max(longest, postingStart[p + 1] - postingStart[p]);
        }

        LongestPosting = longest;
    }

    /// <summary>Device d's distinct points are <c>TracePoint[TraceStart[d]..TraceStart[d + 1]]</c>, ascending.</summary>
    public int[] TraceStart { get; }

    /// <summary>Point ids of every device's trace.</summary>
    public int[] TracePoint { get; }

    /// <summary>Point p's devices are <c>PostingDevice[PostingStart[p]..PostingStart[p + 1]]</c>, ascending.</summary>
    public int[] PostingStart { get; }

    /// <summary>Devices of every posting list.</summary>
    public int[] PostingDevice { get; }

    /// <summary>Number of distinct points.</summary>
    public int PointCount => PostingStart.Length - 1;

    /// <summary>Length of the longest posting list (the size scratch buffers need).</summary>
    public int LongestPosting { get; }

    /// <summary>Returns the distinct points of a device.</summary>
    public ReadOnlySpan<int> Trace(int device) => TracePoint.AsSpan(TraceStart[device], TraceStart[device + 1] - TraceStart[device]);

    /// <summary>Returns the devices holding a point, ascending.</summary>
    public ReadOnlySpan<int> Posting(int point) => PostingDevice.AsSpan(PostingStart[point], PostingStart[point + 1] - PostingStart[point]);

    /// <summary>Returns how many devices hold a point.</summary>
    public int PostingLength(int point) => PostingStart[point + 1] - PostingStart[point];

    /// <summary>Returns the <see cref="GridCell"/> key of every ping (parallel over devices); shared by resolutions with the same cell size.</summary>
    /// <exception cref="InputFormatException">A coordinate is not finite.</exception>
    public static long[] CellKeys(PingTable pings, double cellMeters, ParallelOptions parallel)
    {
        CheckCoordinates(pings);
        long[] cells = new long[pings.Count];
        Parallel.For(0, pings.DeviceCount, parallel, d =>
        {
            ReadOnlySpan<double> lat = pings.LatArray;
            ReadOnlySpan<double> lon = pings.LonArray;
            for (int i = pings.DeviceStartArray[d]; i < pings.DeviceStartArray[d + 1]; i++)
            {
                cells[i] = GridCell.Key(lat[i], lon[i], cellMeters);
            }
        });
        return cells;
    }

    /// <summary>Bins every ping's time and builds the traces and the inverted index.</summary>
    /// <param name="pings">The pings.</param>
    /// <param name="cellKeys">Each ping's cell, from <see cref="CellKeys"/>.</param>
    /// <param name="timeBinMinutes">Bin width in minutes; bins are aligned on the UTC epoch.</param>
    /// <param name="parallel">Threads and cancellation.</param>
    /// <exception cref="InputFormatException">The time bins span more than 2^32 bins.</exception>
    public static UnicityIndex Build(PingTable pings, long[] cellKeys, int timeBinMinutes, ParallelOptions parallel)
    {
        int n = pings.Count;
        int devices = pings.DeviceCount;
        long binMs = timeBinMinutes * 60_000L;
        long[] keys = new long[n];
        int[] bins = new int[n];
        (long minBin, long maxBin) = BinRange(pings, binMs);
        if (maxBin - minBin > uint.MaxValue)
        {
            throw new InputFormatException(string.Create(CultureInfo.InvariantCulture,
                $"the timestamps span more than 2^32 bins of {timeBinMinutes} minutes"));
        }

        // Pass 1: relative time bins and the range of bands and columns.
        var ranges = new CellRange[devices];
        Parallel.For(0, devices, parallel, d =>
        {
            var range = CellRange.Empty;
            ReadOnlySpan<long> time = pings.TimeArray;
            for (int i = pings.DeviceStartArray[d]; i < pings.DeviceStartArray[d + 1]; i++)
            {
                long cell = cellKeys[i];
                keys[i] = cell;
                bins[i] = (int)(uint)(FloorDiv(time[i], binMs) - minBin);
                range.Add(cell);
            }

            ranges[d] = range;
        });
        var all = CellRange.Empty;
        foreach (CellRange range in ranges)
        {
            all.Merge(range);
        }

        int cellBits = PackKeys(keys, bins, all, (ulong)(maxBin - minBin), devices, pings.DeviceStartArray, parallel);
        return FromKeys(keys, cellBits, pings.DeviceStartArray, devices, parallel);
    }

    /// <summary>
    /// Builds the index from one packed point key per ping, time bin in the bits above <paramref name="cellBits"/>
    /// (each device's pings in its slice of <paramref name="keys"/>, in time order).
    /// </summary>
    internal static UnicityIndex FromKeys(long[] keys, int cellBits, int[] deviceStart, int devices, ParallelOptions parallel)
    {
        // Distinct keys of each device, sorted in place at the front of its slice. Pings are in time order, so the keys
        // are already ordered by bin: only the cells within each bin need sorting.
        int[] distinct = new int[devices];
        Parallel.For(0, devices, parallel, d =>
        {
            Span<long> slice = keys.AsSpan(deviceStart[d], deviceStart[d + 1] - deviceStart[d]);
            for (int run = 0; run < slice.Length;)
            {
                int end = run + 1;
                long bin = slice[run] >> cellBits;
                while (end < slice.Length && slice[end] >> cellBits == bin)
                {
                    end++;
                }

                if (end - run > 1)
                {
                    slice[run..end].Sort();
                }

                run = end;
            }

            int w = 0;
            for (int i = 0; i < slice.Length; i++)
            {
                if (w == 0 || slice[i] != slice[w - 1])
                {
                    slice[w++] = slice[i];
                }
            }

            distinct[d] = w;
        });
        int[] traceStart = new int[devices + 1];
        for (int d = 0; d < devices; d++)
        {
            traceStart[d + 1] = traceStart[d] + distinct[d];
        }

        int entries = traceStart[devices];
        long[] sortedKeys = new long[entries];
        int[] entryOrder = new int[entries];
        int[] owner = new int[entries];
        Parallel.For(0, devices, parallel, d =>
        {
            int from = deviceStart[d];
            for (int e = traceStart[d]; e < traceStart[d + 1]; e++)
            {
                sortedKeys[e] = keys[from++];
                entryOrder[e] = e;
                owner[e] = d;
            }
        });
        (sortedKeys, entryOrder) = PairRadixSort.Sort(sortedKeys, entryOrder);

        // Runs of equal keys are points. The sort is stable and a device's entries ascend with the device, so each
        // run's devices come out ascending.
        int[] tracePoint = new int[entries];
        int[] postingDevice = new int[entries];
        var postingStart = new List<int>(Math.Max(16, entries / 4));
        for (int s = 0; s < entries; s++)
        {
            if (s == 0 || sortedKeys[s] != sortedKeys[s - 1])
            {
                postingStart.Add(s);
            }

            int e = entryOrder[s];
            tracePoint[e] = postingStart.Count - 1;
            postingDevice[s] = owner[e];
        }

        postingStart.Add(entries);
        return new UnicityIndex(traceStart, tracePoint, [.. postingStart], postingDevice);
    }

    /// <summary>Replaces each cell key in <paramref name="keys"/> by the packed (bin, cell) key; returns the bits of the cell part.</summary>
    private static int PackKeys(long[] keys, int[] bins, CellRange cells, ulong binSpan, int devices, int[] deviceStart, ParallelOptions parallel)
    {
        if (keys.Length == 0)
        {
            return 0;
        }

        int binBits = BitsFor(binSpan);
        int columnBits = BitsFor((ulong)(cells.MaxColumn - cells.MinColumn));
        int bandBits = BitsFor((ulong)(cells.MaxBand - cells.MinBand));
        if (binBits + columnBits + bandBits <= 63)
        {
            Parallel.For(0, devices, parallel, d =>
            {
                for (int i = deviceStart[d]; i < deviceStart[d + 1]; i++)
                {
                    long band = (keys[i] >> 32) - cells.MinBand;
                    long column = (long)(uint)keys[i] - cells.MinColumn;
                    keys[i] = ((long)(uint)bins[i] << (bandBits + columnBits)) | (band << columnBits) | column;
                }
            });
            return bandBits + columnBits;
        }

        // Number the distinct cells; the bin (< 2^32) and their index (< 2^31) always fit.
        long[] cellsSorted = (long[])keys.Clone();
        Array.Sort(cellsSorted);
        int unique = 0;
        for (int i = 0; i < cellsSorted.Length; i++)
        {
            if (unique == 0 || cellsSorted[i] != cellsSorted[unique - 1])
            {
                cellsSorted[unique++] = cellsSorted[i];
            }
        }

        Parallel.For(0, devices, parallel, d =>
        {
            ReadOnlySpan<long> distinctCells = cellsSorted.AsSpan(0, unique);
            for (int i = deviceStart[d]; i < deviceStart[d + 1]; i++)
            {
                keys[i] = ((long)(uint)bins[i] << 31) | (long)distinctCells.BinarySearch(keys[i]);
            }
        });
        return 31;
    }

    private static void CheckCoordinates(PingTable pings)
    {
        ReadOnlySpan<double> lat = pings.LatArray;
        ReadOnlySpan<double> lon = pings.LonArray;
        for (int i = 0; i < lat.Length; i++)
        {
            if (!double.IsFinite(lat[i]) || !double.IsFinite(lon[i]))
            {
                throw new InputFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"ping {i} of device '{pings.DeviceIdArray[pings.DeviceArray[i]]}' has a non-finite coordinate ({lat[i]}, {lon[i]})"));
            }
        }
    }

    private static (long Min, long Max) BinRange(PingTable pings, long binMs)
    {
        if (pings.Count == 0)
        {
            return (0, 0);
        }

        // Rows are sorted by time within each device: the first and last rows of the slices bound every timestamp.
        long min = long.MaxValue;
        long max = long.MinValue;
        for (int d = 0; d < pings.DeviceCount; d++)
        {
            int first = pings.DeviceStartArray[d];
            int last = pings.DeviceStartArray[d + 1] - 1;
            if (last >= first)
            {
                min = Math.Min(min, pings.TimeArray[first]);
                max = Math.Max(max, pings.TimeArray[last]);
            }
        }

        return (FloorDiv(min, binMs), FloorDiv(max, binMs));
    }

    /// <summary>Division rounding towards negative infinity (bins before 1970 stay aligned).</summary>
    private static long FloorDiv(long value, long divisor)
    {
        long quotient = Math.DivRem(value, divisor, out long remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    private static int BitsFor(ulong span) => span == 0 ? 0 : 64 - BitOperations.LeadingZeroCount(span);

    /// <summary>Range of cell bands and columns seen (both from <see cref="GridCell.Key"/>).</summary>
    private struct CellRange
    {
        public long MinBand;
        public long MaxBand;
        public long MinColumn;
        public long MaxColumn;

        public static CellRange Empty => new() { MinBand = long.MaxValue, MaxBand = long.MinValue, MinColumn = long.MaxValue, MaxColumn = long.MinValue };

        public void Add(long cell)
        {
            long band = cell >> 32;
            long column = (uint)cell;
            MinBand = Math.Min(MinBand, band);
            MaxBand = Math.Max(MaxBand, band);
            MinColumn = Math.Min(MinColumn, column);
            MaxColumn = Math.Max(MaxColumn, column);
        }

        public void Merge(CellRange other)
        {
            MinBand = Math.Min(MinBand, other.MinBand);
            MaxBand = Math.Max(MaxBand, other.MaxBand);
            MinColumn = Math.Min(MinColumn, other.MinColumn);
            MaxColumn = Math.Max(MaxColumn, other.MaxColumn);
        }
    }
}
