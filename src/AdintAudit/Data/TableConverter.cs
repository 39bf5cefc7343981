using System.Text;
using AdintAudit.Parquet;
using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Schema;
using AdintAudit.Parquet.Text;
using AdintAudit.Parquet.Writing;

namespace AdintAudit.Data;

/// <summary>File formats a table can be converted between.</summary>
public enum TableFormat
{
    /// <summary>RFC 4180 CSV, UTF-8, header line; null = empty unquoted field, <c>""</c> = empty string.</summary>
    Csv,

    /// <summary>Apache Parquet.</summary>
    Parquet,
}

/// <summary>Settings of <see cref="TableConverter.Convert"/>.</summary>
public sealed record ConvertOptions
{
    /// <summary>Number of data rows of a CSV file whose values decide each column's inferred type (default 10,000).</summary>
    public const int DefaultInferenceRows = 10_000;

    /// <summary>Page compression of Parquet output (default SNAPPY).</summary>
    public CompressionCodec Codec { get; init; } = CompressionCodec.Snappy;

    /// <summary>Maximum rows per row group of Parquet output; also the rows of CSV held in memory at once.</summary>
    public int RowGroupSize { get; init; } = 1 << 20;

    /// <summary>Column types for CSV input that override inference, by column name (ordinal).</summary>
    public IReadOnlyDictionary<string, CsvColumnType> ColumnTypes { get; init; } = new Dictionary<string, CsvColumnType>();

    /// <summary>Rows sampled for type inference; at least 1.</summary>
    public int InferenceRows { get; init; } = DefaultInferenceRows;

    /// <summary>Whether an existing output file is replaced (otherwise the conversion refuses to start).</summary>
    public bool Overwrite { get; init; }

    /// <summary>Key-value metadata added to Parquet output (for example provenance).</summary>
    public IReadOnlyList<KeyValue> KeyValueMetadata { get; init; } = [];
}

/// <summary>What a conversion did.</summary>
/// <param name="InputFormat">Format read.</param>
/// <param name="OutputFormat">Format written.</param>
/// <param name="Rows">Data rows converted.</param>
/// <param name="Columns">Column names with the type written (Parquet output) or read (CSV output), such as <c>lat:DOUBLE</c>.</param>
public sealed record ConvertResult(TableFormat InputFormat, TableFormat OutputFormat, long Rows, IReadOnlyList<string> Columns);

