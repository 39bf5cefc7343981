using System.Text;
using AdintAudit.Parquet;
using AdintAudit.Parquet.Reading;

namespace AdintAudit.Data;

/// <summary>Settings of <see cref="PingTableLoader"/>.</summary>
public sealed record PingLoadOptions
{
    /// <summary>Which column feeds which field (aliases by default).</summary>
    public ColumnMapping Mapping { get; init; } = new();

    /// <summary>Unit of numeric timestamps without a logical type; null to detect it by magnitude (the default).</summary>
    public TimestampUnit? TimestampUnit { get; init; }

    /// <summary>
    /// Memory budget in bytes, or null for none (the default). When set, <see cref="PingTableLoader.Load"/> first
    /// estimates the run's memory from the inputs' metadata (<see cref="MemoryEstimate.For"/>) and throws
    /// <see cref="InputTooLargeException"/> before reading any row if it exceeds the budget. Positive when set.
    /// </summary>
    public long? MaxMemoryBytes { get; init; }
}

/// <summary>What <see cref="PingTableLoader.Load"/> read.</summary>
/// <param name="Table">The pings, sorted by (device, time).</param>
/// <param name="Files">The files read, in reading order.</param>
/// <param name="RowsRead">Rows in the inputs.</param>
/// <param name="RowsDroppedNull">Rows dropped because the device id, time, latitude or longitude was null or unparsable as a number.</param>
/// <param name="TimestampSource">How timestamps were interpreted, for the report (for example <c>ms (Parquet logical type)</c>).</param>
/// <param name="Columns">The input column used for each field (<c>field=column</c>).</param>
public sealed record PingLoadResult(PingTable Table, IReadOnlyList<string> Files, long RowsRead, long RowsDroppedNull,
    string TimestampSource, IReadOnlyList<string> Columns);

