using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Compression;
using AdintAudit.Parquet.Encodings;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Schema;
using AdintAudit.Parquet.Thrift;

namespace AdintAudit.Parquet.Reading;

/// <summary>Walks the pages of one column chunk and decodes them into a <see cref="ColumnData"/>.</summary>
internal sealed class ColumnChunkReader
{
    /// <summary>
    /// Largest level count a page may declare beyond one per bit of its size: RLE makes all-null pages tiny, and
    /// writers cap pages at 20,000 (parquet-mr, arrow) to about 100,000 (DuckDB) rows.
    /// </summary>
    private const int MaxLevelsPerPageFloor = 1 << 20;

    /// <summary>Uncompressed page size accepted whatever the compression ratio.</summary>
    private const int MaxUncompressedPageFloor = 1 << 20;

    private readonly ColumnDescriptor _column;
    private readonly ColumnData _data;
    private readonly CompressionCodec _codec;
    private byte[]? _fixedDictionary;
    private int _dictionaryCount = -1;

    private ColumnChunkReader(ColumnDescriptor column, ColumnData data, CompressionCodec codec)
    {
        _column = column;
        _data = data;
        _codec = codec;
    }

    public static ColumnData Read(ParquetSource source, ColumnChunk chunk, ColumnDescriptor column, long rowGroupRows)
    {
        string name = column.DottedPath;
        if (chunk.IsEncrypted)
        {
            throw new ParquetFormatException($"column '{name}' is encrypted (Parquet Modular Encryption is not supported)");
        }

        if (chunk.FilePath is not null)
        {
            throw new ParquetFormatException($"column '{name}' is stored in another file ('{chunk.FilePath}'), which is not supported");
        }

        ColumnMetaData meta = chunk.MetaData ?? throw new ParquetFormatException($"column '{name}' has no column metadata");
        if (meta.Type != column.PhysicalType)
        {
            throw new ParquetFormatException($"column '{name}' is {meta.Type} in its chunk but {column.PhysicalType} in the schema");
        }

        long start = meta.DataPageOffset;
        if (meta.DictionaryPageOffset is long dictionaryOffset && dictionaryOffset > 0 && dictionaryOffset < start)
        {
            start = dictionaryOffset;
        }

        long length = meta.TotalCompressedSize;
        if (start < 4 || length > source.Length - start)
        {
            throw new ParquetFormatException(
                $"column '{name}' chunk ({length} bytes at offset {start}) lies past the end of the file ({source.Length} bytes)");
        }

        if (length > Array.MaxLength)
        {
            throw new ParquetFormatException($"column '{name}' chunk of {length} bytes is larger than 2 GB");
        }

        long capacityBound = (length * 8) + 4096;
        int capacity = (int)Math.Clamp(Math.Min(meta.NumValues, capacityBound), 0, MaxLevelsPerPageFloor);
        var data = new ColumnData(column, capacity);
        var reader = new ColumnChunkReader(column, data, meta.Codec);
        byte[] chunkBytes = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            Span<byte> bytes = chunkBytes.AsSpan(0, (int)length);
            source.Read(bytes, start);
            reader.ReadPages(bytes, meta.NumValues);
        }
        catch (ParquetFormatException ex) when (!ex.Message.StartsWith("column '", StringComparison.Ordinal))
        {
            throw new ParquetFormatException($"column '{name}': {ex.Message}", ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunkBytes);
        }

