using AdintAudit.Data;
using AdintAudit.Scale;

namespace AdintAudit.Audit;

/// <summary>
/// The pings of an audit as device partitions: the whole table in memory (one partition), or partitions spilled to a
/// work folder and loaded one at a time. The folder of a spill is deleted on <see cref="Dispose"/>, also after a failure
/// or a cancellation.
/// </summary>
/// <remarks>
/// A spilled partition is decoded, interned and sorted once; the sorted table is then kept as a <see cref="PingTableFile"/>
/// (and its Parquet spill deleted), and the cleaned table of the analyze sweep likewise, so later sweeps read raw columns.
/// </remarks>
internal sealed class AuditPartitions : IDisposable
{
    private readonly PingTable? _table;
    private readonly PartitionStore? _store;
    private readonly string? _folder;

    private AuditPartitions(PingTable? table, PartitionStore? store, string? folder, SpillStatistics statistics, int count)
    {
        _table = table;
        _store = store;
        _folder = folder;
        Statistics = statistics;
        Count = count;
    }

    /// <summary>Partitions.</summary>
    public int Count { get; }

    /// <summary>What was read: rows, files, per-day counts and the other global statistics.</summary>
    public SpillStatistics Statistics { get; }

    /// <summary>Loads every input into one in-memory partition.</summary>
    public static AuditPartitions InMemory(IReadOnlyList<string> inputs, PingLoadOptions load, CancellationToken cancellationToken)
    {
        PingLoadResult loaded = PingTableLoader.Load(inputs, load with { MaxMemoryBytes = null }, cancellationToken);
        return new AuditPartitions(loaded.Table, null, null, SpillStatistics.FromTable(loaded), 1);
    }

    /// <summary>Spills every input into <paramref name="partitions"/> device partitions under the work folder.</summary>
    public static AuditPartitions Spill(IReadOnlyList<string> inputs, AuditOptions options, int partitions, IProgress<long>? rows,
        CancellationToken cancellationToken)
    {
        string root = options.WorkDirectory ?? Path.GetTempPath();
        string folder = Path.Combine(root, $".adint-spill-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            PingPartitioner.Spill(inputs, options.Load with { MaxMemoryBytes = null }, partitions, folder, 0, 1, rows, cancellationToken);
            PartitionStore store = PartitionStore.Open(folder);
            return new AuditPartitions(null, store, folder, store.Statistics, store.Partitions);
        }
        catch
        {
            TryDelete(folder);
            throw;
        }
    }

    /// <summary>The pings of partition <paramref name="partition"/> (the same table every time in memory).</summary>
    public PingTable Load(int partition, CancellationToken cancellationToken)
    {
        if (_table is not null)
        {
            return _table;
        }

        string sorted = SortedPath(partition);
        if (File.Exists(sorted))
        {
            return PingTableFile.Read(sorted);
        }

        PingTable table = _store!.Load(partition, cancellationToken);
        PingTableFile.Write(table, sorted);
        return table;
    }

    /// <summary>Keeps the cleaned pings of a spilled partition for <see cref="LoadCleaned"/> (nothing in memory).</summary>
    public void SaveCleaned(int partition, PingTable cleaned)
    {
        if (_folder is not null)
        {
            PingTableFile.Write(cleaned, CleanedPath(partition));
        }
    }

    /// <summary>The cleaned pings saved by <see cref="SaveCleaned"/> (spilled partitions only).</summary>
    public PingTable LoadCleaned(int partition) => PingTableFile.Read(CleanedPath(partition));

    /// <inheritdoc/>
    public void Dispose()
    {
        _store?.Dispose();
        if (_folder is not null)
        {
            TryDelete(_folder);
        }
    }

    private string SortedPath(int partition) => Path.Combine(_folder!, $"sorted-{partition:D4}.bin");

    private string CleanedPath(int partition) => Path.Combine(_folder!, $"cleaned-{partition:D4}.bin");

    private static void TryDelete(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the original failure matters more than a leftover temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
