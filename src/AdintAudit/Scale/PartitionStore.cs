using AdintAudit.Data;

namespace AdintAudit.Scale;

/// <summary>
/// A work folder written by all tasks of one <see cref="PingPartitioner.Spill"/>: validates it, merges the tasks'
/// statistics and loads one partition at a time as an ordinary <see cref="PingTable"/>.
/// </summary>
/// <remarks>
/// A partition's rows are read back from every task's file in input order (row groups ordered by the input file they
/// came from), so its table equals the rows of its devices in an in-memory load of the same inputs: same devices (in
/// ordinal order), same rows, same order of equal timestamps. Loading decodes row groups on the spare cores; tables of
/// different partitions may be loaded on several threads at once.
/// </remarks>
public sealed class PartitionStore : IDisposable
{
    private readonly SpillTaskManifest[] _tasks;
    private readonly bool _deleteOnDispose;
    private bool _disposed;

    private PartitionStore(string directory, SpillTaskManifest[] tasks, SpillStatistics statistics, bool deleteOnDispose)
    {
        Directory = directory;
        _tasks = tasks;
        Statistics = statistics;
        _deleteOnDispose = deleteOnDispose;
    }

    /// <summary>The work folder.</summary>
    public string Directory { get; }

    /// <summary>The number of partitions.</summary>
    public int Partitions => _tasks[0].Partitions;

    /// <summary>The number of spill tasks that wrote the folder.</summary>
    public int TaskCount => _tasks.Length;

    /// <summary>The statistics of all tasks, merged in task order.</summary>
    public SpillStatistics Statistics { get; }

    /// <summary>Opens and validates a work folder.</summary>
    /// <param name="directory">The folder the spill tasks wrote.</param>
    /// <param name="deleteOnDispose">Whether <see cref="Dispose"/> deletes the folder (true for a folder the caller created for this run).</param>
    /// <returns>The store.</returns>
    /// <exception cref="InputFormatException">
    /// The folder is missing, a task's statistics file is missing or corrupt, the tasks disagree (task count, partition
    /// count, inputs), or a partition file is missing; the message names the file.
    /// </exception>
    public static PartitionStore Open(string directory, bool deleteOnDispose = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new InputFormatException($"{directory}: the spill folder does not exist");
        }

        string first = Path.Combine(directory, SpillTaskManifest.FileName(0));
        if (!File.Exists(first))
        {
            throw new InputFormatException($"{first}: missing (task 0 of the spill has not finished)");
        }

        SpillTaskManifest task0 = SpillTaskManifest.Read(first);
        var tasks = new SpillTaskManifest[task0.TaskCount];
        tasks[0] = task0;
        for (int t = 1; t < tasks.Length; t++)
        {
            string path = Path.Combine(directory, SpillTaskManifest.FileName(t));
            if (!File.Exists(path))
            {
                throw new InputFormatException($"{path}: missing (task {t} of {tasks.Length} of the spill has not finished)");
            }

            tasks[t] = SpillTaskManifest.Read(path);
            if (tasks[t].TaskIndex != t || tasks[t].TaskCount != task0.TaskCount || tasks[t].Partitions != task0.Partitions
                || !tasks[t].Statistics.Files.SequenceEqual(task0.Statistics.Files, StringComparer.Ordinal))
            {
                throw new InputFormatException(
                    $"{path}: task {tasks[t].TaskIndex} of {tasks[t].TaskCount} with {tasks[t].Partitions} partitions does not belong to the spill of task 0 ({task0.TaskCount} tasks, {task0.Partitions} partitions, the same inputs)");
            }
        }

        for (int t = 0; t < tasks.Length; t++)
        {
            for (int p = 0; p < task0.Partitions; p++)
            {
                string part = Path.Combine(directory, PingPartitioner.PartitionFileName(p, t));
                if (!File.Exists(part))
                {
                    throw new InputFormatException($"{part}: missing partition file");
                }
            }
        }

        // Merge a copy, so that the tasks' own statistics stay as read.
        SpillStatistics merged = SpillTaskManifest.Read(first).Statistics;
        for (int t = 1; t < tasks.Length; t++)
        {
            merged.Merge(tasks[t].Statistics);
        }

        return new PartitionStore(directory, tasks, merged, deleteOnDispose);
    }

    /// <summary>Rows (kept pings) of partition <paramref name="partition"/> over all tasks.</summary>
    /// <param name="partition">0..<see cref="Partitions"/>-1.</param>
    public long RowCount(int partition)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)partition, (uint)Partitions, nameof(partition));
        long rows = 0;
        foreach (SpillTaskManifest task in _tasks)
        {
            rows += task.PartitionRows[partition];
        }

        return rows;
    }

    /// <summary>Loads partition <paramref name="partition"/>: all tasks' files of it, in input order, as one table.</summary>
    /// <param name="partition">0..<see cref="Partitions"/>-1.</param>
    /// <param name="cancellationToken">Checked between row groups.</param>
    /// <returns>The partition's pings sorted by (device, time), devices numbered in ordinal id order.</returns>
    /// <exception cref="PingInputException">A partition file is unreadable or does not match its statistics file.</exception>
    public PingTable Load(int partition, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)partition, (uint)Partitions, nameof(partition));
        var readers = new List<ParquetPingReader>();
        string current = Directory;
        try
        {
            var blocks = new List<(int Source, int Task, int RowGroup, ParquetPingReader Reader)>();
            var options = new PingLoadOptions();
            foreach (SpillTaskManifest task in _tasks)
            {
                current = Path.Combine(Directory, PingPartitioner.PartitionFileName(partition, task.TaskIndex));
                ParquetPingReader reader = ParquetPingReader.Open(current, options, new PingLoadState());
                readers.Add(reader);
                int[] sources = task.RowGroupSources[partition];
                if (reader.RowGroupCount != sources.Length)
                {
                    throw new InputFormatException($"{reader.RowGroupCount} row groups, but the statistics file lists {sources.Length}");
                }

                for (int g = 0; g < sources.Length; g++)
                {
                    blocks.Add((sources[g], task.TaskIndex, g, reader));
                }
            }

            // Input order: an input file is read by one task, whose row groups of it are in order.
            blocks.Sort((a, b) => a.Source != b.Source ? a.Source.CompareTo(b.Source)
                : a.Task != b.Task ? a.Task.CompareTo(b.Task) : a.RowGroup.CompareTo(b.RowGroup));
            return PingTableLoader.LoadRowGroups([.. blocks.Select(b => (b.Reader, b.RowGroup))], cancellationToken);
        }
        catch (Exception ex) when (ex is InputFormatException and not PingInputException or Parquet.ParquetFormatException or IOException)
        {
            throw new PingInputException(current, ex.Message, ex);
        }
        finally
        {
            foreach (ParquetPingReader reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    /// <summary>Deletes the folder if the store was opened with <c>deleteOnDispose</c>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_deleteOnDispose && System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
