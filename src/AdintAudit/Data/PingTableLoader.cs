using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using AdintAudit.Parquet;
using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Schema;

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
/// detected per file by magnitude (<see cref="TimestampUnits.Detect"/>); text is ISO-8601 (no offset = UTC); CSV
/// decimals are seconds. Rows missing a required value are dropped and counted.
/// </para>
/// <para>Folders are searched recursively for <c>.parquet</c>, <c>.pq</c>, <c>.parq</c> and <c>.csv</c> files, in ordinal
/// order of their relative path; names starting with <c>_</c> or <c>.</c> are skipped (Spark's <c>_SUCCESS</c>).</para>
/// </remarks>
public static class PingTableLoader
{
    private const int UnitSample = 4096;

    /// <summary>Loads every input into one table.</summary>
    /// <param name="inputs">Files or folders.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="cancellationToken">Checked between row groups.</param>
    /// <returns>The table and what was read.</returns>
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
        var builder = new PingTableBuilder(1 << 16);
        var state = new LoadState();
        foreach (string file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (IsParquet(file))
                {
                    LoadParquet(file, builder, options, state, cancellationToken);
                }
                else
                {
                    using var text = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true), true, 1 << 16);
                    LoadCsv(text, builder, options, state);
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
        var state = new LoadState();
        LoadCsv(text, builder, options ?? new PingLoadOptions(), state);
        return new PingLoadResult(builder.Build(), [], state.RowsRead, state.RowsDropped, state.DescribeTime(), state.Columns ?? []);
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

    private static void LoadParquet(string file, PingTableBuilder builder, PingLoadOptions options, LoadState state, CancellationToken cancellationToken)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(file);
        var flat = new List<ColumnDescriptor>();
        foreach (ColumnDescriptor column in reader.Schema.Columns)
        {
            if (column.IsFlat)
            {
                flat.Add(column);
            }
        }

