using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AdintAudit.Parquet.Compression;
using AdintAudit.Parquet.Encodings;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Thrift;

namespace AdintAudit.Parquet.Writing;

/// <summary>
/// Encodes one column chunk at a time into data pages v1 and writes them to the output: RLE definition levels,
/// PLAIN numbers and booleans, dictionary-encoded byte arrays with PLAIN fallback, chunk statistics.
/// </summary>
/// <remarks>
/// Values come one slot per row (a null row's slot is ignored) with an optional null mask. Pages are written as soon
/// as they are encoded, so the extra memory is one page plus, for byte arrays, the dictionary and one index per value.
/// </remarks>
internal sealed class ColumnChunkWriter
{
    /// <summary>Statistics bounds longer than this are left out (as parquet-mr truncates them) to keep footers small.</summary>
    private const int MaxStatisticsValueBytes = 4096;

    private readonly ParquetWriterOptions _options;
    private readonly OutputSink _sink;
    private readonly PageCompressor _compressor;
    private readonly ByteBuffer _page = new(1 << 16);
    private readonly ByteBuffer _compressed = new(1 << 16);
    private readonly ByteBuffer _header = new(256);
    private readonly DictionaryBuilder _dictionary = new();
    private readonly List<ParquetEncoding> _encodings = [];
    private int[] _levelScratch = [];

    private long _dataPageOffset;
    private long _dictionaryPageOffset;
    private long _uncompressedTotal;
    private long _compressedTotal;

    public ColumnChunkWriter(ParquetWriterOptions options, OutputSink sink)
    {
        _options = options;
        _sink = sink;
        _compressor = new PageCompressor(options.Codec);
    }

