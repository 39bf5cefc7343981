namespace AdintAudit.Scale;

/// <summary>What one task of <see cref="PingPartitioner.Spill"/> wrote.</summary>
/// <param name="Statistics">This task's statistics (merge all tasks' with <see cref="PartitionStore"/>).</param>
/// <param name="Files">The files written, in place: one per partition (<c>part-{p:D4}.task-{t:D4}.parquet</c>, in partition order), then <c>stats.task-{t:D4}.bin</c>.</param>
/// <param name="Partitions">The partition count.</param>
/// <param name="TaskIndex">This task, 0..<paramref name="TaskCount"/>-1.</param>
/// <param name="TaskCount">The number of tasks sharing the input files.</param>
/// <param name="RowsWritten">Rows written to the partition files (the kept rows).</param>
/// <param name="BytesWritten">Bytes of the partition files.</param>
public sealed record PartitionSpillResult(SpillStatistics Statistics, IReadOnlyList<string> Files, int Partitions, int TaskIndex,
    int TaskCount, long RowsWritten, long BytesWritten);
