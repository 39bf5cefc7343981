using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Quality;

namespace AdintAudit.Scale;

/// <summary>
/// The spill pass of the partitioned audit: streams the input once, writes each kept row to the Parquet file of its
/// device's partition (<see cref="DeviceIdHash"/>) and collects the dataset-wide <see cref="SpillStatistics"/>.
/// </summary>
/// <remarks>
/// <para>
/// Decoding is <see cref="PingTableLoader"/>'s (same column mapping, timestamp units, null dropping and error messages):
/// Parquet row groups are decoded ahead on the spare cores while this thread hashes, routes and writes the rows. Task
/// <c>t</c> of <c>n</c> reads the expanded input files <c>i</c> with <c>i % n == t</c>, so independent processes (a
/// Slurm array) can share the input; all tasks of one spill must get the same inputs, options and partition count.
/// </para>
/// <para>
/// Memory is bounded by the partition buffers (<see cref="RowGroupRows"/> rows each), not by the input. Every file is
/// written under a temporary name and renamed when complete, the statistics file last, so a folder never shows a
/// partial task and a task run again replaces its files. Parquet partition files are Snappy-compressed with
/// dictionary-encoded device ids.
/// </para>
/// </remarks>
public static class PingPartitioner
{
    /// <summary>Rows buffered over all partitions of a task (8 M, about 560 MB with 40-byte ids).</summary>
    private const int BufferedRows = 8 << 20;

    /// <summary>
    /// Rows per row group of a partition file (and per partition buffer): 8 M / <paramref name="partitions"/>, within
    /// 65,536..1,048,576.
    /// </summary>
    /// <param name="partitions">The partition count.</param>
    public static int RowGroupRows(int partitions) => Math.Clamp(BufferedRows / Math.Max(1, partitions), 1 << 16, 1 << 20);

    /// <summary>The file name of partition <paramref name="partition"/> written by task <paramref name="taskIndex"/>.</summary>
    /// <param name="partition">0-based partition.</param>
    /// <param name="taskIndex">0-based task.</param>
    public static string PartitionFileName(int partition, int taskIndex) =>
        FormattableString.Invariant($"part-{partition:D4}.task-{taskIndex:D4}.parquet");

    /// <summary>Spills this task's share of the inputs into partition files under <paramref name="workDirectory"/>.</summary>
    /// <param name="inputs">Files or folders, as for <see cref="PingTableLoader.Load"/> (every task gets the same list).</param>
    /// <param name="load">Column mapping and timestamp unit (<see cref="PingLoadOptions.MaxMemoryBytes"/> is ignored: the spill's memory does not grow with the input).</param>
    /// <param name="partitions">Number of partitions, 1..9999.</param>
    /// <param name="workDirectory">Folder for the files; created if missing.</param>
    /// <param name="taskIndex">This task, 0..<paramref name="taskCount"/>-1.</param>
    /// <param name="taskCount">Tasks sharing the input files, 1..9999.</param>
    /// <param name="rowsDone">Receives the input rows read so far, after each block.</param>
    /// <param name="cancellationToken">Checked between blocks; on cancellation the temporary files are removed.</param>
    /// <returns>The statistics and the files written.</returns>
    /// <exception cref="PingInputException">An input is missing, unreadable, corrupt or lacks a required column (the message names it).</exception>
    /// <exception cref="OutputWriteException">A partition or statistics file cannot be written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; no file of this run is left behind.</exception>
    public static PartitionSpillResult Spill(IReadOnlyList<string> inputs, PingLoadOptions load, int partitions, string workDirectory,
        int taskIndex = 0, int taskCount = 1, IProgress<long>? rowsDone = null, CancellationToken cancellationToken = default) =>
        SpillWithRowGroups(inputs, load, partitions, workDirectory, taskIndex, taskCount, rowsDone, RowGroupRows(partitions), cancellationToken);

