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
        Parallel.For(0, blocks.Length, parallel, () => new PostingScratch(resolutions), (b, _, scratch) =>
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
        for (int r = 0; r < resolutions; r++)
        {
            (postingStart[r], postingDevice[r]) = PostingsOf(blocks, r, query.Resolutions[r].Points.Length);
        }

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
            foreach (int r in group.Resolutions)
            {
                scratch.Hits[r].Clear();
                scratch.Last[r] = new UnicityPointKey(long.MinValue, long.MinValue);
            }

            double lastLat = double.NaN;
            double lastLon = double.NaN;
            long cell = 0;
            bool needed = false;
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
                        needed = group.Cells.Find(new UnicityPointKey(0, cell)) >= 0;
                    }
                }

                if (!needed)
                {
                    continue;
                }

                foreach (int r in group.Resolutions)
                {
                    UnicityQueryResolution resolution = query.Resolutions[r];
                    var key = UnicityPointKey.Of(time[i], cell, resolution.BinMs);
                    if (key.Bin == scratch.Last[r].Bin && key.Cell == scratch.Last[r].Cell)
                    {
                        continue;
                    }

                    scratch.Last[r] = key;
                    int point = resolution.Lookup.Find(key);
                    if (point >= 0)
                    {
                        scratch.Hits[r].Add(point);
                    }
                }
            }

            foreach (int r in group.Resolutions)
            {
                Span<int> hits = CollectionsMarshal.AsSpan(scratch.Hits[r]);
                hits.Sort();
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

    /// <summary>Per-thread scratch of <see cref="CollectDevice"/>: per resolution, the point ids hit and the last point looked up.</summary>
    private sealed class PostingScratch
    {
        public PostingScratch(int resolutions)
        {
            Hits = new List<int>[resolutions];
            Last = new UnicityPointKey[resolutions];
            for (int r = 0; r < resolutions; r++)
            {
                Hits[r] = [];
            }
        }

        public List<int>[] Hits { get; }

        public UnicityPointKey[] Last { get; }
    }
}