/// <summary>An input file of the ping table is unreadable or unusable; <see cref="FilePath"/> names it.</summary>
public sealed class PingInputException : InputFormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file at fault.</param>
    /// <param name="message">What is wrong, in one line.</param>
    /// <param name="innerException">The cause, if any.</param>
    public PingInputException(string filePath, string message, Exception? innerException = null)
        : base(message, innerException!)
    {
        FilePath = filePath;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public PingInputException()
    {
        FilePath = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public PingInputException(string message)
        : base(message)
    {
        FilePath = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PingInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
    }

    /// <summary>The input file (or folder) at fault.</summary>
    public string FilePath { get; }
}

/// <summary>
/// Loads pings from Parquet files, folders of them (hive-style <c>key=value</c> subfolders included) and CSV files into
/// a <see cref="PingTable"/>.
/// </summary>
/// <remarks>
/// <para>
/// Columns are found through <see cref="ColumnMapping"/>. Device ids may be strings (dictionary-encoded chunks are
/// interned per dictionary entry, not per row) or integers. Timestamps: Parquet TIMESTAMP logical or converted types
/// and INT96 give their unit; other integers are read in the unit of <see cref="PingLoadOptions.TimestampUnit"/> or
/// detected per file by magnitude (<see cref="TimestampUnits.Detect"/>, from the first row group, or for CSV the first
/// block of 65,536 lines, that has integer timestamps); text is ISO-8601 (no offset = UTC); CSV decimals are seconds.
/// Rows missing a required value are dropped and counted; a device none of whose rows is kept is not in the table.
/// </para>
/// <para>Folders are searched recursively for <c>.parquet</c>, <c>.pq</c>, <c>.parq</c> and <c>.csv</c> files, in ordinal
/// order of their relative path; names starting with <c>_</c> or <c>.</c> are skipped (Spark's <c>_SUCCESS</c>).</para>
/// </remarks>
public static class PingTableLoader
{
    /// <summary>Loads every input into one table.</summary>
    /// <param name="inputs">Files or folders.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="cancellationToken">Checked between row groups.</param>
    /// <returns>The table and what was read.</returns>
    /// <remarks>
    /// Parquet row groups are decoded on the spare cores a few ahead of the thread that interns and appends them, in file
    /// and row order, so the table does not depend on the number of threads. Only devices with at least one kept row are
    /// in the table.
    /// </remarks>
    /// <exception cref="PingInputException">An input is missing, unreadable, corrupt or lacks a required column.</exception>
    /// <exception cref="InputTooLargeException">The inputs need more than <see cref="PingLoadOptions.MaxMemoryBytes"/> (checked before loading).</exception>
    public static PingLoadResult Load(IReadOnlyList<string> inputs, PingLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new PingLoadOptions();
        if (options.MaxMemoryBytes is long budget)
        {
            MemoryEstimate.Check(inputs, budget);
        }

        List<string> files = ExpandInputs(inputs);
        var builder = new PingTableBuilder(CapacityHint(files));
        var state = new PingLoadState();
        var appender = new ChunkAppender(builder, state);
        foreach (string file in files)
        {
            DecodeFile(file, options, state, appender.Append, cancellationToken);
        }

        return new PingLoadResult(builder.Build(), files, state.RowsRead, state.RowsDropped, state.DescribeTime(), state.Columns ?? []);
    }

    /// <summary>Loads CSV text (with a header line) into a table.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <returns>The table and what was read.</returns>
    /// <exception cref="InputFormatException">The CSV is malformed or lacks a required column.</exception>
    public static PingLoadResult LoadCsv(TextReader text, PingLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new PingTableBuilder(1 << 10);
        var state = new PingLoadState();
        var appender = new ChunkAppender(builder, state);
        var reader = new CsvPingReader(text, options ?? new PingLoadOptions(), state);
        var chunk = new PingChunk();
        while (reader.Read(chunk))
        {
            appender.Append(chunk);
        }

        return new PingLoadResult(builder.Build(), [], state.RowsRead, state.RowsDropped, state.DescribeTime(), state.Columns ?? []);
    }

    /// <summary>
    /// Decodes one input file block by block (Parquet row groups decoded ahead on the spare cores, CSV in blocks of
    /// <see cref="CsvPingReader.ChunkRows"/> lines) and hands the blocks to <paramref name="consume"/> in file order on
    /// this thread; the decoding shared by <see cref="Load"/> and the partitioned spill.
    /// </summary>
    /// <exception cref="PingInputException">The file is unreadable, corrupt or lacks a required column (the one-line message names it).</exception>
    internal static void DecodeFile(string file, PingLoadOptions options, PingLoadState state, Action<PingChunk> consume, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            if (IsParquet(file))
            {
                using ParquetPingReader reader = ParquetPingReader.Open(file, options, state);
                ChunkPipeline.Run(reader.RowGroupCount, ChunkPipeline.DefaultAhead, reader.Decode, (_, chunk) => consume(chunk), cancellationToken);
            }
            else
            {
                using var text = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true), true, 1 << 16);
                var reader = new CsvPingReader(text, options, state);
                var chunk = new PingChunk();
                while (reader.Read(chunk))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    consume(chunk);
                }
            }
        }
        catch (PingInputException)
        {
            throw;
        }
        catch (InputFormatException ex)
        {
            throw new PingInputException(file, ex.Message, ex);
        }
        catch (ParquetFormatException ex)
        {
            throw new PingInputException(file, ex.Message, ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new PingInputException(file, "the CSV is not valid UTF-8", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PingInputException(file, ex.Message, ex);
        }
    }

    /// <summary>
    /// Builds a table from row groups of Parquet files already opened, decoded ahead on the spare cores and appended in
    /// the order given.
    /// </summary>
    internal static PingTable LoadRowGroups(IReadOnlyList<(ParquetPingReader Reader, int RowGroup)> blocks, CancellationToken cancellationToken)
    {
        long rows = 0;
        foreach ((ParquetPingReader reader, int rowGroup) in blocks)
        {
            rows += reader.RowCount(rowGroup);
        }

        var builder = new PingTableBuilder((int)Math.Min(Array.MaxLength, Math.Max(rows, 16)));
        var appender = new ChunkAppender(builder, new PingLoadState());
        ChunkPipeline.Run(blocks.Count, ChunkPipeline.DefaultAhead, (i, chunk) => blocks[i].Reader.Decode(blocks[i].RowGroup, chunk),
            (_, chunk) => appender.Append(chunk), cancellationToken);
        return builder.Build();
    }

    /// <summary>
    /// Rows to reserve for <paramref name="files"/>: the Parquet footers' row counts (CSV adds nothing), so that the
    /// columns are allocated once instead of doubling; at least 65,536.
    /// </summary>
    /// <remarks>A hint only: a file whose footer cannot be read adds nothing here, and is reported when it is decoded.</remarks>
    private static int CapacityHint(List<string> files)
    {
        long rows = 0;
        foreach (string file in files)
        {
            try
            {
                if (IsParquet(file))
                {
                    using ParquetFileReader reader = ParquetFileReader.Open(file);
                    rows += reader.RowCount;
                }
            }
            catch (Exception ex) when (ex is ParquetFormatException or IOException or UnauthorizedAccessException)
            {
                // Reported with the file's name by DecodeFile.
            }
        }

        return (int)Math.Clamp(rows, 1 << 16, Array.MaxLength);
    }

    internal static List<string> ExpandInputs(IReadOnlyList<string> inputs)
    {
        var files = new List<string>();
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = new List<string>();
                foreach (string path in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories))
                {
                    string relative = Path.GetRelativePath(input, path);
                    bool hidden = relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('_') || part.StartsWith('.'));
                    string ext = Path.GetExtension(path).ToLowerInvariant();
                    if (!hidden && ext is ".parquet" or ".pq" or ".parq" or ".csv")
                    {
                        found.Add(path);
                    }
                }

                if (found.Count == 0)
                {
                    throw new PingInputException(input, "the folder holds no .parquet or .csv file");
                }

                found.Sort(StringComparer.Ordinal);
                files.AddRange(found);
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                throw new PingInputException(input, "file not found");
            }
        }

        return files;
    }

    internal static bool IsParquet(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".parquet" or ".pq" or ".parq")
        {
            return true;
        }

        if (ext == ".csv")
        {
            return false;
        }

        using FileStream stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual("PAR1"u8);
    }

    /// <summary>Appends the kept rows of blocks to a builder, interning each id of a block at most once.</summary>
    private sealed class ChunkAppender(PingTableBuilder builder, PingLoadState state)
    {
        private readonly PingTableBuilder _builder = builder;
        private int[] _deviceOfId = new int[256];
        private char[] _chars = new char[256];

        public void Append(PingChunk chunk)
        {
            if (_deviceOfId.Length < chunk.IdCount)
            {
                _deviceOfId = new int[Math.Max(chunk.IdCount, _deviceOfId.Length * 2)];
            }

            _deviceOfId.AsSpan(0, chunk.IdCount).Fill(-1);
            _builder.EnsureCapacity(chunk.Rows);
            var sink = new Sink(this, chunk);
            int kept = chunk.ForEachKept(ref sink);
            state.RowsRead += chunk.Rows;
            state.RowsDropped += chunk.Rows - kept;
        }

        private int Intern(ReadOnlySpan<byte> utf8)
        {
            int max = Encoding.UTF8.GetMaxCharCount(utf8.Length);
            if (max > _chars.Length)
            {
                _chars = new char[max];
            }

            int count = Encoding.UTF8.GetChars(utf8, _chars);
            return _builder.Intern(_chars.AsSpan(0, count));
        }

        private readonly struct Sink(ChunkAppender appender, PingChunk chunk) : IPingRowSink
        {
            public void Row(int id, long timeMs, double lat, double lon, float accuracyM)
            {
                ref int device = ref appender._deviceOfId[id];
                if (device < 0)
                {
                    device = appender.Intern(chunk.Id(id));
                }

                appender._builder.Add(device, timeMs, lat, lon, accuracyM);
            }
        }
    }
}
