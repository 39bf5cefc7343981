using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Thrift;

namespace AdintAudit.Parquet.Writing;

/// <summary>
/// Writes a flat Parquet file row group by row group: <see cref="BeginRowGroup"/>, one <c>Write…</c> call per column
/// in schema order, <see cref="EndRowGroup"/>; then <see cref="Complete"/> writes the footer.
/// </summary>
/// <remarks>
/// <para>
/// Values are passed one slot per row, Arrow style: for an OPTIONAL column, <c>nulls[r] == true</c> marks row
/// <c>r</c> as null and its slot is ignored; an empty <c>nulls</c> span means no nulls. Each column chunk is
/// encoded and written as soon as it is given, so the writer holds at most one page plus (for strings) the chunk's
/// dictionary; the caller's buffers bound memory to one row group and can be reused for the next.
/// </para>
/// <para>
/// Output: data pages v1 (RLE definition levels), PLAIN numbers and booleans, strings dictionary-encoded
/// (PLAIN dictionary page + RLE_DICTIONARY pages) with PLAIN fallback past
/// <see cref="ParquetWriterOptions.DictionaryPageSizeLimitBytes"/>, chunk statistics (min_value, max_value,
/// null_count), column orders, key-value metadata. Not thread-safe.
/// </para>
/// </remarks>
public sealed class ParquetFileWriter : IDisposable
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly OutputSink _sink;
    private readonly ColumnChunkWriter _chunks;
    private readonly List<RowGroup> _rowGroups = [];
    private readonly List<ColumnChunk> _currentChunks = [];
    private State _state;
    private int _groupRows;
    private long _groupStart;

    /// <summary>Starts a Parquet file on <paramref name="stream"/> (writes the leading magic).</summary>
    /// <param name="stream">A writable stream; need not be seekable. Written from its current position.</param>
    /// <param name="schema">The columns.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open after <see cref="Dispose"/>.</param>
    /// <exception cref="ArgumentException">The stream is not writable or an option is invalid.</exception>
    public ParquetFileWriter(Stream stream, WriterSchema schema, ParquetWriterOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(schema);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("stream is not writable", nameof(stream));
        }

        options ??= new ParquetWriterOptions();
        options.Validate();
        _stream = stream;
        _leaveOpen = leaveOpen;
        Schema = schema;
        Options = options;
        _sink = new OutputSink(stream);
        _chunks = new ColumnChunkWriter(options, _sink);
        _sink.Write(Magic);
    }

    private enum State
    {
        Ready,
        InRowGroup,
        Completed,
        Failed,
    }

    /// <summary>The columns being written.</summary>
    public WriterSchema Schema { get; }

    /// <summary>The settings in use.</summary>
    public ParquetWriterOptions Options { get; }

    /// <summary>Rows written in completed row groups.</summary>
    public long RowCount { get; private set; }

    /// <summary>Row groups completed so far.</summary>
    public int RowGroupCount => _rowGroups.Count;

    /// <summary>Bytes written to the stream so far.</summary>
    public long BytesWritten => _sink.Position;

    /// <summary>Creates (or replaces) the file at <paramref name="path"/> and starts writing it.</summary>
    /// <param name="path">Output path.</param>
    /// <param name="schema">The columns.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="IOException">The file cannot be created.</exception>
    public static ParquetFileWriter Create(string path, WriterSchema schema, ParquetWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        try
        {
            return new ParquetFileWriter(stream, schema, options);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Starts a row group of <paramref name="rowCount"/> rows; then write every column in schema order.</summary>
    /// <param name="rowCount">Rows in the group, 0 to <see cref="ParquetWriterOptions.RowGroupSize"/>. A group of 0 rows is not recorded.</param>
    /// <exception cref="InvalidOperationException">A row group is already open, or the file is complete.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative or above the row group size.</exception>
    public void BeginRowGroup(int rowCount)
    {
        ExpectState(State.Ready);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowCount, Options.RowGroupSize);
        _groupRows = rowCount;
        _groupStart = _sink.Position;
        _currentChunks.Clear();
        _state = State.InRowGroup;
    }

    /// <summary>Writes the next column, which must be INT32 (plain, DATE, TIME(MILLIS), INTEGER, DECIMAL).</summary>
    /// <param name="values">One slot per row.</param>
    /// <param name="nulls">Empty, or one flag per row (true = null); must be empty or all false for a REQUIRED column.</param>
    /// <exception cref="ArgumentException">Wrong column type, lengths, or a null in a REQUIRED column.</exception>
    /// <exception cref="InvalidOperationException">No row group is open, or every column was written.</exception>
    public void WriteInt32(ReadOnlySpan<int> values, ReadOnlySpan<bool> nulls = default) =>
        WriteFixed(PhysicalType.Int32, values, nulls);

    /// <summary>Writes the next column, which must be INT64 (plain, TIMESTAMP in its unit, TIME, INTEGER, DECIMAL).</summary>
    /// <param name="values">One slot per row (for timestamps: counts of the column's unit since the Unix epoch).</param>
    /// <param name="nulls">Empty, or one flag per row (true = null).</param>
    /// <exception cref="ArgumentException">Wrong column type, lengths, or a null in a REQUIRED column.</exception>
    /// <exception cref="InvalidOperationException">No row group is open, or every column was written.</exception>
    public void WriteInt64(ReadOnlySpan<long> values, ReadOnlySpan<bool> nulls = default) =>
        WriteFixed(PhysicalType.Int64, values, nulls);

    /// <summary>Writes the next column, which must be FLOAT.</summary>
    /// <param name="values">One slot per row.</param>
    /// <param name="nulls">Empty, or one flag per row (true = null).</param>
    /// <exception cref="ArgumentException">Wrong column type, lengths, or a null in a REQUIRED column.</exception>
    /// <exception cref="InvalidOperationException">No row group is open, or every column was written.</exception>
    public void WriteFloat(ReadOnlySpan<float> values, ReadOnlySpan<bool> nulls = default) =>
        WriteFixed(PhysicalType.Float, values, nulls);

    /// <summary>Writes the next column, which must be DOUBLE.</summary>
    /// <param name="values">One slot per row.</param>
    /// <param name="nulls">Empty, or one flag per row (true = null).</param>
    /// <exception cref="ArgumentException">Wrong column type, lengths, or a null in a REQUIRED column.</exception>
    /// <exception cref="InvalidOperationException">No row group is open, or every column was written.</exception>
    public void WriteDouble(ReadOnlySpan<double> values, ReadOnlySpan<bool> nulls = default) =>
        WriteFixed(PhysicalType.Double, values, nulls);

    /// <summary>Writes the next column, which must be BOOLEAN.</summary>
    /// <param name="values">One slot per row.</param>
    /// <param name="nulls">Empty, or one flag per row (true = null).</param>
    /// <exception cref="ArgumentException">Wrong column type, lengths, or a null in a REQUIRED column.</exception>
    /// <exception cref="InvalidOperationException">No row group is open, or every column was written.</exception>
    public void WriteBoolean(ReadOnlySpan<bool> values, ReadOnlySpan<bool> nulls = default)
    {
        WriterColumn column = NextColumn(PhysicalType.Boolean, values.Length, nulls);
        if (StartChunk())
        {
            FinishChunk(_chunks.WriteBoolean(column, values, nulls));
        }
    }

    /// <summary>Writes the next column, which must be BYTE_ARRAY (STRING, JSON, ENUM or raw bytes).</summary>
    /// <param name="data">The concatenated bytes of all values (UTF-8 for text).</param>
    /// <param name="offsets">Row count + 1 ascending offsets into <paramref name="data"/>: row <c>r</c> is <c>data[offsets[r]..offsets[r + 1]]</c>.</param>
    /// <param name="nulls">Empty, or one flag per row (true = null; the row's range is ignored and may be empty).</param>
    /// <exception cref="ArgumentException">Wrong column type, lengths, offsets out of range, or a null in a REQUIRED column.</exception>
    /// <exception cref="InvalidOperationException">No row group is open, or every column was written.</exception>
    public void WriteByteArrays(ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets, ReadOnlySpan<bool> nulls = default)
    {
        WriterColumn column = NextColumn(PhysicalType.ByteArray, offsets.Length - 1, nulls);
        int previous = 0;
        foreach (int offset in offsets)
        {
            if (offset < previous || offset > data.Length)
            {
                throw new ArgumentException("offsets must be ascending, start at 0 or more, and stay within data", nameof(offsets));
            }

            previous = offset;
        }

        if (StartChunk())
        {
            FinishChunk(_chunks.WriteByteArrays(column, data, offsets, nulls));
        }
    }

    /// <summary>Writes the next column, which must be BYTE_ARRAY, from .NET strings (encoded as UTF-8; null = null).</summary>
    /// <param name="values">One string per row; null marks a null row.</param>
    /// <remarks>Convenience for small tables and tests; the span overload avoids the per-row strings.</remarks>
    /// <exception cref="ArgumentException">Wrong column type, row count, or a null in a REQUIRED column.</exception>
    /// <exception cref="InvalidOperationException">No row group is open, or every column was written.</exception>
    public void WriteStrings(ReadOnlySpan<string?> values)
    {
        int bytes = 0;
        bool anyNull = false;
        foreach (string? value in values)
        {
            bytes = checked(bytes + (value is null ? 0 : Encoding.UTF8.GetByteCount(value)));
            anyNull |= value is null;
        }

        byte[] data = ArrayPool<byte>.Shared.Rent(bytes);
        int[] offsets = ArrayPool<int>.Shared.Rent(values.Length + 1);
        bool[] nulls = anyNull ? ArrayPool<bool>.Shared.Rent(values.Length) : [];
        try
        {
            int position = 0;
            offsets[0] = 0;
            for (int r = 0; r < values.Length; r++)
            {
                string? value = values[r];
                if (anyNull)
                {
                    nulls[r] = value is null;
                }

                if (value is not null)
                {
                    position += Encoding.UTF8.GetBytes(value, data.AsSpan(position));
                }

                offsets[r + 1] = position;
            }

            WriteByteArrays(data.AsSpan(0, position), offsets.AsSpan(0, values.Length + 1), anyNull ? nulls.AsSpan(0, values.Length) : default);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(data);
            ArrayPool<int>.Shared.Return(offsets);
            if (anyNull)
            {
                ArrayPool<bool>.Shared.Return(nulls);
            }
        }
    }

    /// <summary>Finishes the open row group after all its columns were written.</summary>
    /// <exception cref="InvalidOperationException">No row group is open, or some columns were not written.</exception>
    public void EndRowGroup()
    {
        ExpectState(State.InRowGroup);
        if (_currentChunks.Count != Schema.Columns.Count && _groupRows > 0)
        {
            throw new InvalidOperationException(
                $"row group has {_currentChunks.Count} of {Schema.Columns.Count} columns; write every column before ending it");
        }

        if (_groupRows > 0)
        {
            long uncompressed = 0;
            long compressed = 0;
            foreach (ColumnChunk chunk in _currentChunks)
            {
                uncompressed += chunk.MetaData!.TotalUncompressedSize; // the chunk writer always sets MetaData
                compressed += chunk.MetaData.TotalCompressedSize;
            }

            _rowGroups.Add(new RowGroup
            {
                Columns = [.. _currentChunks],
                NumRows = _groupRows,
                TotalByteSize = uncompressed,
                TotalCompressedSize = compressed,
                FileOffset = _groupStart,
                Ordinal = _rowGroups.Count <= short.MaxValue ? (short)_rowGroups.Count : null,
            });
            RowCount += _groupRows;
        }

        _currentChunks.Clear();
        _state = State.Ready;
    }

    /// <summary>Writes the footer and flushes the stream. Called by <see cref="Dispose"/> when not called before.</summary>
    /// <exception cref="InvalidOperationException">A row group is still open, or an earlier write failed.</exception>
    public void Complete()
    {
        if (_state == State.Completed)
        {
            return;
        }

        ExpectState(State.Ready);
        var metadata = new FileMetaData
        {
            Version = 2,
            NumRows = RowCount,
            RowGroups = _rowGroups,
            KeyValueMetadata = [.. Options.KeyValueMetadata],
            CreatedBy = Options.CreatedBy,
        };
        metadata.Schema.Add(new SchemaElement { Name = "schema", NumChildren = Schema.Columns.Count });
        foreach (WriterColumn column in Schema.Columns)
        {
            metadata.Schema.Add(column.ToSchemaElement());
        }

        var footer = new ByteBuffer(4096);
        MetadataEncoder.WriteFileMetaData(footer, metadata, writeColumnOrders: true);
        _state = State.Failed;
        _sink.Write(footer.Written);
        Span<byte> tail = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tail, footer.Length);
        Magic.CopyTo(tail[4..]);
        _sink.Write(tail);
        _stream.Flush();
        _state = State.Completed;
    }

    /// <summary>
    /// Completes the file if it is in a consistent state (no row group open, no failed write), then closes the stream
    /// unless it was left open. A file abandoned mid row group gets no footer, so it cannot be mistaken for a whole one.
    /// </summary>
    public void Dispose()
    {
        try
        {
            if (_state == State.Ready)
            {
                Complete();
            }
        }
        finally
        {
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }

            _state = State.Completed;
        }
    }

    private void WriteFixed<T>(PhysicalType type, ReadOnlySpan<T> values, ReadOnlySpan<bool> nulls)
        where T : unmanaged
    {
        WriterColumn column = NextColumn(type, values.Length, nulls);
        if (StartChunk())
        {
            FinishChunk(_chunks.WriteFixed(column, values, nulls));
        }
    }

    /// <summary>Returns false (recording a placeholder) for an empty row group; otherwise marks the file failed until the chunk is done.</summary>
    private bool StartChunk()
    {
        if (_groupRows == 0)
        {
            _currentChunks.Add(new ColumnChunk());
            return false;
        }

        _state = State.Failed;
        return true;
    }

    private void FinishChunk(ColumnChunk chunk)
    {
        _currentChunks.Add(chunk);
        _state = State.InRowGroup;
    }

    private WriterColumn NextColumn(PhysicalType type, int rows, ReadOnlySpan<bool> nulls)
    {
        ExpectState(State.InRowGroup);
        if (_currentChunks.Count >= Schema.Columns.Count)
        {
            throw new InvalidOperationException("every column of this row group was written; call EndRowGroup");
        }

        WriterColumn column = Schema.Columns[_currentChunks.Count];
        if (column.PhysicalType != type)
        {
            throw new ArgumentException(
                $"column '{column.Name}' is {ParquetNames.Of(column.PhysicalType)}, but {ParquetNames.Of(type)} values were given");
        }

        if (rows != _groupRows)
        {
            throw new ArgumentException($"column '{column.Name}' got {rows} rows, but the row group has {_groupRows}");
        }

        if (!nulls.IsEmpty)
        {
            if (nulls.Length != rows)
            {
                throw new ArgumentException($"column '{column.Name}' null mask has {nulls.Length} entries for {rows} rows", nameof(nulls));
            }

            if (column.IsRequired && nulls.Contains(true))
            {
                throw new ArgumentException($"column '{column.Name}' is REQUIRED but has nulls", nameof(nulls));
            }
        }

        return column;
    }

    private void ExpectState(State expected)
    {
        if (_state == expected)
        {
            return;
        }

        throw _state switch
        {
            State.Completed => new InvalidOperationException("the file is complete"),
            State.Failed => new InvalidOperationException("an earlier write failed; the file cannot be completed"),
            State.InRowGroup => new InvalidOperationException("a row group is open; write its columns and call EndRowGroup"),
            _ => new InvalidOperationException("no row group is open; call BeginRowGroup"),
        };
    }
}