    /// <summary>Writes an INT32, INT64, FLOAT or DOUBLE chunk (PLAIN).</summary>
    public ColumnChunk WriteFixed<T>(WriterColumn column, ReadOnlySpan<T> values, ReadOnlySpan<bool> nulls)
        where T : unmanaged
    {
        BeginChunk();
        int rows = values.Length;
        int nullCount = nulls.IsEmpty ? 0 : nulls.Count(true);
        T[]? rented = null;
        try
        {
            ReadOnlySpan<T> dense = values;
            if (nullCount > 0)
            {
                rented = ArrayPool<T>.Shared.Rent(rows - nullCount);
                int d = 0;
                for (int r = 0; r < rows; r++)
                {
                    if (!nulls[r])
                    {
                        rented[d++] = values[r];
                    }
                }

                dense = rented.AsSpan(0, d);
            }

            int size = Unsafe.SizeOf<T>();
            int rowsPerPage = Math.Max(1, _options.DataPageSizeBytes / size);
            int denseStart = 0;
            for (int start = 0; start < rows || start == 0; start += rowsPerPage)
            {
                int count = Math.Min(rowsPerPage, rows - start);
                ReadOnlySpan<bool> pageNulls = nulls.IsEmpty ? default : nulls.Slice(start, count);
                int pageValues = BeginDataPage(column, pageNulls, count);
                _page.Write(MemoryMarshal.AsBytes(dense.Slice(denseStart, pageValues)));
                denseStart += pageValues;
                FinishDataPage(count, ParquetEncoding.Plain);
                if (rows == 0)
                {
                    break;
                }
            }

            _encodings.Add(ParquetEncoding.Plain);
            Statistics statistics = FixedStatistics(dense, nullCount);
            return EndChunk(column, rows, statistics);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<T>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes a BOOLEAN chunk (PLAIN: one bit per value, LSB first).</summary>
    public ColumnChunk WriteBoolean(WriterColumn column, ReadOnlySpan<bool> values, ReadOnlySpan<bool> nulls)
    {
        BeginChunk();
        int rows = values.Length;
        int nullCount = 0;
        bool anyFalse = false;
        bool anyTrue = false;
        int rowsPerPage = (int)Math.Min(int.MaxValue, Math.Max(8L, (long)_options.DataPageSizeBytes * 8));
        for (int start = 0; start < rows || start == 0; start += rowsPerPage)
        {
            int count = Math.Min(rowsPerPage, rows - start);
            ReadOnlySpan<bool> pageNulls = nulls.IsEmpty ? default : nulls.Slice(start, count);
            int pageValues = BeginDataPage(column, pageNulls, count);
            nullCount += count - pageValues;
            Span<byte> bits = _page.GetSpan((pageValues + 7) / 8);
            bits[..((pageValues + 7) / 8)].Clear();
            int v = 0;
            for (int r = start; r < start + count; r++)
            {
                if (!nulls.IsEmpty && nulls[r])
                {
                    continue;
                }

                if (values[r])
                {
                    bits[v >> 3] |= (byte)(1 << (v & 7));
                    anyTrue = true;
                }
                else
                {
                    anyFalse = true;
                }

                v++;
            }

            _page.Advance((pageValues + 7) / 8);
            FinishDataPage(count, ParquetEncoding.Plain);
            if (rows == 0)
            {
                break;
            }
        }

        _encodings.Add(ParquetEncoding.Plain);
        var statistics = new Statistics { NullCount = nullCount };
        if (anyFalse || anyTrue)
        {
            statistics.MinValue = [anyFalse ? (byte)0 : (byte)1];
            statistics.MaxValue = [anyTrue ? (byte)1 : (byte)0];
        }

        return EndChunk(column, rows, statistics);
    }

    /// <summary>
    /// Writes a BYTE_ARRAY chunk: value <c>r</c> is <c>data[offsets[r]..offsets[r + 1]]</c>. Dictionary-encoded
    /// (PLAIN dictionary page + RLE_DICTIONARY data pages) until the dictionary would pass its size limit; the rows from
    /// there on are written as PLAIN pages in the same chunk.
    /// </summary>
    public ColumnChunk WriteByteArrays(WriterColumn column, ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets, ReadOnlySpan<bool> nulls)
    {
        BeginChunk();
        int rows = offsets.Length - 1;
        int nullCount = nulls.IsEmpty ? 0 : nulls.Count(true);
        byte[]? min = null;
        byte[]? max = null;
        int dictionaryRows = 0;
        int[]? indices = null;
        try
        {
            if (_options.UseDictionary && rows > nullCount)
            {
                _dictionary.Reset();
                indices = ArrayPool<int>.Shared.Rent(rows - nullCount);
                int d = 0;
                int fallbackRow = rows;
                long limit = _options.DictionaryPageSizeLimitBytes;
                for (int r = 0; r < rows; r++)
                {
                    if (!nulls.IsEmpty && nulls[r])
                    {
                        continue;
                    }

                    int index = _dictionary.Add(data[offsets[r]..offsets[r + 1]], limit);
                    if (index < 0)
                    {
                        fallbackRow = r;
                        break;
                    }

                    indices[d++] = index;
                }

                if (_dictionary.Count > 0)
                {
                    dictionaryRows = fallbackRow;
                    WriteDictionaryPage();
                    WriteDictionaryDataPages(column, indices.AsSpan(0, d), nulls, dictionaryRows);
                    for (int i = 0; i < _dictionary.Count; i++)
                    {
                        UpdateBounds(_dictionary[i], ref min, ref max);
                    }
                }
            }

            if (dictionaryRows < rows || rows == 0)
            {
                WritePlainByteArrayPages(column, data, offsets, nulls, dictionaryRows, ref min, ref max);
            }

            var statistics = new Statistics { NullCount = nullCount };
            if (min is not null && max is not null && min.Length <= MaxStatisticsValueBytes && max.Length <= MaxStatisticsValueBytes)
            {
                statistics.MinValue = min;
                statistics.MaxValue = max;
            }

            return EndChunk(column, rows, statistics);
        }
        finally
        {
            if (indices is not null)
            {
                ArrayPool<int>.Shared.Return(indices);
            }
        }
    }

    private static void UpdateBounds(ReadOnlySpan<byte> value, ref byte[]? min, ref byte[]? max)
    {
        // Unsigned lexicographic order (SequenceCompareTo on bytes), as the spec requires for UTF-8 and binary.
        if (min is null || value.SequenceCompareTo(min) < 0)
        {
            min = value.ToArray();
        }

        if (max is null || value.SequenceCompareTo(max) > 0)
        {
            max = value.ToArray();
        }
    }

    private void WriteDictionaryPage()
    {
        _page.Clear();
        for (int i = 0; i < _dictionary.Count; i++)
        {
            ReadOnlySpan<byte> entry = _dictionary[i];
            _page.WriteInt32LittleEndian(entry.Length);
            _page.Write(entry);
        }

        _compressed.Clear();
        _compressor.Compress(_page.Written, _compressed);
        var header = new PageHeader
        {
            Type = PageType.DictionaryPage,
            UncompressedPageSize = _page.Length,
            CompressedPageSize = _compressed.Length,
            DictionaryPageHeader = new DictionaryPageHeader { NumValues = _dictionary.Count, Encoding = ParquetEncoding.Plain },
        };
        _dictionaryPageOffset = _sink.Position;
        WritePage(header);
        _encodings.Add(ParquetEncoding.Plain);
        _encodings.Add(ParquetEncoding.RleDictionary);
    }

    private void WriteDictionaryDataPages(WriterColumn column, ReadOnlySpan<int> indices, ReadOnlySpan<bool> nulls, int rows)
    {
        // Readers need a bit width of at least 1 in practice (width 0 trips some), so a one-entry dictionary uses 1.
        int bitWidth = Math.Max(1, RleBitPackedHybridEncoder.BitWidth(_dictionary.Count - 1));
        int rowsPerPage = (int)Math.Clamp((long)_options.DataPageSizeBytes * 8 / bitWidth, 1, int.MaxValue);
        int denseStart = 0;
        for (int start = 0; start < rows; start += rowsPerPage)
        {
            int count = Math.Min(rowsPerPage, rows - start);
            ReadOnlySpan<bool> pageNulls = nulls.IsEmpty ? default : nulls.Slice(start, count);
            int pageValues = BeginDataPage(column, pageNulls, count);
            _page.WriteByte((byte)bitWidth);
            RleBitPackedHybridEncoder.Encode(indices.Slice(denseStart, pageValues), bitWidth, _page);
            denseStart += pageValues;
            FinishDataPage(count, ParquetEncoding.RleDictionary);
        }
    }

    private void WritePlainByteArrayPages(WriterColumn column, ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets,
        ReadOnlySpan<bool> nulls, int firstRow, ref byte[]? min, ref byte[]? max)
    {
        int rows = offsets.Length - 1;
        long pageLimit = _options.DataPageSizeBytes;
        int start = firstRow;
        do
        {
            // Take rows until the page's PLAIN values reach the target size.
            long bytes = 0;
            int end = start;
            while (end < rows && (bytes < pageLimit || end == start))
            {
                if (nulls.IsEmpty || !nulls[end])
                {
                    bytes += 4 + offsets[end + 1] - offsets[end];
                }

                end++;
            }

            int count = end - start;
            BeginDataPage(column, nulls.IsEmpty ? default : nulls.Slice(start, count), count);
            for (int r = start; r < end; r++)
            {
                if (!nulls.IsEmpty && nulls[r])
                {
                    continue;
                }

                ReadOnlySpan<byte> value = data[offsets[r]..offsets[r + 1]];
                _page.WriteInt32LittleEndian(value.Length);
                _page.Write(value);
                UpdateBounds(value, ref min, ref max);
            }

            FinishDataPage(count, ParquetEncoding.Plain);
            start = end;
        }
        while (start < rows);

        if (!_encodings.Contains(ParquetEncoding.Plain))
        {
            _encodings.Add(ParquetEncoding.Plain);
        }
    }

    private void BeginChunk()
    {
        _encodings.Clear();
        _dataPageOffset = -1;
        _dictionaryPageOffset = -1;
        _uncompressedTotal = 0;
        _compressedTotal = 0;
    }

    /// <summary>Starts a data page: writes the definition levels of an OPTIONAL column; returns the non-null count.</summary>
    private int BeginDataPage(WriterColumn column, ReadOnlySpan<bool> nulls, int rows)
    {
        _page.Clear();
        if (column.IsRequired)
        {
            return rows;
        }

        int lengthAt = _page.Length;
        _page.WriteInt32LittleEndian(0);
        int levelsStart = _page.Length;
        int nullCount = nulls.IsEmpty ? 0 : nulls.Count(true);
        if (nullCount == 0)
        {
            RleBitPackedHybridEncoder.EncodeRepeated(1, rows, 1, _page);
        }
        else
        {
            if (_levelScratch.Length < rows)
            {
                _levelScratch = new int[Math.Max(rows, 1024)];
            }

            Span<int> levels = _levelScratch.AsSpan(0, rows);
            for (int i = 0; i < rows; i++)
            {
                levels[i] = nulls[i] ? 0 : 1;
            }

            RleBitPackedHybridEncoder.Encode(levels, 1, _page);
        }

        BinaryPrimitives.WriteInt32LittleEndian(_page.Written[lengthAt..], _page.Length - levelsStart);
        return rows - nullCount;
    }

    private void FinishDataPage(int rows, ParquetEncoding encoding)
    {
        _compressed.Clear();
        _compressor.Compress(_page.Written, _compressed);
        var header = new PageHeader
        {
            Type = PageType.DataPage,
            UncompressedPageSize = _page.Length,
            CompressedPageSize = _compressed.Length,
            DataPageHeader = new DataPageHeader
            {
                NumValues = rows,
                Encoding = encoding,
                DefinitionLevelEncoding = ParquetEncoding.Rle,
                RepetitionLevelEncoding = ParquetEncoding.Rle,
            },
        };
        if (_dataPageOffset < 0)
        {
            _dataPageOffset = _sink.Position;
        }

        WritePage(header);
    }

    private void WritePage(PageHeader header)
    {
        _header.Clear();
        MetadataEncoder.WritePageHeader(_header, header);
        _sink.Write(_header.Written);
        _sink.Write(_compressed.Written);
        _uncompressedTotal += _header.Length + header.UncompressedPageSize;
        _compressedTotal += _header.Length + header.CompressedPageSize;
    }

    private ColumnChunk EndChunk(WriterColumn column, int rows, Statistics statistics)
    {
        Debug.Assert(_dataPageOffset >= 0, "every chunk has at least one data page");
        if (!_encodings.Contains(ParquetEncoding.Rle))
        {
            _encodings.Add(ParquetEncoding.Rle);
        }

        var meta = new ColumnMetaData
        {
            Type = column.PhysicalType,
            Encodings = [.. _encodings],
            PathInSchema = [column.Name],
            Codec = _options.Codec,
            NumValues = rows,
            TotalUncompressedSize = _uncompressedTotal,
            TotalCompressedSize = _compressedTotal,
            DataPageOffset = _dataPageOffset,
            DictionaryPageOffset = _dictionaryPageOffset >= 0 ? _dictionaryPageOffset : null,
            Statistics = statistics,
        };
        return new ColumnChunk
        {
            // Deprecated field that Thrift still requires; parquet-mr writes the first data page's offset.
            FileOffset = _dataPageOffset,
            MetaData = meta,
        };
    }

    private static Statistics FixedStatistics<T>(ReadOnlySpan<T> dense, int nullCount)
        where T : unmanaged
    {
        var statistics = new Statistics { NullCount = nullCount };
        if (typeof(T) == typeof(int))
        {
            ReadOnlySpan<int> v = MemoryMarshal.Cast<T, int>(dense);
            if (!v.IsEmpty)
            {
                int min = v[0];
                int max = v[0];
                foreach (int x in v)
                {
                    min = Math.Min(min, x);
                    max = Math.Max(max, x);
                }

                statistics.MinValue = new byte[4];
                statistics.MaxValue = new byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(statistics.MinValue, min);
                BinaryPrimitives.WriteInt32LittleEndian(statistics.MaxValue, max);
            }
        }
        else if (typeof(T) == typeof(long))
        {
            ReadOnlySpan<long> v = MemoryMarshal.Cast<T, long>(dense);
            if (!v.IsEmpty)
            {
                long min = v[0];
                long max = v[0];
                foreach (long x in v)
                {
                    min = Math.Min(min, x);
                    max = Math.Max(max, x);
                }

                statistics.MinValue = new byte[8];
                statistics.MaxValue = new byte[8];
                BinaryPrimitives.WriteInt64LittleEndian(statistics.MinValue, min);
                BinaryPrimitives.WriteInt64LittleEndian(statistics.MaxValue, max);
            }
        }
        else if (typeof(T) == typeof(float))
        {
            SetFloatingBounds(MemoryMarshal.Cast<T, float>(dense), statistics);
        }
        else if (typeof(T) == typeof(double))
        {
            SetFloatingBounds(MemoryMarshal.Cast<T, double>(dense), statistics);
        }

        return statistics;
    }

    /// <summary>
    /// Min and max of FLOAT or DOUBLE values with NaN left out of the bounds; a zero bound is written as -0 (min) and
    /// +0 (max), as the specification asks. PLAIN is little-endian, like the machines this runs on.
    /// </summary>
    private static void SetFloatingBounds<TFloat>(ReadOnlySpan<TFloat> values, Statistics statistics)
        where TFloat : unmanaged, IFloatingPointIeee754<TFloat>
    {
        TFloat min = TFloat.PositiveInfinity;
        TFloat max = TFloat.NegativeInfinity;
        bool any = false;
        foreach (TFloat x in values)
        {
            if (!TFloat.IsNaN(x))
            {
                any = true;
                min = x < min ? x : min;
                max = x > max ? x : max;
            }
        }

        if (any)
        {
            min = TFloat.IsZero(min) ? TFloat.NegativeZero : min;
            max = TFloat.IsZero(max) ? TFloat.Zero : max;
            statistics.MinValue = MemoryMarshal.AsBytes(new ReadOnlySpan<TFloat>(in min)).ToArray();
            statistics.MaxValue = MemoryMarshal.AsBytes(new ReadOnlySpan<TFloat>(in max)).ToArray();
        }
    }
}

/// <summary>The output stream with the count of bytes written, which gives page and chunk offsets.</summary>
internal sealed class OutputSink(Stream stream)
{
    public long Position { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        Position += bytes.Length;
    }
}
