using System.Runtime.InteropServices;
using AdintAudit.Data;
using AdintAudit.Geo;

namespace AdintAudit.Risk.Unicity;

/// <summary>The work of <see cref="UnicityEstimator.CollectPostings"/>: one partition's posting lists of the query's points.</summary>
internal static class UnicityPostingCollector
{
    private const int BlockPings = 16_384;

    /// <summary>Collects the postings (inputs already checked), parallel over blocks of devices.</summary>
    /// <param name="pings">The partition's pings.</param>
    /// <param name="devices">Global index of each local device, ascending.</param>
    /// <param name="query">The query.</param>
    /// <param name="parallel">Threads and cancellation.</param>
    public static UnicityPostings Collect(PingTable pings, int[] devices, UnicityQuery query, ParallelOptions parallel)
    {
        int[] blockStart = DeviceBlocks(pings, query.Options.MaxDegreeOfParallelism);
        int resolutions = query.Resolutions.Length;
        var blocks = new List<long>[blockStart.Length - 1][];
        Parallel.For(0, blocks.Length, parallel, () => new PostingScratch(query), (b, _, scratch) =>
        {
            var pairs = new List<long>[resolutions];
            for (int r = 0; r < resolutions; r++)
            {
                pairs[r] = [];
            }

            for (int d = blockStart[b]; d < blockStart[b + 1]; d++)
            {
                CollectDevice(pings, d, devices[d], query, scratch, pairs);
            }

            blocks[b] = pairs;
            return scratch;
        }, _ => { });
        int[][] postingStart = new int[resolutions][];
        int[][] postingDevice = new int[resolutions][];
        Parallel.For(0, resolutions, parallel, r => (postingStart[r], postingDevice[r]) = PostingsOf(blocks, r, query.Resolutions[r].Points.Length));

        return new UnicityPostings(query, postingStart, postingDevice);
    }

    /// <summary>Blocks of consecutive devices with about equal pings, several per thread: <c>[start[b], start[b + 1])</c>.</summary>
    private static int[] DeviceBlocks(PingTable pings, int threads)
    {
        long perBlock = Math.Max(BlockPings, pings.Count / (8L * threads));
        var start = new List<int> { 0 };
        for (int d = 0; d < pings.DeviceCount; d++)
        {
            if (pings.DeviceStartArray[d + 1] - pings.DeviceStartArray[start[^1]] >= perBlock)
            {
                start.Add(d + 1);
            }
        }

        if (start[^1] != pings.DeviceCount)
        {
            start.Add(pings.DeviceCount);
        }

        return [.. start];
    }

    /// <summary>
    /// Appends one device's (point, device) pairs, point id in the high 32 bits, for every resolution: each query point the
    /// device holds, once.
    /// </summary>
    private static void CollectDevice(PingTable pings, int local, int device, UnicityQuery query, PostingScratch scratch, List<long>[] pairs)
    {
        int from = pings.DeviceStartArray[local];
        int count = pings.DeviceStartArray[local + 1] - from;
        ReadOnlySpan<double> lat = pings.LatArray.AsSpan(from, count);
        ReadOnlySpan<double> lon = pings.LonArray.AsSpan(from, count);
        ReadOnlySpan<long> time = pings.TimeArray.AsSpan(from, count);
        foreach (UnicityCellGroup group in query.CellGroups)
        {
            int members = group.Resolutions.Length;
            Span<long> bin = scratch.Bin.AsSpan(0, members);
            Span<long> binStart = scratch.BinStart.AsSpan(0, members);
            Span<long> binEnd = scratch.BinEnd.AsSpan(0, members);
            Span<bool> done = scratch.Done.AsSpan(0, members);
            foreach (int r in group.Resolutions)
            {
                scratch.Hits[r].Clear();
            }

            binEnd.Fill(long.MinValue);
            double lastLat = double.NaN;
            double lastLon = double.NaN;
            long cell = 0;
            int cellIndex = -1;
            for (int i = 0; i < count; i++)
            {
                if (lat[i] != lastLat || lon[i] != lastLon)
                {
                    lastLat = lat[i];
                    lastLon = lon[i];
                    long next = GridCell.Key(lastLat, lastLon, group.CellMeters);
                    if (i == 0 || next != cell)
                    {
                        cell = next;
                        cellIndex = group.Cells.Find(new UnicityPointKey(0, cell));
                        done.Clear(); // a new cell: its points are still to look up
                    }
                }

                if (cellIndex < 0)
                {
                    continue;
                }

                long t = time[i];
                for (int j = 0; j < members; j++)
                {
                    if (t < binStart[j] || t >= binEnd[j])
                    {
                        // A new time bin (rows are in time order, so about once per bin): its bounds, clamped to the range
                        // of long (no t lies beyond it).
                        int r = group.Resolutions[j];
                        long binMs = scratch.BinMs[r];
                        bin[j] = UnicityPointKey.FloorDiv(t, binMs);
                        binStart[j] = bin[j] > scratch.LowestFullBin[r] ? bin[j] * binMs : long.MinValue;
                        binEnd[j] = bin[j] < scratch.HighestFullBin[r] ? (bin[j] + 1) * binMs : long.MaxValue;
                        done[j] = false;
                    }

                    if (done[j])
                    {
                        continue; // same cell and bin as the last lookup
                    }

                    done[j] = true;
                    int first = group.PointStart[j][cellIndex];
                    int found = group.PointBin[j].AsSpan(first, group.PointStart[j][cellIndex + 1] - first).BinarySearch(bin[j]);
                    if (found >= 0)
                    {
                        scratch.Hits[group.Resolutions[j]].Add(group.PointId[j][first + found]);
                    }
                }
            }

            foreach (int r in group.Resolutions)
            {
                Span<int> hits = CollectionsMarshal.AsSpan(scratch.Hits[r]);
                if (!IsAscending(hits))
                {
                    hits.Sort(); // found in time order; out of order only when the device came back to a point
                }

                for (int i = 0; i < hits.Length; i++)
                {
                    if (i == 0 || hits[i] != hits[i - 1])
                    {
                        pairs[r].Add(((long)hits[i] << 32) | (uint)device);
                    }
                }
            }
        }
    }

