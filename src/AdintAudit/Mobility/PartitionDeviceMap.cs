namespace AdintAudit.Mobility;

/// <summary>
/// Where each global device lives when a dataset is split into partitions by device: the partition that holds it and
/// its local device number there. Merges use it to copy per-device slices in global device order.
/// </summary>
/// <remarks>
/// The global device index is the rank of the device id among all ids of the dataset in ordinal order, and every
/// partition's local devices are ordinal-sorted too, so each partition's local → global list ascends.
/// </remarks>
internal sealed class PartitionDeviceMap
{
    private PartitionDeviceMap(int[] owner, int[] local)
    {
        Owner = owner;
        Local = local;
    }

    /// <summary>Partition of each global device.</summary>
    public int[] Owner { get; }

    /// <summary>Local device number of each global device in its partition.</summary>
    public int[] Local { get; }

    /// <summary>Number of global devices.</summary>
    public int Count => Owner.Length;

    /// <summary>Builds the map; every global device must belong to exactly one partition.</summary>
    /// <param name="globalDevice">Per partition, the global index of each local device (ascending).</param>
    /// <param name="globalDeviceCount">Number of devices of the whole dataset.</param>
    /// <param name="localDeviceCount">Per partition, its number of local devices.</param>
    /// <param name="coverAll">Whether every global device must occur (false for samples and hit lists).</param>
    /// <exception cref="ArgumentException">A list is out of range, not ascending, a duplicate, or a device is missing.</exception>
    public static PartitionDeviceMap Create(IReadOnlyList<int[]> globalDevice, int globalDeviceCount, Func<int, int> localDeviceCount,
        bool coverAll = true)
    {
        ArgumentNullException.ThrowIfNull(globalDevice);
        ArgumentOutOfRangeException.ThrowIfNegative(globalDeviceCount);
        var owner = new int[globalDeviceCount];
        var local = new int[globalDeviceCount];
        Array.Fill(owner, -1);
        int seen = 0;
        for (int p = 0; p < globalDevice.Count; p++)
        {
            int[] map = globalDevice[p] ?? throw new ArgumentException($"partition {p}: no device map", nameof(globalDevice));
            if (map.Length != localDeviceCount(p))
            {
                throw new ArgumentException($"partition {p}: {map.Length} global indices for {localDeviceCount(p)} devices", nameof(globalDevice));
            }

            for (int l = 0; l < map.Length; l++)
            {
                int g = map[l];
                if ((uint)g >= (uint)globalDeviceCount || (l > 0 && g <= map[l - 1]) || owner[g] >= 0)
                {
                    throw new ArgumentException($"partition {p}: global device {g} is out of range, not ascending or in two partitions",
                        nameof(globalDevice));
                }

                owner[g] = p;
                local[g] = l;
                seen++;
            }
        }

        if (coverAll && seen != globalDeviceCount)
        {
            throw new ArgumentException($"the partitions hold {seen} of {globalDeviceCount} devices", nameof(globalDevice));
        }

        return new PartitionDeviceMap(owner, local);
    }

    /// <summary>Returns the map restricted to the global devices that some partition holds, renumbered 0, 1, … in global order.</summary>
    /// <param name="present">Receives the global index of each device of the returned map.</param>
    public PartitionDeviceMap Compact(out int[] present)
    {
        var global = new List<int>();
        for (int g = 0; g < Count; g++)
        {
            if (Owner[g] >= 0)
            {
                global.Add(g);
            }
        }

        present = [.. global];
        var owner = new int[present.Length];
        var local = new int[present.Length];
        for (int k = 0; k < present.Length; k++)
        {
            owner[k] = Owner[present[k]];
            local[k] = Local[present[k]];
        }

        return new PartitionDeviceMap(owner, local);
    }

    /// <summary>Returns the identity map of one partition of <paramref name="count"/> devices.</summary>
    /// <param name="count">Number of devices.</param>
    public static int[] Identity(int count)
    {
        var identity = new int[count];
        for (int d = 0; d < count; d++)
        {
            identity[d] = d;
        }

        return identity;
    }

    /// <summary>Returns the id of every global device, taken from the partition that holds it.</summary>
    /// <param name="localIds">Per partition, its local device ids.</param>
    public string[] GlobalIds(Func<int, IReadOnlyList<string>> localIds)
    {
        var ids = new string[Count];
        for (int g = 0; g < ids.Length; g++)
        {
            ids[g] = localIds(Owner[g])[Local[g]];
        }

        return ids;
    }

    /// <summary>Returns the merged row starts: global device g gets the rows of its local slice in its partition (none when in no partition).</summary>
    /// <param name="partStarts">Per partition, the row start of each local device (local device count + 1 entries).</param>
    public int[] MergedStarts(IReadOnlyList<int[]> partStarts)
    {
        var start = new int[Count + 1];
        for (int g = 0; g < Count; g++)
        {
            int rows = 0;
            if (Owner[g] >= 0)
            {
                int[] s = partStarts[Owner[g]];
                rows = s[Local[g] + 1] - s[Local[g]];
            }

            start[g + 1] = start[g] + rows;
        }

        return start;
    }

    /// <summary>Copies one column's per-device slices in global device order.</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="partStarts">Per partition, the row start of each local device.</param>
    /// <param name="column">Per partition, the column.</param>
    /// <param name="mergedStarts">The result of <see cref="MergedStarts"/>.</param>
    public T[] Gather<T>(IReadOnlyList<int[]> partStarts, Func<int, T[]> column, int[] mergedStarts)
    {
        var merged = new T[mergedStarts[Count]];
        for (int g = 0; g < Count; g++)
        {
            if (Owner[g] < 0)
            {
                continue;
            }

            int[] s = partStarts[Owner[g]];
            int l = Local[g];
            column(Owner[g]).AsSpan(s[l], s[l + 1] - s[l]).CopyTo(merged.AsSpan(mergedStarts[g]));
        }

        return merged;
    }

    /// <summary>Returns, per merged row, the global device of its slice (the device column of a merged table).</summary>
    /// <param name="mergedStarts">The result of <see cref="MergedStarts"/>.</param>
    public static int[] DeviceColumn(int[] mergedStarts)
    {
        var device = new int[mergedStarts[^1]];
        for (int g = 0; g + 1 < mergedStarts.Length; g++)
        {
            device.AsSpan(mergedStarts[g], mergedStarts[g + 1] - mergedStarts[g]).Fill(g);
        }

        return device;
    }
}