        int[] map = options.Mapping.Resolve([.. flat.Select(c => c.Path[0])]);
        state.Columns ??= [.. Enum.GetValues<PingField>().Where(f => map[(int)f] >= 0).Select(f => $"{f}={flat[map[(int)f]].Path[0]}")];
        ColumnDescriptor deviceColumn = flat[map[(int)PingField.DeviceId]];
        ColumnDescriptor timeColumn = flat[map[(int)PingField.Timestamp]];
        ColumnDescriptor latColumn = flat[map[(int)PingField.Latitude]];
        ColumnDescriptor lonColumn = flat[map[(int)PingField.Longitude]];
        ColumnDescriptor? accColumn = map[(int)PingField.Accuracy] >= 0 ? flat[map[(int)PingField.Accuracy]] : null;
        TimeReader timeReader = TimeReader.For(timeColumn, options.TimestampUnit, state);
        int[] devices = [];
        long[] times = [];
        double[] lats = [];
        double[] lons = [];
        float[] accs = [];
        bool[] valid = [];
        var numericIds = new Dictionary<long, int>();
        for (int rg = 0; rg < reader.RowGroupCount; rg++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int rows = checked((int)reader.GetRowCount(rg));
            if (devices.Length < rows)
            {
                devices = new int[rows];
                times = new long[rows];
                lats = new double[rows];
                lons = new double[rows];
                accs = new float[rows];
                valid = new bool[rows];
            }

            Span<bool> ok = valid.AsSpan(0, rows);
            ok.Fill(true);
            ReadDevices(reader.ReadColumn(rg, deviceColumn), builder, devices.AsSpan(0, rows), ok, numericIds);
            timeReader.Read(reader.ReadColumn(rg, timeColumn), times.AsSpan(0, rows), ok);
            ReadDoubles(reader.ReadColumn(rg, latColumn), lats.AsSpan(0, rows), ok, required: true);
            ReadDoubles(reader.ReadColumn(rg, lonColumn), lons.AsSpan(0, rows), ok, required: true);
            if (accColumn is null)
            {
                accs.AsSpan(0, rows).Fill(float.NaN);
            }
            else
            {
                ReadAccuracy(reader.ReadColumn(rg, accColumn), accs.AsSpan(0, rows));
            }

            builder.EnsureCapacity(rows);
            for (int i = 0; i < rows; i++)
            {
                if (ok[i])
                {
                    builder.Add(devices[i], times[i], lats[i], lons[i], accs[i]);
                }
                else
                {
                    state.RowsDropped++;
                }
            }

            state.RowsRead += rows;
        }
    }

    /// <summary>Marks the null rows of <paramref name="data"/> as not usable in <paramref name="ok"/>.</summary>
    private static void MarkNulls(ColumnData data, Span<bool> ok)
    {
        ReadOnlySpan<byte> levels = data.DefinitionLevels;
        if (levels.IsEmpty)
        {
            return;
        }

        int max = data.Column.MaxDefinitionLevel;
        for (int i = 0; i < levels.Length; i++)
        {
            if (levels[i] != max)
            {
                ok[i] = false;
            }
        }
    }

    private static void ReadDevices(ColumnData data, PingTableBuilder builder, Span<int> devices, Span<bool> ok, Dictionary<long, int> numericIds)
    {
        ReadOnlySpan<byte> levels = data.DefinitionLevels;
        int max = data.Column.MaxDefinitionLevel;
        int rows = devices.Length;
        int v = 0;
        char[] chars = ArrayPool<char>.Shared.Rent(256);
        try
        {
            switch (data.Column.PhysicalType)
            {
                case PhysicalType.ByteArray or PhysicalType.FixedLenByteArray when data.Dictionary is ByteArrayValues dictionary:
                    {
                        int[] local = new int[dictionary.Count];
                        for (int e = 0; e < local.Length; e++)
                        {
                            local[e] = Intern(builder, dictionary[e], ref chars);
                        }

                        ReadOnlySpan<int> indices = data.DictionaryIndices;
                        for (int i = 0; i < rows; i++)
                        {
                            if (levels.IsEmpty || levels[i] == max)
                            {
                                devices[i] = local[indices[v++]];
                            }
                            else
                            {
                                ok[i] = false;
                            }
                        }

                        break;
                    }

                case PhysicalType.ByteArray or PhysicalType.FixedLenByteArray:
                    for (int i = 0; i < rows; i++)
                    {
                        if (levels.IsEmpty || levels[i] == max)
                        {
                            devices[i] = Intern(builder, data.GetBytes(v++), ref chars);
                        }
                        else
                        {
                            ok[i] = false;
                        }
                    }

                    break;
                case PhysicalType.Int32 or PhysicalType.Int64:
                    {
                        bool wide = data.Column.PhysicalType == PhysicalType.Int64;
                        ReadOnlySpan<int> ints = wide ? default : data.GetValues<int>();
                        ReadOnlySpan<long> longs = wide ? data.GetValues<long>() : default;
                        for (int i = 0; i < rows; i++)
                        {
                            if (levels.IsEmpty || levels[i] == max)
                            {
                                long id = wide ? longs[v] : ints[v];
                                v++;
                                if (!numericIds.TryGetValue(id, out int local))
                                {
                                    local = builder.Intern(id.ToString(CultureInfo.InvariantCulture));
                                    numericIds.Add(id, local);
                                }

                                devices[i] = local;
                            }
                            else
                            {
                                ok[i] = false;
                            }
                        }

                        break;
                    }

                default:
                    throw new InputFormatException($"column '{data.Column.DottedPath}' (device id) is {data.Column.PhysicalType}; a string or integer is needed");
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static int Intern(PingTableBuilder builder, ReadOnlySpan<byte> utf8, ref char[] chars)
    {
        int max = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (max > chars.Length)
        {
            ArrayPool<char>.Shared.Return(chars);
            chars = ArrayPool<char>.Shared.Rent(max);
        }

        int count = Encoding.UTF8.GetChars(utf8, chars);
        return builder.Intern(chars.AsSpan(0, count));
    }

    private static void ReadDoubles(ColumnData data, Span<double> values, Span<bool> ok, bool required)
    {
        ReadOnlySpan<byte> levels = data.DefinitionLevels;
        int max = data.Column.MaxDefinitionLevel;
        int v = 0;
        PhysicalType type = data.Column.PhysicalType;
        ReadOnlySpan<double> doubles = type == PhysicalType.Double ? data.GetValues<double>() : default;
        ReadOnlySpan<float> floats = type == PhysicalType.Float ? data.GetValues<float>() : default;
        ReadOnlySpan<int> ints = type == PhysicalType.Int32 ? data.GetValues<int>() : default;
        ReadOnlySpan<long> longs = type == PhysicalType.Int64 ? data.GetValues<long>() : default;
        if (type is not (PhysicalType.Double or PhysicalType.Float or PhysicalType.Int32 or PhysicalType.Int64))
        {
            throw new InputFormatException($"column '{data.Column.DottedPath}' is {type}; a number is needed");
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (levels.IsEmpty || levels[i] == max)
            {
                values[i] = type switch
                {
                    PhysicalType.Double => doubles[v],
                    PhysicalType.Float => floats[v],
                    PhysicalType.Int32 => ints[v],
                    _ => longs[v],
                };
                v++;
                if (required && double.IsNaN(values[i]))
                {
                    ok[i] = false;
                }
            }
            else
            {
                values[i] = double.NaN;
                if (required)
                {
                    ok[i] = false;
                }
            }
        }
    }

    private static void ReadAccuracy(ColumnData data, Span<float> values)
    {
        double[] buffer = ArrayPool<double>.Shared.Rent(values.Length);
        try
        {
            Span<double> doubles = buffer.AsSpan(0, values.Length);
            ReadDoubles(data, doubles, default, required: false);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (float)doubles[i];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static void LoadCsv(TextReader text, PingTableBuilder builder, PingLoadOptions options, LoadState state)
    {
        var csv = new CsvReader(text);
        if (!csv.Read())
        {
            throw new CsvFormatException(1, "the file is empty (a header line is needed)");
        }

        string[] names = new string[csv.FieldCount];
        for (int c = 0; c < names.Length; c++)
        {
            names[c] = csv.GetString(c) ?? string.Empty;
        }

        int[] map = options.Mapping.Resolve(names);
        state.Columns ??= [.. Enum.GetValues<PingField>().Where(f => map[(int)f] >= 0).Select(f => $"{f}={names[map[(int)f]]}")];
        int deviceAt = map[(int)PingField.DeviceId];
        int timeAt = map[(int)PingField.Timestamp];
        int latAt = map[(int)PingField.Latitude];
        int lonAt = map[(int)PingField.Longitude];
        int accAt = map[(int)PingField.Accuracy];
        int first = builder.Count;

        // Integer timestamps are kept raw until the unit is known; ISO text and decimal seconds are stored in ms.
        var rawInteger = new List<int>();
        bool sawIso = false;
        CultureInfo invariant = CultureInfo.InvariantCulture;
        const NumberStyles Real = NumberStyles.Float;
        while (csv.Read())
        {
            state.RowsRead++;
            if (csv.FieldCount != names.Length)
            {
                throw new CsvFormatException(csv.RecordLine, $"{csv.FieldCount} fields, but the header has {names.Length}");
            }

            if (csv.IsNull(deviceAt) || csv.IsNull(timeAt)
                || !double.TryParse(csv[latAt], Real, invariant, out double lat) || !double.TryParse(csv[lonAt], Real, invariant, out double lon)
                || double.IsNaN(lat) || double.IsNaN(lon))
            {
                state.RowsDropped++;
                continue;
            }

            ReadOnlySpan<char> timeText = csv[timeAt].Trim();
            long time;
            if (long.TryParse(timeText, NumberStyles.AllowLeadingSign, invariant, out long raw))
            {
                time = raw;
                rawInteger.Add(builder.Count);
            }
            else if (double.TryParse(timeText, Real, invariant, out double seconds) && double.IsFinite(seconds))
            {
                time = (long)Math.Floor(seconds * 1000);
            }
            else if (TimestampUnits.TryParseIso(timeText, out long ms))
            {
                time = ms;
                sawIso = true;
            }
            else
            {
                string shown = timeText.Length > 40 ? string.Concat(timeText[..40], "…") : timeText.ToString();
                throw new CsvFormatException(csv.RecordLine, $"column '{names[timeAt]}': \"{shown}\" is neither an epoch number nor an ISO-8601 timestamp");
            }

            float acc = float.NaN;
            if (accAt >= 0 && !csv.IsNull(accAt) && float.TryParse(csv[accAt], Real, invariant, out float parsed))
            {
                acc = parsed;
            }

            builder.Add(builder.Intern(csv[deviceAt]), time, lat, lon, acc);
        }

        if (rawInteger.Count > 0)
        {
            TimestampUnit unit = options.TimestampUnit ?? DetectUnit(builder, rawInteger);
            state.NoteUnit(TimestampUnits.ShortName(unit), options.TimestampUnit is null ? "detected by magnitude" : "given");
            if (unit != TimestampUnit.Milliseconds)
            {
                builder.ScaleTimes(rawInteger, unit);
            }
        }

        if (sawIso)
        {
            state.NoteUnit("ISO-8601 text", "no offset = UTC");
        }

        _ = first;
    }

    private static TimestampUnit DetectUnit(PingTableBuilder builder, List<int> rows)
    {
        int step = Math.Max(1, rows.Count / UnitSample);
        var sample = new List<long>();
        for (int i = 0; i < rows.Count; i += step)
        {
            sample.Add(builder.TimeAt(rows[i]));
        }

        return TimestampUnits.Detect([.. sample]);
    }

    private sealed class LoadState
    {
        private readonly SortedSet<string> _units = new(StringComparer.Ordinal);

        public long RowsRead { get; set; }

        public long RowsDropped { get; set; }

        public string[]? Columns { get; set; }

        public void NoteUnit(string unit, string how) => _units.Add($"{unit} ({how})");

        public string DescribeTime() => _units.Count == 0 ? "none" : string.Join("; ", _units);
    }

    /// <summary>Reads a timestamp column of one file into UTC epoch ms.</summary>
    private sealed class TimeReader
    {
        private readonly ColumnDescriptor _column;
        private readonly LoadState _state;
        private readonly TimestampUnit? _given;
        private TimestampUnit? _unit;
        private bool _isInt96;
        private bool _isText;

        private TimeReader(ColumnDescriptor column, TimestampUnit? given, LoadState state)
        {
            _column = column;
            _given = given;
            _state = state;
        }

        public static TimeReader For(ColumnDescriptor column, TimestampUnit? given, LoadState state)
        {
            var reader = new TimeReader(column, given, state);
            LogicalType? logical = column.LogicalType;
            switch (column.PhysicalType)
            {
                case PhysicalType.Int96:
                    reader._isInt96 = true;
                    state.NoteUnit("ns", "Parquet INT96");
                    break;
                case PhysicalType.ByteArray:
                    reader._isText = true;
                    state.NoteUnit("ISO-8601 text", "no offset = UTC");
                    break;
                case PhysicalType.Int64 or PhysicalType.Int32 or PhysicalType.Double or PhysicalType.Float:
                    if (logical is { Kind: LogicalTypeKind.Timestamp })
                    {
                        reader._unit = logical.Unit switch
                        {
                            TimeUnit.Micros => TimestampUnit.Microseconds,
                            TimeUnit.Nanos => TimestampUnit.Nanoseconds,
                            _ => TimestampUnit.Milliseconds,
                        };
                        state.NoteUnit(TimestampUnits.ShortName(reader._unit.Value), "Parquet logical type");
                    }
                    else if (column.ConvertedType is ConvertedType.TimestampMillis or ConvertedType.TimestampMicros)
                    {
                        reader._unit = column.ConvertedType == ConvertedType.TimestampMillis ? TimestampUnit.Milliseconds : TimestampUnit.Microseconds;
                        state.NoteUnit(TimestampUnits.ShortName(reader._unit.Value), "Parquet converted type");
                    }
                    else if (given is TimestampUnit forced)
                    {
                        reader._unit = forced;
                        state.NoteUnit(TimestampUnits.ShortName(forced), "given");
                    }

                    break;
                default:
                    throw new InputFormatException($"column '{column.DottedPath}' (timestamp) is {column.PhysicalType}; a number, timestamp or text is needed");
            }

            return reader;
        }

        public void Read(ColumnData data, Span<long> times, Span<bool> ok)
        {
            ReadOnlySpan<byte> levels = data.DefinitionLevels;
            int max = data.Column.MaxDefinitionLevel;
            int v = 0;
            if (_isText)
            {
                char[] chars = ArrayPool<char>.Shared.Rent(128);
                try
                {
                    for (int i = 0; i < times.Length; i++)
                    {
                        if (!levels.IsEmpty && levels[i] != max)
                        {
                            ok[i] = false;
                            continue;
                        }

                        ReadOnlySpan<byte> bytes = data.GetBytes(v++);
                        if (bytes.Length > chars.Length)
                        {
                            ok[i] = false;
                            continue;
                        }

                        int n = Encoding.UTF8.GetChars(bytes, chars);
                        if (!TimestampUnits.TryParseIso(chars.AsSpan(0, n).Trim(), out times[i]))
                        {
                            throw new InputFormatException($"column '{_column.DottedPath}': \"{Encoding.UTF8.GetString(bytes)}\" is not an ISO-8601 timestamp");
                        }
                    }
                }
                finally
                {
                    ArrayPool<char>.Shared.Return(chars);
                }

                return;
            }

            if (_isInt96)
            {
                ReadOnlySpan<byte> raw = data.FixedValues;
                for (int i = 0; i < times.Length; i++)
                {
                    if (!levels.IsEmpty && levels[i] != max)
                    {
                        ok[i] = false;
                        continue;
                    }

                    ReadOnlySpan<byte> value = raw.Slice(12 * v++, 12);
                    long nanosOfDay = BinaryPrimitives.ReadInt64LittleEndian(value);
                    int julianDay = BinaryPrimitives.ReadInt32LittleEndian(value[8..]);
                    times[i] = ((julianDay - 2_440_588L) * 86_400_000L) + TimestampUnits.FloorDivide(nanosOfDay, 1_000_000);
                }

                return;
            }

            PhysicalType type = data.Column.PhysicalType;
            bool isReal = type is PhysicalType.Double or PhysicalType.Float;
            ReadOnlySpan<long> longs = type == PhysicalType.Int64 ? data.GetValues<long>() : default;
            ReadOnlySpan<int> ints = type == PhysicalType.Int32 ? data.GetValues<int>() : default;
            ReadOnlySpan<double> doubles = type == PhysicalType.Double ? data.GetValues<double>() : default;
            ReadOnlySpan<float> floats = type == PhysicalType.Float ? data.GetValues<float>() : default;
            if (_unit is null)
            {
                int count = data.ValueCount;
                int step = Math.Max(1, count / UnitSample);
                var sample = new List<long>();
                for (int j = 0; j < count; j += step)
                {
                    sample.Add(type switch
                    {
                        PhysicalType.Int64 => longs[j],
                        PhysicalType.Int32 => ints[j],
                        PhysicalType.Double => (long)doubles[j],
                        _ => (long)floats[j],
                    });
                }

                if (sample.Count == 0)
                {
                    MarkNulls(data, ok);
                    for (int i = 0; i < times.Length; i++)
                    {
                        ok[i] = false;
                    }

                    return;
                }

                _unit = TimestampUnits.Detect([.. sample]);
                _state.NoteUnit(TimestampUnits.ShortName(_unit.Value), "detected by magnitude");
            }

            TimestampUnit unit = _unit.Value;
            double scale = unit switch
            {
                TimestampUnit.Seconds => 1000.0,
                TimestampUnit.Microseconds => 1e-3,
                TimestampUnit.Nanoseconds => 1e-6,
                _ => 1.0,
            };
            for (int i = 0; i < times.Length; i++)
            {
                if (!levels.IsEmpty && levels[i] != max)
                {
                    ok[i] = false;
                    continue;
                }

                if (isReal)
                {
                    double value = type == PhysicalType.Double ? doubles[v] : floats[v];
                    v++;
                    if (!double.IsFinite(value))
                    {
                        ok[i] = false;
                        continue;
                    }

                    times[i] = (long)Math.Floor(value * scale);
                }
                else
                {
                    long value = type == PhysicalType.Int64 ? longs[v] : ints[v];
                    v++;
                    times[i] = TimestampUnits.ToMilliseconds(value, unit);
                }
            }
        }
    }
}