    private static bool IsAscending(ReadOnlySpan<int> values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Posting lists of resolution <paramref name="r"/> from the blocks' pairs, by a counting sort on the point: blocks in
    /// device order and pairs in device order within a block, so each list comes out ascending.
    /// </summary>
    private static (int[] Start, int[] Devices) PostingsOf(List<long>[][] blocks, int r, int pointCount)
    {
        int[] start = new int[pointCount + 1];
        foreach (List<long>[] block in blocks)
        {
            foreach (long pair in block[r])
            {
                start[(int)(pair >> 32) + 1]++;
            }
        }

        for (int p = 0; p < pointCount; p++)
        {
            start[p + 1] += start[p];
        }

        int[] devices = new int[start[pointCount]];
        int[] next = start[..pointCount];
        foreach (List<long>[] block in blocks)
        {
            foreach (long pair in block[r])
            {
                devices[next[(int)(pair >> 32)]++] = (int)pair;
            }
        }

        return (start, devices);
    }

    /// <summary>Per-thread scratch of <see cref="CollectDevice"/>: per resolution, the point ids hit and the last bin looked up.</summary>
    private sealed class PostingScratch
    {
        public PostingScratch(UnicityQuery query)
        {
            int resolutions = query.Resolutions.Length;
            Hits = new List<int>[resolutions];
            BinMs = new long[resolutions];
            LowestFullBin = new long[resolutions];
            HighestFullBin = new long[resolutions];
            Bin = new long[resolutions];
            BinStart = new long[resolutions];
            BinEnd = new long[resolutions];
            Done = new bool[resolutions];
            for (int r = 0; r < resolutions; r++)
            {
                Hits[r] = [];
                BinMs[r] = query.Resolutions[r].Resolution.TimeBinMinutes * 60_000L;
                LowestFullBin[r] = long.MinValue / BinMs[r];
                HighestFullBin[r] = long.MaxValue / BinMs[r];
            }
        }

        /// <summary>Per resolution: the point ids the device holds, as found.</summary>
        public List<int>[] Hits { get; }

        /// <summary>Per resolution: the bin width in milliseconds.</summary>
        public long[] BinMs { get; }

        /// <summary>Per resolution: bins above this one start within the range of long.</summary>
        public long[] LowestFullBin { get; }

        /// <summary>Per resolution: bins below this one end within the range of long.</summary>
        public long[] HighestFullBin { get; }

        /// <summary>Per member of the current cell group: the time bin of the current ping.</summary>
        public long[] Bin { get; }

        /// <summary>Per member of the current cell group: start of that bin (UTC ms).</summary>
        public long[] BinStart { get; }

        /// <summary>Per member of the current cell group: end of that bin (exclusive; long.MinValue for none yet).</summary>
        public long[] BinEnd { get; }

        /// <summary>Per member of the current cell group: whether the current (cell, bin) was looked up.</summary>
        public bool[] Done { get; }
    }
}
