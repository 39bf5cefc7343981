using AdintAudit.Data;
using AdintAudit.Geo;

namespace AdintAudit.Risk.Unicity;

/// <summary>The work of <see cref="UnicityEstimator.CollectTraces"/>: the sampled devices' distinct points in one partition.</summary>
internal static class UnicityTraceCollector
{
    /// <summary>Collects the traces of the devices of <paramref name="sample"/> that the partition holds (inputs already checked).</summary>
    /// <param name="pings">The partition's pings.</param>
    /// <param name="globalDevice">Global index of each local device, ascending.</param>
    /// <param name="globalDeviceCount">Devices of the whole dataset.</param>
    /// <param name="used">Validated options.</param>
    /// <param name="sample">The sampled global device indices, ascending.</param>
    /// <param name="parallel">Threads and cancellation; parallel over the held sampled devices.</param>
    public static UnicityTraces Collect(PingTable pings, ReadOnlySpan<int> globalDevice, int globalDeviceCount, UnicityOptions used, int[] sample,
        ParallelOptions parallel)
    {
        var held = new List<int>();
        var heldLocal = new List<int>();
        for (int d = 0, s = 0; d < globalDevice.Length && s < sample.Length; d++)
        {
            while (s < sample.Length && sample[s] < globalDevice[d])
            {
                s++;
            }

            if (s < sample.Length && sample[s] == globalDevice[d])
            {
                held.Add(globalDevice[d]);
                heldLocal.Add(d);
            }
        }

        List<(double CellMeters, int[] Resolutions)> cellSizes = CellSizes(used.Resolutions);
        int resolutions = used.Resolutions.Count;
        var perDevice = new UnicityPointKey[heldLocal.Count][][];
        Parallel.For(0, heldLocal.Count, parallel, i => perDevice[i] = DevicePoints(pings, heldLocal[i], used.Resolutions, cellSizes));
        int[][] traceStart = new int[resolutions][];
        var points = new UnicityPointKey[resolutions][];
        for (int r = 0; r < resolutions; r++)
        {
            int[] start = new int[perDevice.Length + 1];
            for (int i = 0; i < perDevice.Length; i++)
            {
                start[i + 1] = start[i] + perDevice[i][r].Length;
            }

            var all = new UnicityPointKey[start[^1]];
            for (int i = 0; i < perDevice.Length; i++)
            {
                perDevice[i][r].CopyTo(all, start[i]);
            }

            traceStart[r] = start;
            points[r] = all;
        }

        return new UnicityTraces(used, globalDeviceCount, [.. held], traceStart, points);
    }

    /// <summary>The resolutions grouped by cell size, in order of first appearance (each cell size's keys computed once).</summary>
    internal static List<(double CellMeters, int[] Resolutions)> CellSizes(IReadOnlyList<UnicityResolution> resolutions)
    {
        var groups = new List<(double CellMeters, int[] Resolutions)>();
        var done = new bool[resolutions.Count];
        for (int r = 0; r < resolutions.Count; r++)
        {
            if (done[r])
            {
                continue;
            }

            var members = new List<int>();
            for (int other = r; other < resolutions.Count; other++)
            {
                if (resolutions[other].CellMeters == resolutions[r].CellMeters)
                {
                    members.Add(other);
                    done[other] = true;
                }
            }

            groups.Add((resolutions[r].CellMeters, [.. members]));
        }

        return groups;
    }

    /// <summary>One device's distinct points at every resolution, each array ascending.</summary>
    private static UnicityPointKey[][] DevicePoints(PingTable pings, int device, IReadOnlyList<UnicityResolution> resolutions,
        List<(double CellMeters, int[] Resolutions)> cellSizes)
    {
        int from = pings.DeviceStartArray[device];
        int count = pings.DeviceStartArray[device + 1] - from;
        ReadOnlySpan<double> lat = pings.LatArray.AsSpan(from, count);
        ReadOnlySpan<double> lon = pings.LonArray.AsSpan(from, count);
        ReadOnlySpan<long> time = pings.TimeArray.AsSpan(from, count);
        long[] cells = new long[count];
        var keys = new UnicityPointKey[count];
        var result = new UnicityPointKey[resolutions.Count][];
        foreach ((double cellMeters, int[] members) in cellSizes)
        {
            for (int i = 0; i < count; i++)
            {
                cells[i] = GridCell.Key(lat[i], lon[i], cellMeters);
            }

            foreach (int r in members)
            {
                long binMs = resolutions[r].TimeBinMinutes * 60_000L;
                for (int i = 0; i < count; i++)
                {
                    keys[i] = UnicityPointKey.Of(time[i], cells[i], binMs);
                }

                result[r] = UnicityPointKey.SortedDistinct(keys);
            }
        }

        return result;
    }
}