    internal static PartitionSpillResult SpillWithRowGroups(IReadOnlyList<string> inputs, PingLoadOptions load, int partitions, string workDirectory,
        int taskIndex, int taskCount, IProgress<long>? rowsDone, int rowGroupRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentException.ThrowIfNullOrEmpty(workDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partitions, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(taskCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(taskCount, 9999);
        ArgumentOutOfRangeException.ThrowIfNegative(taskIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(taskIndex, taskCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);

        List<string> files = PingTableLoader.ExpandInputs(inputs);
        long expectedRows = SpillStatistics.ExpectedRows(files);
        CreateDirectory(workDirectory);
        string suffix = FormattableString.Invariant($".tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string[] finalPaths = new string[partitions + 1];
        string[] tempPaths = new string[partitions + 1];
        for (int p = 0; p <= partitions; p++)
        {
            finalPaths[p] = Path.Combine(workDirectory, p < partitions ? PartitionFileName(p, taskIndex) : SpillTaskManifest.FileName(taskIndex));
            tempPaths[p] = finalPaths[p] + suffix;
        }

        var writers = new PartitionFileWriter[partitions];
        try
        {
            for (int p = 0; p < partitions; p++)
            {
                writers[p] = OpenWriter(tempPaths[p], rowGroupRows);
            }

            var state = new PingLoadState();
            var router = new RowRouter(writers, expectedRows);
            for (int i = taskIndex; i < files.Count; i += taskCount)
            {
                router.Source = i;
                PingTableLoader.DecodeFile(files[i], load, state, chunk =>
                {
                    Guard(workDirectory, () => router.Route(chunk));
                    state.RowsRead += chunk.Rows;
                    rowsDone?.Report(state.RowsRead);
                }, cancellationToken);
                if (taskCount > 1)
                {
                    // Rows of one row group then come from one input file, so a partition's files can be read back in input order.
                    router.FlushAll();
                }
            }

            state.RowsDropped = router.RowsDropped;
            var statistics = new SpillStatistics(files, state.Columns ?? [], state.UnitNotes, state.RowsRead, state.RowsDropped,
                router.Days, router.Longitudes, router.Buckets);
            long[] rows = new long[partitions];
            int[][] sources = new int[partitions][];
            long bytes = 0;
            for (int p = 0; p < partitions; p++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Guard(tempPaths[p], writers[p].Complete);
                rows[p] = writers[p].Rows;
                sources[p] = [.. writers[p].RowGroupSources];
                bytes += writers[p].BytesWritten;
                writers[p].Dispose();
            }

            var manifest = new SpillTaskManifest(taskIndex, taskCount, partitions, statistics, rows, sources);
            Guard(tempPaths[partitions], () =>
            {
                using var stream = new FileStream(tempPaths[partitions], FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                manifest.WriteTo(stream);
            });
            cancellationToken.ThrowIfCancellationRequested();
            for (int p = 0; p <= partitions; p++)
            {
                int at = p;
                Guard(finalPaths[at], () => File.Move(tempPaths[at], finalPaths[at], overwrite: true));
            }

            return new PartitionSpillResult(statistics, finalPaths, partitions, taskIndex, taskCount, rows.Sum(), bytes);
        }
        catch
        {
            foreach (PartitionFileWriter? writer in writers)
            {
                writer?.Dispose();
            }

            foreach (string temp in tempPaths)
            {
                TryDelete(temp);
            }

            throw;
        }
    }

    private static PartitionFileWriter OpenWriter(string path, int rowGroupRows)
    {
        PartitionFileWriter? writer = null;
        Guard(path, () => writer = new PartitionFileWriter(path, rowGroupRows, CompressionCodec.Snappy));
        return writer!; // Guard either ran the assignment or threw.
    }

    private static void CreateDirectory(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputWriteException($"{path}: cannot create the work folder: {ex.Message}", ex);
        }
    }

    /// <summary>Runs a write, turning I/O failures into <see cref="OutputWriteException"/> naming <paramref name="path"/>.</summary>
    internal static void Guard(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputWriteException($"{path}: {ex.Message}", ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary name is never read as a partition file.
        }
    }

    /// <summary>Hashes each block's ids to partitions, appends the kept rows to their partition and counts the statistics.</summary>
    private sealed class RowRouter(PartitionFileWriter[] writers, long expectedRows)
    {
        private readonly PartitionFileWriter[] _writers = writers;
        private int[] _partitionOfId = new int[256];
        private long[] _keptTime = [];
        private double[] _keptLat = [];
        private double[] _keptLon = [];

        public DayCounts Days { get; } = new();

        public LongitudeHistogram Longitudes { get; } = new();

        public CoordinateBucketCounts Buckets { get; } = new(expectedRows);

        public long RowsDropped { get; private set; }

        /// <summary>Index of the input file being read.</summary>
        public int Source { get; set; }

        public void Route(PingChunk chunk)
        {
            int partitions = _writers.Length;
            if (_partitionOfId.Length < chunk.IdCount)
            {
                _partitionOfId = new int[Math.Max(chunk.IdCount, _partitionOfId.Length * 2)];
            }

            for (int e = 0; e < chunk.IdCount; e++)
            {
                _partitionOfId[e] = DeviceIdHash.Partition(chunk.Id(e), partitions);
            }

            if (_keptTime.Length < chunk.Rows)
            {
                _keptTime = new long[chunk.Rows];
                _keptLat = new double[chunk.Rows];
                _keptLon = new double[chunk.Rows];
            }

            var sink = new Sink(this, chunk);
            int kept = chunk.ForEachKept(ref sink);
            RowsDropped += chunk.Rows - kept;
            Days.Add(_keptTime.AsSpan(0, kept));
            Longitudes.Add(_keptLon.AsSpan(0, kept));
            Buckets.Add(_keptLat.AsSpan(0, kept), _keptLon.AsSpan(0, kept));
        }

        public void FlushAll()
        {
            foreach (PartitionFileWriter writer in _writers)
            {
                writer.Flush();
            }
        }

        private void Keep(int at, long timeMs, double lat, double lon)
        {
            _keptTime[at] = timeMs;
            _keptLat[at] = lat;
            _keptLon[at] = lon;
        }

        private struct Sink(RowRouter router, PingChunk chunk) : IPingRowSink
        {
            private readonly int _source = router.Source;
            private int _kept;

            public void Row(int id, long timeMs, double lat, double lon, float accuracyM)
            {
                router._writers[router._partitionOfId[id]].Append(chunk.Id(id), timeMs, lat, lon, accuracyM, _source);
                router.Keep(_kept++, timeMs, lat, lon);
            }
        }
    }
}