        reader.CheckRowCount(rowGroupRows);
        return data;
    }

    private void ReadPages(ReadOnlySpan<byte> chunk, long expectedLevels)
    {
        int position = 0;
        while (position < chunk.Length && _data.LevelCount < expectedLevels)
        {
            PageHeader header = MetadataDecoder.ReadPageHeader(chunk[position..], out int headerLength);
            position += headerLength;
            if (header.CompressedPageSize > chunk.Length - position)
            {
                throw new ParquetFormatException(
                    $"page of {header.CompressedPageSize} bytes at chunk offset {position} runs past the end of its column chunk");
            }

            ReadOnlySpan<byte> page = chunk.Slice(position, header.CompressedPageSize);
            position += header.CompressedPageSize;
            switch (header.Type)
            {
                case PageType.DictionaryPage:
                    ReadDictionaryPage(header, page);
                    break;
                case PageType.DataPage:
                    ReadDataPageV1(header, page);
                    break;
                case PageType.DataPageV2:
                    ReadDataPageV2(header, page);
                    break;
                case PageType.IndexPage:
                    break;
                default:
                    throw new ParquetFormatException($"unknown page type {(int)header.Type}");
            }
        }
    }

    private void CheckRowCount(long rowGroupRows)
    {
        long rows = _data.LevelCount;
        if (_column.MaxRepetitionLevel > 0)
        {
            rows = _data.RepetitionLevels.Count((byte)0);
        }

        if (rows != rowGroupRows)
        {
            throw new ParquetFormatException(
                $"column '{_column.DottedPath}' holds {rows} rows, but its row group has {rowGroupRows}");
        }
    }

    private void ReadDictionaryPage(PageHeader header, ReadOnlySpan<byte> page)
    {
        DictionaryPageHeader dictionary = header.DictionaryPageHeader
            ?? throw new ParquetFormatException("dictionary page without a dictionary page header");
        if (_dictionaryCount >= 0)
        {
            throw new ParquetFormatException("column chunk has a second dictionary page");
        }

        if (_data.ValueCount > 0)
        {
            throw new ParquetFormatException("dictionary page follows data pages");
        }

        if (dictionary.Encoding is not (ParquetEncoding.Plain or ParquetEncoding.PlainDictionary))
        {
            throw new ParquetFormatException($"dictionary page encoding {ParquetNames.Of(dictionary.Encoding)} is not supported");
        }

        int count = dictionary.NumValues;
        byte[] buffer = Decompress(header, page, out ReadOnlySpan<byte> bytes);
        try
        {
            if (_column.PhysicalType == PhysicalType.ByteArray)
            {
                if (count > bytes.Length / 4)
                {
                    throw new ParquetFormatException($"dictionary page declares {count} values but holds {bytes.Length} bytes");
                }

                var values = new ByteArrayValues(count, bytes.Length);
                DecodePlainByteArrays(bytes, count, values);
                _data.SetDictionary(values);
            }
            else if (_column.PhysicalType == PhysicalType.Boolean)
            {
                throw new ParquetFormatException("BOOLEAN columns cannot be dictionary-encoded");
            }
            else
            {
                int size = _data.FixedValueSize;
                if ((long)count * size > bytes.Length)
                {
                    throw new ParquetFormatException($"dictionary page declares {count} values but holds {bytes.Length} bytes");
                }

                _fixedDictionary = bytes[..(count * size)].ToArray();
            }

            _dictionaryCount = count;
        }
        finally
        {
            Return(buffer);
        }
    }

    private void ReadDataPageV1(PageHeader header, ReadOnlySpan<byte> page)
    {
        DataPageHeader dataHeader = header.DataPageHeader ?? throw new ParquetFormatException("data page without a data page header");
        int levels = CheckLevelCount(dataHeader.NumValues, header.UncompressedPageSize);
        byte[] buffer = Decompress(header, page, out ReadOnlySpan<byte> bytes);
        try
        {
            Span<byte> definition = _data.AppendLevels(levels, out Span<byte> repetition);
            int position = 0;
            if (_column.MaxRepetitionLevel > 0)
            {
                position += ReadLevelsV1(bytes, dataHeader.RepetitionLevelEncoding, _column.MaxRepetitionLevel, repetition, "repetition");
            }

            if (_column.MaxDefinitionLevel > 0)
            {
                position += ReadLevelsV1(bytes[position..], dataHeader.DefinitionLevelEncoding, _column.MaxDefinitionLevel, definition, "definition");
            }

            int valueCount = CountValues(definition, levels);
            DecodeValues(dataHeader.Encoding, bytes[position..], valueCount);
        }
        finally
        {
            Return(buffer);
        }
    }

    private void ReadDataPageV2(PageHeader header, ReadOnlySpan<byte> page)
    {
        DataPageHeaderV2 dataHeader = header.DataPageHeaderV2 ?? throw new ParquetFormatException("v2 data page without its header");
        int levels = CheckLevelCount(dataHeader.NumValues, header.UncompressedPageSize);
        int repetitionLength = dataHeader.RepetitionLevelsByteLength;
        int definitionLength = dataHeader.DefinitionLevelsByteLength;
        if ((long)repetitionLength + definitionLength > page.Length)
        {
            throw new ParquetFormatException("v2 page levels are longer than the page");
        }

        ReadOnlySpan<byte> repetitionBytes = page[..repetitionLength];
        ReadOnlySpan<byte> definitionBytes = page.Slice(repetitionLength, definitionLength);
        ReadOnlySpan<byte> compressedValues = page[(repetitionLength + definitionLength)..];
        int valuesSize = header.UncompressedPageSize - repetitionLength - definitionLength;
        if (valuesSize < 0)
        {
            throw new ParquetFormatException("v2 page levels are longer than the page's uncompressed size");
        }

        Span<byte> definition = _data.AppendLevels(levels, out Span<byte> repetition);
        if (_column.MaxRepetitionLevel > 0)
        {
            RleBitPackedHybridDecoder.DecodeLevels(repetitionBytes, BitPacking.BitWidthOf(_column.MaxRepetitionLevel), repetition);
            CheckLevels(repetition, _column.MaxRepetitionLevel, "repetition");
        }

        if (_column.MaxDefinitionLevel > 0)
        {
            RleBitPackedHybridDecoder.DecodeLevels(definitionBytes, BitPacking.BitWidthOf(_column.MaxDefinitionLevel), definition);
            CheckLevels(definition, _column.MaxDefinitionLevel, "definition");
        }

        int valueCount = CountValues(definition, levels);
        bool compressed = dataHeader.IsCompressed && _codec != CompressionCodec.Uncompressed;
        if (!compressed || compressedValues.IsEmpty)
        {
            // An empty section is never fed to a codec: some writers store zero bytes for an all-null page.
            DecodeValues(dataHeader.Encoding, compressedValues, valueCount);
            return;
        }

        CheckUncompressedSize(_codec, valuesSize, compressedValues.Length);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(valuesSize);
        try
        {
            PageDecompressor.Decompress(_codec, compressedValues, buffer.AsSpan(0, valuesSize));
            DecodeValues(dataHeader.Encoding, buffer.AsSpan(0, valuesSize), valueCount);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int CheckLevelCount(int declared, int uncompressedSize)
    {
        long bound = Math.Max((long)uncompressedSize * 8, MaxLevelsPerPageFloor);
        if (declared < 0 || declared > bound)
        {
            throw new ParquetFormatException($"page declares {declared} values in {uncompressedSize} bytes");
        }

        return declared;
    }

    private int CountValues(ReadOnlySpan<byte> definition, int levels)
    {
        if (_column.MaxDefinitionLevel == 0)
        {
            return levels;
        }

        return definition.Count((byte)_column.MaxDefinitionLevel);
    }

    private static int ReadLevelsV1(ReadOnlySpan<byte> bytes, ParquetEncoding encoding, int maxLevel, Span<byte> destination, string kind)
    {
        int bitWidth = BitPacking.BitWidthOf(maxLevel);
        int consumed;
        if (encoding == ParquetEncoding.Rle)
        {
            if (bytes.Length < 4)
            {
                throw new ParquetFormatException($"{kind} levels past the end of the page");
            }

            int length = BinaryPrimitives.ReadInt32LittleEndian(bytes);
            if (length < 0 || length > bytes.Length - 4)
            {
                throw new ParquetFormatException($"{kind} levels of {length} bytes run past the end of the page");
            }

            RleBitPackedHybridDecoder.DecodeLevels(bytes.Slice(4, length), bitWidth, destination);
            consumed = 4 + length;
        }
        else if (encoding == ParquetEncoding.BitPacked)
        {
            // Deprecated BIT_PACKED levels: no length prefix, most significant bit first.
            long bits = (long)destination.Length * bitWidth;
            int length = (int)((bits + 7) / 8);
            if (length > bytes.Length)
            {
                throw new ParquetFormatException($"{kind} levels run past the end of the page");
            }

            for (int i = 0; i < destination.Length; i++)
            {
                int value = 0;
                for (int b = 0; b < bitWidth; b++)
                {
                    long bit = ((long)i * bitWidth) + b;
                    value = (value << 1) | ((bytes[(int)(bit >> 3)] >> (7 - (int)(bit & 7))) & 1);
                }

                destination[i] = (byte)value;
            }

            consumed = length;
        }
        else
        {
            throw new ParquetFormatException($"{kind} level encoding {ParquetNames.Of(encoding)} is not supported");
        }

        CheckLevels(destination, maxLevel, kind);
        return consumed;
    }

    private static void CheckLevels(ReadOnlySpan<byte> levels, int maxLevel, string kind)
    {
        // Any byte above the maximum makes the span's maximum exceed it; one vectorised pass checks all.
        if (!levels.IsEmpty && levels.IndexOfAnyExceptInRange((byte)0, (byte)maxLevel) >= 0)
        {
            throw new ParquetFormatException($"{kind} level above the column's maximum {maxLevel}");
        }
    }

    private void DecodeValues(ParquetEncoding encoding, ReadOnlySpan<byte> bytes, int count)
    {
        PhysicalType type = _column.PhysicalType;
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                DecodePlain(bytes, count);
                break;
            case ParquetEncoding.PlainDictionary or ParquetEncoding.RleDictionary:
                DecodeDictionaryIndices(bytes, count);
                break;
            case ParquetEncoding.Rle when type == PhysicalType.Boolean:
                DecodeRleBooleans(bytes, count);
                break;
            case ParquetEncoding.DeltaBinaryPacked when type is PhysicalType.Int32 or PhysicalType.Int64:
                DecodeDeltaIntegers(bytes, count);
                break;
            case ParquetEncoding.DeltaLengthByteArray when type == PhysicalType.ByteArray:
                {
                    ByteArrayValues target = ByteArrayTarget(count, bytes.Length, out bool viaDictionary);
                    DeltaLengthByteArrayDecoder.Decode(bytes, count, target);
                    FinishByteArrays(target, count, viaDictionary);
                    break;
                }

            case ParquetEncoding.DeltaByteArray when type is PhysicalType.ByteArray or PhysicalType.FixedLenByteArray:
                DecodeDeltaByteArray(bytes, count);
                break;
            case ParquetEncoding.ByteStreamSplit when _data.FixedValueSize > 0 && type != PhysicalType.Boolean:
                ByteStreamSplitDecoder.Decode(bytes.Length > (long)count * _data.FixedValueSize ? bytes[..(count * _data.FixedValueSize)] : bytes,
                    _data.FixedValueSize, count, _data.AppendFixed(count));
                break;
            default:
                throw new ParquetFormatException($"encoding {ParquetNames.Of(encoding)} is not supported for {type} columns");
        }
    }

    private void DecodePlain(ReadOnlySpan<byte> bytes, int count)
    {
        switch (_column.PhysicalType)
        {
            case PhysicalType.ByteArray:
                {
                    ByteArrayValues target = ByteArrayTarget(count, bytes.Length, out bool viaDictionary);
                    DecodePlainByteArrays(bytes, count, target);
                    FinishByteArrays(target, count, viaDictionary);
                    break;
                }

            case PhysicalType.Boolean:
                {
                    if ((count + 7) / 8 > bytes.Length)
                    {
                        throw new ParquetFormatException($"PLAIN page holds {bytes.Length} bytes, too few for {count} booleans");
                    }

                    Span<byte> target = _data.AppendFixed(count);
                    for (int i = 0; i < count; i++)
                    {
                        target[i] = (byte)((bytes[i >> 3] >> (i & 7)) & 1);
                    }

                    break;
                }

            default:
                {
                    long needed = (long)count * _data.FixedValueSize;
                    if (needed > bytes.Length)
                    {
                        throw new ParquetFormatException($"PLAIN page holds {bytes.Length} bytes, too few for {count} values");
                    }

                    bytes[..(int)needed].CopyTo(_data.AppendFixed(count));
                    break;
                }
        }
    }

    private static void DecodePlainByteArrays(ReadOnlySpan<byte> bytes, int count, ByteArrayValues target)
    {
        int position = 0;
        target.Reserve(count, bytes.Length - (4 * count));
        for (int i = 0; i < count; i++)
        {
            if (bytes.Length - position < 4)
            {
                throw new ParquetFormatException($"PLAIN byte array {i} of {count} starts past the end of the page");
            }

            int length = BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]);
            position += 4;
            if (length < 0 || length > bytes.Length - position)
            {
                throw new ParquetFormatException($"PLAIN byte array of {length} bytes runs past the end of the page");
            }

            target.Append(bytes.Slice(position, length));
            position += length;
        }
    }

    /// <summary>Where decoded byte arrays go: straight into the plain buffer, or into a scratch list for a dictionary chunk.</summary>
    private ByteArrayValues ByteArrayTarget(int count, int byteHint, out bool viaDictionary)
    {
        viaDictionary = _data.Dictionary is not null;
        return viaDictionary ? new ByteArrayValues(count, byteHint) : _data.UsePlainByteArrays(count, byteHint);
    }

    private void FinishByteArrays(ByteArrayValues target, int count, bool viaDictionary)
    {
        if (!viaDictionary)
        {
            _data.AddPlainValues(count);
            return;
        }

        // A dictionary chunk that fell back to plain pages: the new values join the dictionary.
        ByteArrayValues dictionary = _data.Dictionary!; // viaDictionary is true only when a dictionary is set
        Span<int> indices = _data.AppendIndices(count);
        for (int i = 0; i < count; i++)
        {
            indices[i] = dictionary.Count;
            dictionary.Append(target[i]);
        }
    }

    private void DecodeDictionaryIndices(ReadOnlySpan<byte> bytes, int count)
    {
        if (_dictionaryCount < 0)
        {
            throw new ParquetFormatException("dictionary-encoded page without a dictionary page");
        }

        if (count == 0)
        {
            return;
        }

        if (bytes.IsEmpty)
        {
            throw new ParquetFormatException("dictionary-encoded page has no index data");
        }

        int bitWidth = bytes[0];
        if (bitWidth > 32)
        {
            throw new ParquetFormatException($"dictionary index bit width {bitWidth} is out of range");
        }

        if (_column.PhysicalType == PhysicalType.ByteArray)
        {
            Span<int> indices = _data.AppendIndices(count);
            RleBitPackedHybridDecoder.Decode(bytes[1..], bitWidth, indices);
            CheckIndices(indices, _dictionaryCount);
            return;
        }

        int[] scratch = ArrayPool<int>.Shared.Rent(count);
        try
        {
            Span<int> indices = scratch.AsSpan(0, count);
            RleBitPackedHybridDecoder.Decode(bytes[1..], bitWidth, indices);
            CheckIndices(indices, _dictionaryCount);
            Gather(_fixedDictionary!, _data.FixedValueSize, indices, _data.AppendFixed(count)); // set with _dictionaryCount
        }
        finally
        {
            ArrayPool<int>.Shared.Return(scratch);
        }
    }

    internal static void CheckIndices(ReadOnlySpan<int> indices, int dictionaryCount)
    {
        if (dictionaryCount == 0 && !indices.IsEmpty)
        {
            // IndexOfAnyExceptInRange(0, -1) would accept everything: an empty range needs its own check.
            throw new ParquetFormatException($"dictionary index {indices[0]} is out of range (the dictionary is empty)");
        }

        int bad = indices.IndexOfAnyExceptInRange(0, dictionaryCount - 1);
        if (bad >= 0)
        {
            throw new ParquetFormatException(
                $"dictionary index {indices[bad]} is out of range (the dictionary has {dictionaryCount} entries)");
        }
    }

    private static void Gather(byte[] dictionary, int size, ReadOnlySpan<int> indices, Span<byte> destination)
    {
        ref byte source = ref MemoryMarshal.GetArrayDataReference(dictionary);
        ref byte target = ref MemoryMarshal.GetReference(destination);
        switch (size)
        {
            case 4:
                for (int i = 0; i < indices.Length; i++)
                {
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, i * 4), Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref source, indices[i] * 4)));
                }

                break;
            case 8:
                for (int i = 0; i < indices.Length; i++)
                {
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, i * 8), Unsafe.ReadUnaligned<long>(ref Unsafe.Add(ref source, (nint)indices[i] * 8)));
                }

                break;
            default:
                for (int i = 0; i < indices.Length; i++)
                {
                    dictionary.AsSpan(indices[i] * size, size).CopyTo(destination.Slice(i * size, size));
                }

                break;
        }
    }

    private void DecodeRleBooleans(ReadOnlySpan<byte> bytes, int count)
    {
        if (bytes.Length < 4)
        {
            throw new ParquetFormatException("RLE boolean page has no length prefix");
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        if (length < 0 || length > bytes.Length - 4)
        {
            throw new ParquetFormatException($"RLE booleans of {length} bytes run past the end of the page");
        }

        RleBitPackedHybridDecoder.DecodeLevels(bytes.Slice(4, length), 1, _data.AppendFixed(count));
    }

    private void DecodeDeltaIntegers(ReadOnlySpan<byte> bytes, int count)
    {
        long[] scratch = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
        try
        {
            DeltaBinaryPackedDecoder.Decode(bytes, scratch.AsSpan(0, count), out int decoded);
            if (decoded != count)
            {
                throw new ParquetFormatException($"DELTA_BINARY_PACKED page holds {decoded} values, expected {count}");
            }

            Span<byte> target = _data.AppendFixed(count);
            if (_column.PhysicalType == PhysicalType.Int64)
            {
                MemoryMarshal.AsBytes(scratch.AsSpan(0, count)).CopyTo(target);
            }
            else
            {
                Span<int> ints = MemoryMarshal.Cast<byte, int>(target);
                for (int i = 0; i < count; i++)
                {
                    ints[i] = unchecked((int)scratch[i]);
                }
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(scratch);
        }
    }

    private void DecodeDeltaByteArray(ReadOnlySpan<byte> bytes, int count)
    {
        if (_column.PhysicalType == PhysicalType.FixedLenByteArray)
        {
            var values = new ByteArrayValues(count, count * _data.FixedValueSize);
            DeltaByteArrayDecoder.Decode(bytes, count, values);
            Span<byte> target = _data.AppendFixed(count);
            int size = _data.FixedValueSize;
            for (int i = 0; i < count; i++)
            {
                ReadOnlySpan<byte> value = values[i];
                if (value.Length != size)
                {
                    throw new ParquetFormatException($"DELTA_BYTE_ARRAY value of {value.Length} bytes in a {size}-byte fixed column");
                }

                value.CopyTo(target.Slice(i * size, size));
            }

            return;
        }

        ByteArrayValues output = ByteArrayTarget(count, bytes.Length, out bool viaDictionary);
        DeltaByteArrayDecoder.Decode(bytes, count, output);
        FinishByteArrays(output, count, viaDictionary);
    }

    private byte[] Decompress(PageHeader header, ReadOnlySpan<byte> page, out ReadOnlySpan<byte> bytes)
    {
        int size = header.UncompressedPageSize;
        if (_codec == CompressionCodec.Uncompressed)
        {
            bytes = page;
            return [];
        }

        CheckUncompressedSize(_codec, size, page.Length);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(size);
        PageDecompressor.Decompress(_codec, page, buffer.AsSpan(0, size));
        bytes = buffer.AsSpan(0, size);
        return buffer;
    }

    /// <summary>
    /// Refuses an uncompressed size no stream of this codec could reach from the compressed bytes present, so a
    /// header cannot make the reader allocate more than a fixed multiple of the file's size.
    /// </summary>
    internal static void CheckUncompressedSize(CompressionCodec codec, int uncompressed, int compressed)
    {
        // Densest expansions: a Snappy copy tag of 2-3 bytes yields at most 64 bytes; an LZ4 match length byte
        // adds 255; deflate peaks at 1032:1; ZSTD RLE blocks and Brotli repeats reach ~1e5:1 on pages of one byte value.
        long ratio = codec switch
        {
            CompressionCodec.Snappy => 32,
            CompressionCodec.Lz4 or CompressionCodec.Lz4Raw => 256,
            CompressionCodec.Gzip => 1032,
            _ => 1 << 17,
        };
        if (uncompressed > MaxUncompressedPageFloor && uncompressed > (compressed * ratio) + MaxUncompressedPageFloor)
        {
            throw new ParquetFormatException(
                $"page claims {uncompressed} bytes uncompressed from {compressed} {ParquetNames.Of(codec)} bytes");
        }
    }

    private static void Return(byte[] buffer)
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
