using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Quality;

namespace AdintAudit.Scale;

/// <summary>
/// Dataset-wide facts collected while the input is read once: row counts, how timestamps were read, and the
/// order-independent accumulators (pings per UTC day, longitude histogram, coordinate-bucket counts) over every kept row.
/// The same for a spill into partitions (merged over its tasks) and for an in-memory load of the same files
/// (<see cref="FromTable"/>), so both modes derive the window, the local clock and the shared-coordinate prefilter from
/// identical values.
/// </summary>
/// <remarks>Mutable only through <see cref="Merge"/>; about 4 MB plus the coordinate buckets (2 bytes per bucket).</remarks>
public sealed class SpillStatistics
{
    private readonly SortedSet<string> _timestampNotes;

    internal SpillStatistics(IReadOnlyList<string> files, IReadOnlyList<string> columns, IEnumerable<string> timestampNotes,
        long rowsRead, long rowsDroppedNull, DayCounts days, LongitudeHistogram longitudes, CoordinateBucketCounts buckets)
    {
        Files = files;
        Columns = columns;
        _timestampNotes = new SortedSet<string>(timestampNotes, StringComparer.Ordinal);
        RowsRead = rowsRead;
        RowsDroppedNull = rowsDroppedNull;
        Days = days;
        Longitudes = longitudes;
        Buckets = buckets;
    }

    /// <summary>Every input file (inputs expanded as <see cref="PingTableLoader.Load"/> expands them), in reading order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The input column used for each field (<c>field=column</c>), as in <see cref="PingLoadResult.Columns"/>.</summary>
    public IReadOnlyList<string> Columns { get; private set; }

    /// <summary>Rows in the inputs.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Rows dropped because a required value was null or unparsable (as <see cref="PingLoadResult.RowsDroppedNull"/>).</summary>
    public long RowsDroppedNull { get; private set; }

    /// <summary>How timestamps were interpreted, as in <see cref="PingLoadResult.TimestampSource"/>.</summary>
    public string TimestampSource => PingLoadState.Describe(_timestampNotes);

    /// <summary>Pings per UTC day over every kept row.</summary>
    public DayCounts Days { get; }

    /// <summary>Longitudes of every kept row (for the default local clock).</summary>
    public LongitudeHistogram Longitudes { get; }

    /// <summary>Coordinate-bucket counts of every kept row, sized by <see cref="ExpectedRows"/> of <see cref="Files"/>.</summary>
    public CoordinateBucketCounts Buckets { get; }

    internal IReadOnlyCollection<string> TimestampNotes => _timestampNotes;

    /// <summary>
    /// Computes the statistics of an in-memory load: the same values a spill of <see cref="PingLoadResult.Files"/> gives.
    /// </summary>
    /// <param name="loaded">A result of <see cref="PingTableLoader.Load"/> (or <see cref="PingTableLoader.LoadCsv"/>, whose buckets are sized by its rows).</param>
    /// <returns>New statistics.</returns>
    /// <exception cref="PingInputException">A file of the load can no longer be read to size the buckets.</exception>
    public static SpillStatistics FromTable(PingLoadResult loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        PingTable table = loaded.Table;
        var days = new DayCounts();
        days.Add(table.TimeMs);
        var longitudes = new LongitudeHistogram();
        longitudes.Add(table.Lon);
        var buckets = new CoordinateBucketCounts(loaded.Files.Count > 0 ? ExpectedRows(loaded.Files) : loaded.RowsRead);
        buckets.Add(table.Lat, table.Lon);
        string[] notes = loaded.TimestampSource == "none" ? [] : loaded.TimestampSource.Split("; ");
        return new SpillStatistics(loaded.Files, loaded.Columns, notes, loaded.RowsRead, loaded.RowsDroppedNull, days, longitudes, buckets);
    }

    /// <summary>
    /// The row count that sizes <see cref="Buckets"/>: exact for Parquet (footers), estimated for CSV
    /// (<see cref="MemoryEstimate.For"/>); every task of a spill computes it over all files, so all agree.
    /// </summary>
    /// <param name="files">The expanded input files.</param>
    /// <exception cref="PingInputException">A file is missing or its footer is unreadable.</exception>
    public static long ExpectedRows(IReadOnlyList<string> files) => MemoryEstimate.For(files).Pings;

    /// <summary>Adds another task's statistics of the same inputs to these (merge tasks in ascending task order).</summary>
    /// <param name="other">Statistics of other rows of the same files.</param>
    /// <exception cref="ArgumentException">The statistics are of different inputs.</exception>
    public void Merge(SpillStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Files.SequenceEqual(other.Files, StringComparer.Ordinal) || Buckets.Buckets != other.Buckets.Buckets)
        {
            throw new ArgumentException("the statistics are of different inputs", nameof(other));
        }

        if (Columns.Count == 0)
        {
            Columns = other.Columns;
        }

        RowsRead += other.RowsRead;
        RowsDroppedNull += other.RowsDroppedNull;
        _timestampNotes.UnionWith(other._timestampNotes);
        Days.Merge(other.Days);
        Longitudes.Merge(other.Longitudes);
        Buckets.Merge(other.Buckets);
    }
}