/// <summary>
/// Converts tables between CSV and Parquet (and Parquet to Parquet, re-encoded), streaming one row group at a time.
/// </summary>
/// <remarks>
/// <para>
/// Formats come from the file extension (<c>.csv</c>; <c>.parquet</c>, <c>.pq</c>, <c>.parq</c>); an input with
/// another extension is Parquet when it starts with <c>PAR1</c>, else CSV.
/// </para>
/// <para>
/// CSV to Parquet: every column is OPTIONAL. A column's type is its entry in <see cref="ConvertOptions.ColumnTypes"/>,
/// else inferred from the first <see cref="ConvertOptions.InferenceRows"/> data rows, ignoring nulls: INT64 when every
/// value is an integer (optional '-', digits, no leading zero, so codes like <c>007</c> stay text), else DOUBLE when
/// every value is a number in invariant culture (<c>1.5</c>, <c>-2e-3</c>, <c>NaN</c>, <c>Infinity</c>), else STRING;
/// a column with no value in the sample is STRING. A later value that does not parse stops the conversion with a
/// <see cref="CsvFormatException"/> naming the line and column.
/// </para>
/// <para>
/// Parquet to CSV: the conventions of <see cref="ParquetTableWriter"/> (as <c>adint cat</c>). Parquet to Parquet: flat
/// columns of the writable types keep their names, types, logical types and repetition; row groups larger than
/// <see cref="ConvertOptions.RowGroupSize"/> are split.
/// </para>
/// <para>
/// The output is written to <c>OUT.tmp-XXXXXXXX</c> in the same folder and renamed when complete; on any failure the
/// temporary file is deleted, so a half-written output never appears under the final name.
/// </para>
/// </remarks>
public static class TableConverter
{
    /// <summary>Converts <paramref name="inputPath"/> to <paramref name="outputPath"/>.</summary>
    /// <param name="inputPath">CSV or Parquet file to read.</param>
    /// <param name="outputPath">CSV or Parquet file to write; its extension picks the format.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="cancellationToken">Checked between row groups.</param>
    /// <returns>Formats, row count and columns.</returns>
    /// <exception cref="ArgumentException">The output extension is unknown, or an option names a missing column.</exception>
    /// <exception cref="InputFormatException">The input is malformed or holds something the output cannot represent.</exception>
    /// <exception cref="ParquetFormatException">The Parquet input is corrupt.</exception>
    /// <exception cref="OutputWriteException">The output exists (without <see cref="ConvertOptions.Overwrite"/>) or cannot be written.</exception>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public static ConvertResult Convert(string inputPath, string outputPath, ConvertOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        ArgumentNullException.ThrowIfNull(outputPath);
        options ??= new ConvertOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RowGroupSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.InferenceRows, 1, nameof(options));
        TableFormat outputFormat = FormatOfOutput(outputPath);
        TableFormat inputFormat = FormatOfInput(inputPath);
        string fullOutput = Path.GetFullPath(outputPath);
        if (string.Equals(Path.GetFullPath(inputPath), fullOutput, StringComparison.Ordinal))
        {
            throw new OutputWriteException("the output is the input file; write to another path");
        }

        if (!options.Overwrite && File.Exists(fullOutput))
        {
            throw new OutputWriteException("output exists; use --force to replace it");
        }

        string temporary = Path.Combine(Path.GetDirectoryName(fullOutput)!, // a full path always has a folder
            $"{Path.GetFileName(fullOutput)}.tmp-{Guid.NewGuid().ToString("N")[..8]}");
        FileStream stream;
        try
        {
            stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputWriteException($"cannot create the output: {ex.Message}", ex);
        }

        try
        {
            var output = new BlamingStream(stream);
            ConvertResult result;
            using (output)
            {
                result = (inputFormat, outputFormat) switch
                {
                    (TableFormat.Csv, TableFormat.Parquet) => CsvToParquet(inputPath, output, options, cancellationToken),
                    (TableFormat.Parquet, TableFormat.Csv) => ParquetToCsv(inputPath, output, cancellationToken),
                    (TableFormat.Parquet, TableFormat.Parquet) => ParquetToParquet(inputPath, output, options, cancellationToken),
                    _ => throw new ArgumentException("CSV to CSV is not a conversion; copy the file instead", nameof(outputPath)),
                };
            }

            try
            {
                File.Move(temporary, fullOutput, options.Overwrite);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new OutputWriteException(File.Exists(fullOutput) && !options.Overwrite
                    ? "output exists; use --force to replace it"
                    : $"cannot move the finished output into place: {ex.Message}", ex);
            }

            return result;
        }
        catch (DecoderFallbackException ex)
        {
            stream.Dispose();
            TryDelete(temporary);
            throw new InputFormatException("the CSV is not valid UTF-8", ex);
        }
        catch
        {
            stream.Dispose();
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>The format of an output path by its extension.</summary>
    /// <exception cref="ArgumentException">The extension is neither CSV nor Parquet.</exception>
    public static TableFormat FormatOfOutput(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FormatByExtension(path)
            ?? throw new ArgumentException($"cannot tell the output format of '{path}': use a .csv or .parquet extension", nameof(path));
    }

    private static TableFormat FormatOfInput(string path)
    {
        if (FormatByExtension(path) is TableFormat known)
        {
            return known;
        }

        using FileStream stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual("PAR1"u8) ? TableFormat.Parquet : TableFormat.Csv;
    }

    private static TableFormat? FormatByExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => TableFormat.Csv,
        ".parquet" or ".pq" or ".parq" => TableFormat.Parquet,
        _ => null,
    };

    private static ConvertResult CsvToParquet(string inputPath, Stream output, ConvertOptions options, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(inputPath, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);
        var csv = new CsvReader(text);
        string[] names = ReadHeader(csv);
        foreach (string name in options.ColumnTypes.Keys)
        {
            if (Array.IndexOf(names, name) < 0)
            {
                throw new ArgumentException($"no column '{name}' in the CSV header (columns: {string.Join(", ", names)})", nameof(options));
            }
        }

        // Sample rows for inference; they are the start of the first row group anyway.
        var sample = new List<string?[]>();
        var sampleLines = new List<long>();
        while (sample.Count < options.InferenceRows && ReadRow(csv, names.Length))
        {
            string?[] row = new string?[names.Length];
            for (int c = 0; c < names.Length; c++)
            {
                row[c] = csv.GetString(c);
            }

            sample.Add(row);
            sampleLines.Add(csv.RecordLine);
        }

        var types = new CsvColumnType[names.Length];
        var buffers = new CsvColumnBuffer[names.Length];
        int capacity = options.RowGroupSize;
        for (int c = 0; c < names.Length; c++)
        {
            bool fixedType = options.ColumnTypes.TryGetValue(names[c], out types[c]);
            if (!fixedType)
            {
                types[c] = Infer(sample, c);
            }

            string source = fixedType ? "type given" : $"type inferred from the first {sample.Count:N0} rows";
            buffers[c] = new CsvColumnBuffer(names[c], types[c], capacity, source);
        }

        var schema = new WriterSchema(names.Select((name, c) => CsvColumnTypes.ToWriterColumn(name, types[c])));
        var writerOptions = new ParquetWriterOptions
        {
            Codec = options.Codec,
            RowGroupSize = options.RowGroupSize,
            KeyValueMetadata = options.KeyValueMetadata,
        };
        long rows = 0;
        using (var writer = new ParquetFileWriter(output, schema, writerOptions, leaveOpen: true))
        {
            for (int s = 0; s < sample.Count; s++)
            {
                string?[] row = sample[s];
                for (int c = 0; c < names.Length; c++)
                {
                    buffers[c].Append(row[c], row[c] is null, sampleLines[s]);
                }

                if (buffers[0].Count == capacity)
                {
                    rows += Flush(writer, buffers, cancellationToken);
                }
            }

            sample.Clear();
            while (ReadRow(csv, names.Length))
            {
                for (int c = 0; c < names.Length; c++)
                {
                    buffers[c].Append(csv[c], csv.IsNull(c), csv.RecordLine);
                }

                if (buffers[0].Count == capacity)
                {
                    rows += Flush(writer, buffers, cancellationToken);
                }
            }

            rows += Flush(writer, buffers, cancellationToken);
            writer.Complete();
        }

        return new ConvertResult(TableFormat.Csv, TableFormat.Parquet, rows,
            [.. names.Select((name, c) => $"{name}:{CsvColumnTypes.NameOf(types[c])}")]);
    }

    private static string[] ReadHeader(CsvReader csv)
    {
        if (!csv.Read())
        {
            throw new CsvFormatException(1, "the file is empty (a header line is needed)");
        }

        string[] names = new string[csv.FieldCount];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int c = 0; c < names.Length; c++)
        {
            names[c] = csv.GetString(c) ?? string.Empty;
            if (names[c].Length == 0)
            {
                throw new CsvFormatException(1, $"header field {c + 1} is empty (every column needs a name)");
            }

            if (!seen.Add(names[c]))
            {
                throw new CsvFormatException(1, $"column name '{names[c]}' appears twice in the header");
            }
        }

        return names;
    }

    private static bool ReadRow(CsvReader csv, int columns)
    {
        if (!csv.Read())
        {
            return false;
        }

        if (csv.FieldCount != columns)
        {
            throw new CsvFormatException(csv.RecordLine, $"{csv.FieldCount} fields, but the header has {columns}");
        }

        return true;
    }

    private static CsvColumnType Infer(List<string?[]> sample, int column)
    {
        bool any = false;
        bool integers = true;
        bool reals = true;
        foreach (string?[] row in sample)
        {
            string? value = row[column];
            if (value is null)
            {
                continue;
            }

            any = true;
            integers = integers && CsvColumnBuffer.LooksLikeInteger(value);
            reals = reals && (integers || CsvColumnBuffer.LooksLikeReal(value));
            if (!reals)
            {
                break;
            }
        }

        return !any ? CsvColumnType.String : integers ? CsvColumnType.Int64 : reals ? CsvColumnType.Double : CsvColumnType.String;
    }

    private static int Flush(ParquetFileWriter writer, CsvColumnBuffer[] buffers, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int count = buffers[0].Count;
        if (count == 0)
        {
            return 0;
        }

        writer.BeginRowGroup(count);
        foreach (CsvColumnBuffer buffer in buffers)
        {
            buffer.WriteTo(writer);
            buffer.Clear();
        }

        writer.EndRowGroup();
        return count;
    }

    private static ConvertResult ParquetToCsv(string inputPath, Stream output, CancellationToken cancellationToken)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(inputPath);
        using var text = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        long rows = ParquetTableWriter.Write(reader, text, TableTextFormat.Csv, cancellationToken: cancellationToken);
        text.Flush();
        return new ConvertResult(TableFormat.Parquet, TableFormat.Csv, rows, [.. reader.Schema.Fields.Select(f => f.Name)]);
    }

    private static ConvertResult ParquetToParquet(string inputPath, Stream output, ConvertOptions options, CancellationToken cancellationToken)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(inputPath);
        var columns = new List<WriterColumn>();
        foreach (ColumnDescriptor column in reader.Schema.Columns)
        {
            columns.Add(ToWriterColumn(column));
        }

        var kv = new List<KeyValue>(reader.Metadata.KeyValueMetadata.Where(k => !string.Equals(k.Key, "ARROW:schema", StringComparison.Ordinal)));
        kv.AddRange(options.KeyValueMetadata);
        var writerOptions = new ParquetWriterOptions { Codec = options.Codec, RowGroupSize = options.RowGroupSize, KeyValueMetadata = kv };
        using (var writer = new ParquetFileWriter(output, new WriterSchema(columns), writerOptions, leaveOpen: true))
        {
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                IReadOnlyList<ColumnData> data = reader.ReadRowGroup(g);
                var slots = new SlotColumn[data.Count];
                for (int c = 0; c < data.Count; c++)
                {
                    slots[c] = SlotColumn.From(data[c]);
                }

                int rows = checked((int)reader.GetRowCount(g));
                for (int start = 0; start < rows; start += options.RowGroupSize)
                {
                    int count = Math.Min(options.RowGroupSize, rows - start);
                    writer.BeginRowGroup(count);
                    foreach (SlotColumn slot in slots)
                    {
                        slot.Write(writer, start, count);
                    }

                    writer.EndRowGroup();
                }
            }

            writer.Complete();
        }

        return new ConvertResult(TableFormat.Parquet, TableFormat.Parquet, reader.RowCount,
            [.. columns.Select(c => $"{c.Name}:{ParquetNames.Of(c.PhysicalType)}")]);
    }

    private static WriterColumn ToWriterColumn(ColumnDescriptor column)
    {
        if (!column.IsFlat)
        {
            throw new InputFormatException($"column '{column.DottedPath}' is nested; only flat tables can be converted to Parquet");
        }

        LogicalType? logical = column.LogicalType is { Kind: not LogicalTypeKind.Unknown } known ? known : FromConvertedType(column);
        try
        {
            return new WriterColumn(column.Path[0], column.PhysicalType, logical, column.Element.Repetition == FieldRepetition.Required);
        }
        catch (ArgumentException ex)
        {
            throw new InputFormatException($"{ex.Message.Split(" (Parameter", 2)[0]} (convert writes flat BOOLEAN, INT32, INT64, FLOAT, DOUBLE and BYTE_ARRAY columns)", ex);
        }
    }

    private static LogicalType? FromConvertedType(ColumnDescriptor column) => column.ConvertedType switch
    {
        ConvertedType.Utf8 => new LogicalType(LogicalTypeKind.String),
        ConvertedType.Enum => new LogicalType(LogicalTypeKind.Enum),
        ConvertedType.Json => new LogicalType(LogicalTypeKind.Json),
        ConvertedType.Date => new LogicalType(LogicalTypeKind.Date),
        ConvertedType.TimestampMillis => new LogicalType(LogicalTypeKind.Timestamp) { Unit = TimeUnit.Millis, IsAdjustedToUtc = true },
        ConvertedType.TimestampMicros => new LogicalType(LogicalTypeKind.Timestamp) { Unit = TimeUnit.Micros, IsAdjustedToUtc = true },
        ConvertedType.TimeMillis => new LogicalType(LogicalTypeKind.Time) { Unit = TimeUnit.Millis, IsAdjustedToUtc = true },
        ConvertedType.TimeMicros => new LogicalType(LogicalTypeKind.Time) { Unit = TimeUnit.Micros, IsAdjustedToUtc = true },
        ConvertedType.Int8 or ConvertedType.Int16 or ConvertedType.Int32 or ConvertedType.Int64
            or ConvertedType.Uint8 or ConvertedType.Uint16 or ConvertedType.Uint32 or ConvertedType.Uint64 => IntegerType(column.ConvertedType.Value),
        ConvertedType.Decimal => new LogicalType(LogicalTypeKind.Decimal) { Scale = column.Element.Scale ?? 0, Precision = column.Element.Precision ?? 0 },
        _ => null,
    };

    private static LogicalType IntegerType(ConvertedType type) => type switch
    {
        ConvertedType.Int8 => new LogicalType(LogicalTypeKind.Integer) { BitWidth = 8 },
        ConvertedType.Int16 => new LogicalType(LogicalTypeKind.Integer) { BitWidth = 16 },
        ConvertedType.Int32 => new LogicalType(LogicalTypeKind.Integer) { BitWidth = 32 },
        ConvertedType.Int64 => new LogicalType(LogicalTypeKind.Integer) { BitWidth = 64 },
        ConvertedType.Uint8 => new LogicalType(LogicalTypeKind.Integer) { BitWidth = 8, IsSigned = false },
        ConvertedType.Uint16 => new LogicalType(LogicalTypeKind.Integer) { BitWidth = 16, IsSigned = false },
        ConvertedType.Uint32 => new LogicalType(LogicalTypeKind.Integer) { BitWidth = 32, IsSigned = false },
        _ => new LogicalType(LogicalTypeKind.Integer) { BitWidth = 64, IsSigned = false },
    };

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original error matters more than a leftover temporary file.
        }
    }

    /// <summary>A decoded column chunk turned into one slot per row plus a null mask, ready for the writer.</summary>
    private sealed class SlotColumn
    {
        private readonly PhysicalType _type;
        private readonly bool[] _nulls;
        private readonly byte[] _fixed;
        private readonly int[] _offsets;
        private readonly int _size;

        private SlotColumn(PhysicalType type, bool[] nulls, byte[] fixedValues, int[] offsets, int size)
        {
            _type = type;
            _nulls = nulls;
            _fixed = fixedValues;
            _offsets = offsets;
            _size = size;
        }

        public static SlotColumn From(ColumnData data)
        {
            int rows = data.LevelCount;
            bool[] nulls = new bool[rows];
            ReadOnlySpan<byte> definition = data.DefinitionLevels;
            int max = data.Column.MaxDefinitionLevel;
            if (!definition.IsEmpty)
            {
                for (int r = 0; r < rows; r++)
                {
                    nulls[r] = definition[r] < max;
                }
            }

            if (data.FixedValueSize > 0)
            {
                int size = data.FixedValueSize;
                byte[] slots = new byte[(long)rows * size];
                int v = 0;
                for (int r = 0; r < rows; r++)
                {
                    if (!nulls[r])
                    {
                        data.GetBytes(v++).CopyTo(slots.AsSpan(r * size, size));
                    }
                }

                return new SlotColumn(data.Column.PhysicalType, nulls, slots, [], size);
            }

            int[] offsets = new int[rows + 1];
            long total = 0;
            int value = 0;
            for (int r = 0; r < rows; r++)
            {
                if (!nulls[r])
                {
                    total += data.GetBytes(value++).Length;
                }
            }

            byte[] bytes = new byte[checked((int)total)];
            value = 0;
            int position = 0;
            for (int r = 0; r < rows; r++)
            {
                if (!nulls[r])
                {
                    ReadOnlySpan<byte> item = data.GetBytes(value++);
                    item.CopyTo(bytes.AsSpan(position));
                    position += item.Length;
                }

                offsets[r + 1] = position;
            }

            return new SlotColumn(data.Column.PhysicalType, nulls, bytes, offsets, 0);
        }

        public void Write(ParquetFileWriter writer, int start, int count)
        {
            ReadOnlySpan<bool> nulls = _nulls.AsSpan(start, count);
            ReadOnlySpan<byte> values = _size > 0 ? _fixed.AsSpan(start * _size, count * _size) : default;
            switch (_type)
            {
                case PhysicalType.Boolean:
                    writer.WriteBoolean(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, bool>(values), nulls);
                    break;
                case PhysicalType.Int32:
                    writer.WriteInt32(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(values), nulls);
                    break;
                case PhysicalType.Int64:
                    writer.WriteInt64(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(values), nulls);
                    break;
                case PhysicalType.Float:
                    writer.WriteFloat(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(values), nulls);
                    break;
                case PhysicalType.Double:
                    writer.WriteDouble(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(values), nulls);
                    break;
                default:
                    writer.WriteByteArrays(_fixed, _offsets.AsSpan(start, count + 1), nulls);
                    break;
            }
        }
    }

    /// <summary>Wraps the output so a write failure is reported as <see cref="OutputWriteException"/>, not blamed on the input.</summary>
    private sealed class BlamingStream(FileStream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override void Flush() => Guard(() => inner.Flush());

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            try
            {
                inner.Write(buffer);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new OutputWriteException($"cannot write the output: {ex.Message}", ex);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Guard(inner.Dispose);
            }

            base.Dispose(disposing);
        }

        private static void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new OutputWriteException($"cannot write the output: {ex.Message}", ex);
            }
        }
    }
}
