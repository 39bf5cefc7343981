namespace AdintAudit.Scale;

/// <summary>
/// The global device index of a partitioned dataset: every device id of all partitions in <see cref="StringComparer.Ordinal"/>
/// order, which is the device numbering a <see cref="Data.PingTable"/> of the whole dataset has, and for each partition
/// the map from its local device numbers to global ones.
/// </summary>
/// <remarks>
/// Built by a k-way merge of the partitions' sorted id lists with a binary heap: O(N log P) comparisons for N ids in P
/// partitions, no sort of all ids. Ids must be disjoint across partitions (a device hashes to one partition).
/// </remarks>
public sealed class DeviceDirectory
{
    private readonly string[] _ids;
    private readonly int[][] _globalIndex;

    private DeviceDirectory(string[] ids, int[][] globalIndex)
    {
        _ids = ids;
        _globalIndex = globalIndex;
    }

    /// <summary>Devices over all partitions.</summary>
    public int Count => _ids.Length;

    /// <summary>Partitions.</summary>
    public int Partitions => _globalIndex.Length;

    /// <summary>All device ids by global index (ordinal order).</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>Builds the directory from each partition's device ids.</summary>
    /// <param name="partitionIds">Per partition, its device ids in strictly ascending ordinal order (as <see cref="Data.PingTable.DeviceIds"/>).</param>
    /// <returns>The directory.</returns>
    /// <exception cref="ArgumentException">A list is not strictly ascending, or an id occurs in two partitions (a partitioning bug).</exception>
    public static DeviceDirectory Build(IReadOnlyList<IReadOnlyList<string>> partitionIds)
    {
        ArgumentNullException.ThrowIfNull(partitionIds);
        int total = 0;
        for (int p = 0; p < partitionIds.Count; p++)
        {
            IReadOnlyList<string> list = partitionIds[p] ?? throw new ArgumentException($"partition {p} has no id list", nameof(partitionIds));
            for (int i = 1; i < list.Count; i++)
            {
                if (string.CompareOrdinal(list[i - 1], list[i]) >= 0)
                {
                    throw new ArgumentException($"partition {p}: device ids are not in strictly ascending ordinal order at {i}", nameof(partitionIds));
                }
            }

            total = checked(total + list.Count);
        }

        string[] ids = new string[total];
        int[][] globalIndex = new int[partitionIds.Count][];
        var heap = new PriorityQueue<int, string>(partitionIds.Count, StringComparer.Ordinal);
        int[] position = new int[partitionIds.Count];
        for (int p = 0; p < partitionIds.Count; p++)
        {
            globalIndex[p] = new int[partitionIds[p].Count];
            if (partitionIds[p].Count > 0)
            {
                heap.Enqueue(p, partitionIds[p][0]);
            }
        }

        int g = 0;
        while (heap.TryDequeue(out int p, out string? id))
        {
            if (g > 0 && string.Equals(ids[g - 1], id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"device id '{id}' is in two partitions", nameof(partitionIds));
            }

            ids[g] = id;
            int local = position[p]++;
            globalIndex[p][local] = g++;
            if (local + 1 < partitionIds[p].Count)
            {
                heap.Enqueue(p, partitionIds[p][local + 1]);
            }
        }

        return new DeviceDirectory(ids, globalIndex);
    }

    /// <summary>The id of global device <paramref name="global"/>.</summary>
    /// <param name="global">0..<see cref="Count"/>-1.</param>
    public string Id(int global) => _ids[global];

    /// <summary>The global index of each local device of partition <paramref name="partition"/> (ascending); a new array.</summary>
    /// <param name="partition">0..<see cref="Partitions"/>-1.</param>
    public int[] GlobalIndex(int partition)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)partition, (uint)Partitions, nameof(partition));
        return (int[])_globalIndex[partition].Clone();
    }
}
