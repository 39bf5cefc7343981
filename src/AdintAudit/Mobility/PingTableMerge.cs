using AdintAudit.Data;

namespace AdintAudit.Mobility;

/// <summary>Concatenates ping tables of partitions (split by device) into one table in global device order.</summary>
internal static class PingTableMerge
{
    /// <summary>
    /// Returns one table of the devices that the parts hold, numbered 0, 1, … in global order (for parts of ordinal-sorted
    /// ids that is ordinal order again), each device's rows as in its part.
    /// </summary>
    /// <param name="parts">The tables.</param>
    /// <param name="globalDevice">Per part, the global index of each local device (ascending; a device in one part at most).</param>
    /// <param name="globalDeviceCount">Number of devices of the whole dataset.</param>
    /// <param name="mergedGlobal">Receives the global index of each device of the result.</param>
    public static PingTable Merge(IReadOnlyList<PingTable> parts, IReadOnlyList<int[]> globalDevice, int globalDeviceCount, out int[] mergedGlobal)
    {
        PartitionDeviceMap map = PartitionDeviceMap.Create(globalDevice, globalDeviceCount, p => parts[p].DeviceCount, coverAll: false)
            .Compact(out mergedGlobal);
        int[][] starts = [.. parts.Select(p => p.DeviceStartArray)];
        int[] start = map.MergedStarts(starts);
        return new PingTable(
            map.GlobalIds(p => parts[p].DeviceIdArray),
            start,
            PartitionDeviceMap.DeviceColumn(start),
            map.Gather(starts, p => parts[p].TimeArray, start),
            map.Gather(starts, p => parts[p].LatArray, start),
            map.Gather(starts, p => parts[p].LonArray, start),
            map.Gather(starts, p => parts[p].AccuracyArray, start));
    }

    /// <summary>As <see cref="Merge(IReadOnlyList{PingTable}, IReadOnlyList{int[]}, int, out int[])"/>, when the parts hold every device.</summary>
    /// <exception cref="ArgumentException">A global device is in no part.</exception>
    public static PingTable Merge(IReadOnlyList<PingTable> parts, IReadOnlyList<int[]> globalDevice, int globalDeviceCount)
    {
        PingTable merged = Merge(parts, globalDevice, globalDeviceCount, out _);
        if (merged.DeviceCount != globalDeviceCount)
        {
            throw new ArgumentException($"the partitions hold {merged.DeviceCount} of {globalDeviceCount} devices", nameof(globalDevice));
        }

        return merged;
    }
}
