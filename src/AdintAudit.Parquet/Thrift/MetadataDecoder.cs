using AdintAudit.Parquet.Metadata;

namespace AdintAudit.Parquet.Thrift;

/// <summary>Decodes the footer and page headers from the Thrift compact protocol into the metadata model.</summary>
/// <remarks>Unknown fields are skipped, as Thrift requires; required fields that are missing or out of range are errors.</remarks>
internal static class MetadataDecoder
{
    public static FileMetaData ReadFileMetaData(ReadOnlySpan<byte> footer)
    {
        var reader = new ThriftCompactReader(footer, "footer");
        var result = new FileMetaData();
        bool hasSchema = false;
        bool hasRows = false;
        reader.BeginStruct();
        while (reader.NextField(out ThriftCompactType type, out short id))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.I32:
                    result.Version = reader.ReadI32();
                    break;
                case 2 when type == ThriftCompactType.List:
                    {
                        int count = reader.ReadListHeader(out _);
                        var schema = new List<SchemaElement>(count);
                        for (int i = 0; i < count; i++)
                        {
                            schema.Add(ReadSchemaElement(ref reader));
                        }

                        result.Schema = schema;
                        hasSchema = true;
                        break;
                    }

                case 3 when type == ThriftCompactType.I64:
                    result.NumRows = reader.ReadI64();
                    hasRows = true;
                    break;
                case 4 when type == ThriftCompactType.List:
                    {
                        int count = reader.ReadListHeader(out _);
                        var groups = new List<RowGroup>(count);
                        for (int i = 0; i < count; i++)
                        {
                            groups.Add(ReadRowGroup(ref reader));
                        }

                        result.RowGroups = groups;
                        break;
                    }

                case 5 when type == ThriftCompactType.List:
                    result.KeyValueMetadata = ReadKeyValues(ref reader);
                    break;
                case 6 when type == ThriftCompactType.Binary:
                    result.CreatedBy = reader.ReadString();
                    break;
                case 8 when type == ThriftCompactType.Struct:
                    result.HasEncryptionAlgorithm = true;
                    reader.Skip(type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        if (!hasSchema || result.Schema.Count == 0)
        {
            throw reader.Corrupt("no schema");
        }

        if (!hasRows || result.NumRows < 0)
        {
            throw reader.Corrupt("missing or negative row count");
        }

        return result;
    }

    /// <summary>Reads one page header; <paramref name="length"/> receives the header's size in bytes.</summary>
    public static PageHeader ReadPageHeader(ReadOnlySpan<byte> data, out int length)
    {
        var reader = new ThriftCompactReader(data, "page header");
        var header = new PageHeader();
        bool hasType = false;
        bool hasUncompressed = false;
        bool hasCompressed = false;
        reader.BeginStruct();
        while (reader.NextField(out ThriftCompactType type, out short id))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.I32:
                    header.Type = (PageType)reader.ReadI32();
                    hasType = true;
                    break;
                case 2 when type == ThriftCompactType.I32:
                    header.UncompressedPageSize = reader.ReadI32();
                    hasUncompressed = true;
                    break;
                case 3 when type == ThriftCompactType.I32:
                    header.CompressedPageSize = reader.ReadI32();
                    hasCompressed = true;
                    break;
                case 4 when type == ThriftCompactType.I32:
                    header.Crc = reader.ReadI32();
                    break;
                case 5 when type == ThriftCompactType.Struct:
                    header.DataPageHeader = ReadDataPageHeader(ref reader);
                    break;
                case 7 when type == ThriftCompactType.Struct:
                    header.DictionaryPageHeader = ReadDictionaryPageHeader(ref reader);
                    break;
                case 8 when type == ThriftCompactType.Struct:
                    header.DataPageHeaderV2 = ReadDataPageHeaderV2(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        if (!hasType || !hasUncompressed || !hasCompressed)
        {
            throw reader.Corrupt("missing page type or size");
        }

        if (header.UncompressedPageSize < 0 || header.CompressedPageSize < 0)
        {
            throw reader.Corrupt("negative page size");
        }

        length = reader.Position;
        return header;
    }

    private static SchemaElement ReadSchemaElement(ref ThriftCompactReader reader)
    {
        string? name = null;
        var element = new SchemaElement { Name = string.Empty };
        reader.BeginStruct();
        while (reader.NextField(out ThriftCompactType type, out short id))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.I32:
                    {
                        int value = reader.ReadI32();
                        if (value is < 0 or > 7)
                        {
                            throw reader.Corrupt($"invalid physical type {value}");
                        }

                        element.Type = (PhysicalType)value;
                        break;
                    }

                case 2 when type == ThriftCompactType.I32:
                    element.TypeLength = reader.ReadI32();
                    break;
                case 3 when type == ThriftCompactType.I32:
                    {
                        int value = reader.ReadI32();
                        if (value is < 0 or > 2)
                        {
                            throw reader.Corrupt($"invalid repetition type {value}");
                        }

                        element.Repetition = (FieldRepetition)value;
                        break;
                    }

                case 4 when type == ThriftCompactType.Binary:
                    name = reader.ReadString();
                    break;
                case 5 when type == ThriftCompactType.I32:
                    element.NumChildren = reader.ReadI32();
                    break;
                case 6 when type == ThriftCompactType.I32:
                    element.ConvertedType = (ConvertedType)reader.ReadI32();
                    break;
                case 7 when type == ThriftCompactType.I32:
                    element.Scale = reader.ReadI32();
                    break;
                case 8 when type == ThriftCompactType.I32:
                    element.Precision = reader.ReadI32();
                    break;
                case 9 when type == ThriftCompactType.I32:
                    element.FieldId = reader.ReadI32();
                    break;
                case 10 when type == ThriftCompactType.Struct:
                    element.LogicalType = ReadLogicalType(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        element.Name = name ?? throw reader.Corrupt("schema element without a name");
        return element;
    }

    private static LogicalType? ReadLogicalType(ref ThriftCompactReader reader)
    {
        LogicalType? result = null;
        reader.BeginStruct();
        while (reader.NextField(out ThriftCompactType type, out short id))
        {
            if (type != ThriftCompactType.Struct)
            {
                reader.Skip(type);
                continue;
            }

            var kind = (LogicalTypeKind)id;
            switch (kind)
            {
                case LogicalTypeKind.Decimal:
                    result = ReadDecimal(ref reader);
                    break;
                case LogicalTypeKind.Time:
                case LogicalTypeKind.Timestamp:
                    result = ReadTemporal(ref reader, kind);
                    break;
                case LogicalTypeKind.Integer:
                    result = ReadInteger(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    result = Enum.IsDefined(kind) ? new LogicalType(kind) : new LogicalType(LogicalTypeKind.Unknown);
                    break;
            }
        }

        reader.EndStruct();
        return result;
    }

    private static LogicalType ReadDecimal(ref ThriftCompactReader reader)
    {
        int scale = 0;
        int precision = 0;
        reader.BeginStruct();
        while (reader.NextField(out ThriftCompactType type, out short id))
        {
            if (id == 1 && type == ThriftCompactType.I32)
            {
                scale = reader.ReadI32();
            }
            else if (id == 2 && type == ThriftCompactType.I32)
            {
                precision = reader.ReadI32();
            }
            else
            {
                reader.Skip(type);
            }
        }

        reader.EndStruct();
        return new LogicalType(LogicalTypeKind.Decimal) { Scale = scale, Precision = precision };
    }

    private static LogicalType ReadTemporal(ref ThriftCompactReader reader, LogicalTypeKind kind)
    {
        bool utc = false;
        TimeUnit unit = TimeUnit.Millis;
        reader.BeginStruct();
        while (reader.NextField(out ThriftCompactType type, out short id))
        {
            if (id == 1 && type is ThriftCompactType.BooleanTrue or ThriftCompactType.BooleanFalse)
            {
                utc = reader.ReadBool();
            }
            else if (id == 2 && type == ThriftCompactType.Struct)
            {
                reader.BeginStruct();
                while (reader.NextField(out ThriftCompactType unitType, out short unitId))
                {
                    if (unitId is >= 1 and <= 3)
                    {
                        unit = (TimeUnit)unitId;
                    }

                    reader.Skip(unitType);
                }

                reader.EndStruct();
            }
            else
            {
                reader.Skip(type);
            }
        }

        reader.EndStruct();
        return new LogicalType(kind) { IsAdjustedToUtc = utc, Unit = unit };
    }

    private static LogicalType ReadInteger(ref ThriftCompactReader reader)
    {
        int bitWidth = 0;
        bool signed = true;
        reader.BeginStruct();
        while (reader.NextField(out ThriftCompactType type, out short id))
        {
            if (id == 1 && type == ThriftCompactType.Byte)
            {
                bitWidth = reader.ReadI8();
            }
            else if (id == 2 && type is ThriftCompactType.BooleanTrue or ThriftCompactType.BooleanFalse)
            {
                signed = reader.ReadBool();
            }
            else
            {
                reader.Skip(type);
            }
        }

        reader.EndStruct();
        return new LogicalType(LogicalTypeKind.Integer) { BitWidth = bitWidth, IsSigned = signed };
    }

    private static RowGroup ReadRowGroup(ref ThriftCompactReader reader)
    {
        var group = new RowGroup();
        reader.BeginStruct();
        while (reader.NextField(out ThriftCompactType type, out short id))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.List:
                    {
                        int count = reader.ReadListHeader(out _);
                        var columns = new List<ColumnChunk>(count);
                        for (int i = 0; i < count; i++)
                        {
                            columns.Add(ReadColumnChunk(ref reader));
                        }

                        group.Columns = columns;
                        break;
                    }

                case 2 when type == ThriftCompactType.I64:
                    group.TotalByteSize = reader.ReadI64();
                    break;
                case 3 when type == ThriftCompactType.I64:
                    group.NumRows = reader.ReadI64();
                    break;
                case 5 when type == ThriftCompactType.I64:
                    group.FileOffset = reader.ReadI64();
                    break;
                case 6 when type == ThriftCompactType.I64:
                    group.TotalCompressedSize = reader.ReadI64();
                    break;
                case 7 when type == ThriftCompactType.I16:
                    group.Ordinal = reader.ReadI16();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        if (group.NumRows < 0)
        {
            throw reader.Corrupt("negative row count in a row group");
        }

        return group;
    }

    private static ColumnChunk ReadColumnChunk(ref ThriftCompactReader reader)
    {
        var chunk = new ColumnChunk();
        reader.BeginStruct();
        while (reader.NextField(out ThriftCompactType type, out short id))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.Binary:
                    chunk.FilePath = reader.ReadString();
                    break;
                case 2 when type == ThriftCompactType.I64:
                    chunk.FileOffset = reader.ReadI64();
                    break;
                case 3 when type == ThriftCompactType.Struct:
                    chunk.MetaData = ReadColumnMetaData(ref reader);
                    break;
                case 4 when type == ThriftCompactType.I64:
                    chunk.OffsetIndexOffset = reader.ReadI64();
                    break;
                case 5 when type == ThriftCompactType.I32:
                    chunk.OffsetIndexLength = reader.ReadI32();
                    break;
                case 6 when type == ThriftCompactType.I64:
                    chunk.ColumnIndexOffset = reader.ReadI64();
                    break;
                case 7 when type == ThriftCompactType.I32:
                    chunk.ColumnIndexLength = reader.ReadI32();
                    break;
                case 8 or 9:
                    chunk.IsEncrypted = true;
                    reader.Skip(type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        return chunk;
    }

    private static ColumnMetaData ReadColumnMetaData(ref ThriftCompactReader reader)
    {
        var meta = new ColumnMetaData();
        bool hasType = false;
        bool hasCodec = false;
        bool hasDataPageOffset = false;
        reader.BeginStruct();
        while (reader.NextField(out ThriftCompactType type, out short id))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.I32:
                    {
                        int value = reader.ReadI32();
                        if (value is < 0 or > 7)
                        {
                            throw reader.Corrupt($"invalid physical type {value}");
                        }

                        meta.Type = (PhysicalType)value;
                        hasType = true;
                        break;
                    }

                case 2 when type == ThriftCompactType.List:
                    {
                        int count = reader.ReadListHeader(out _);
                        var encodings = new List<ParquetEncoding>(count);
                        for (int i = 0; i < count; i++)
                        {
                            encodings.Add((ParquetEncoding)reader.ReadI32());
                        }

                        meta.Encodings = encodings;
                        break;
                    }

                case 3 when type == ThriftCompactType.List:
                    {
                        int count = reader.ReadListHeader(out _);
                        var path = new List<string>(count);
                        for (int i = 0; i < count; i++)
                        {
                            path.Add(reader.ReadString());
                        }

                        meta.PathInSchema = path;
                        break;
                    }

                case 4 when type == ThriftCompactType.I32:
                    meta.Codec = (CompressionCodec)reader.ReadI32();
                    hasCodec = true;
                    break;
                case 5 when type == ThriftCompactType.I64:
                    meta.NumValues = reader.ReadI64();
                    break;
                case 6 when type == ThriftCompactType.I64:
                    meta.TotalUncompressedSize = reader.ReadI64();
                    break;
                case 7 when type == ThriftCompactType.I64:
                    meta.TotalCompressedSize = reader.ReadI64();
                    break;
                case 8 when type == ThriftCompactType.List:
                    meta.KeyValueMetadata = ReadKeyValues(ref reader);
                    break;
                case 9 when type == ThriftCompactType.I64:
                    meta.DataPageOffset = reader.ReadI64();
                    hasDataPageOffset = true;
                    break;
                case 10 when type == ThriftCompactType.I64:
                    meta.IndexPageOffset = reader.ReadI64();
                    break;
                case 11 when type == ThriftCompactType.I64:
                    meta.DictionaryPageOffset = reader.ReadI64();
                    break;
                case 12 when type == ThriftCompactType.Struct:
                    meta.Statistics = ReadStatistics(ref reader);
                    break;
                case 14 when type == ThriftCompactType.I64:
                    meta.BloomFilterOffset = reader.ReadI64();
                    break;
                case 15 when type == ThriftCompactType.I32:
                    meta.BloomFilterLength = reader.ReadI32();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        if (!hasType || !hasCodec || !hasDataPageOffset)
        {
            throw reader.Corrupt("column metadata without type, codec or data page offset");
        }

        if (meta.NumValues < 0 || meta.TotalCompressedSize < 0 || meta.DataPageOffset < 0)
        {
            throw reader.Corrupt("negative size or offset in column metadata");
        }

        return meta;
    }

    private static Statistics ReadStatistics(ref ThriftCompactReader reader)
    {
        var stats = new Statistics();
        reader.BeginStruct();
        while (reader.NextField(out ThriftCompactType type, out short id))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.Binary:
                    stats.MaxDeprecated = reader.ReadBinary().ToArray();
                    break;
                case 2 when type == ThriftCompactType.Binary:
                    stats.MinDeprecated = reader.ReadBinary().ToArray();
                    break;
                case 3 when type == ThriftCompactType.I64:
                    stats.NullCount = reader.ReadI64();
                    break;
                case 4 when type == ThriftCompactType.I64:
                    stats.DistinctCount = reader.ReadI64();
                    break;
                case 5 when type == ThriftCompactType.Binary:
                    stats.MaxValue = reader.ReadBinary().ToArray();
                    break;
                case 6 when type == ThriftCompactType.Binary:
                    stats.MinValue = reader.ReadBinary().ToArray();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        return stats;
    }

    private static List<KeyValue> ReadKeyValues(ref ThriftCompactReader reader)
    {
        int count = reader.ReadListHeader(out _);
        var result = new List<KeyValue>(count);
        for (int i = 0; i < count; i++)
        {
            string? key = null;
            string? value = null;
            reader.BeginStruct();
            while (reader.NextField(out ThriftCompactType type, out short id))
            {
                if (id == 1 && type == ThriftCompactType.Binary)
                {
                    key = reader.ReadString();
                }
                else if (id == 2 && type == ThriftCompactType.Binary)
                {
                    value = reader.ReadString();
                }
                else
                {
                    reader.Skip(type);
                }
            }

            reader.EndStruct();
            result.Add(new KeyValue(key ?? throw reader.Corrupt("key-value entry without a key"), value));
        }

        return result;
    }

    private static DataPageHeader ReadDataPageHeader(ref ThriftCompactReader reader)
    {
        var header = new DataPageHeader();
        reader.BeginStruct();
        while (reader.NextField(out ThriftCompactType type, out short id))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.I32:
                    header.NumValues = reader.ReadI32();
                    break;
                case 2 when type == ThriftCompactType.I32:
                    header.Encoding = (ParquetEncoding)reader.ReadI32();
                    break;
                case 3 when type == ThriftCompactType.I32:
                    header.DefinitionLevelEncoding = (ParquetEncoding)reader.ReadI32();
                    break;
                case 4 when type == ThriftCompactType.I32:
                    header.RepetitionLevelEncoding = (ParquetEncoding)reader.ReadI32();
                    break;
                case 5 when type == ThriftCompactType.Struct:
                    header.Statistics = ReadStatistics(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        if (header.NumValues < 0)
        {
            throw reader.Corrupt($"negative value count {header.NumValues}");
        }

        return header;
    }

    private static DictionaryPageHeader ReadDictionaryPageHeader(ref ThriftCompactReader reader)
    {
        var header = new DictionaryPageHeader();
        reader.BeginStruct();
        while (reader.NextField(out ThriftCompactType type, out short id))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.I32:
                    header.NumValues = reader.ReadI32();
                    break;
                case 2 when type == ThriftCompactType.I32:
                    header.Encoding = (ParquetEncoding)reader.ReadI32();
                    break;
                case 3 when type is ThriftCompactType.BooleanTrue or ThriftCompactType.BooleanFalse:
                    header.IsSorted = reader.ReadBool();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        if (header.NumValues < 0)
        {
            throw reader.Corrupt($"negative dictionary size {header.NumValues}");
        }

        return header;
    }

    private static DataPageHeaderV2 ReadDataPageHeaderV2(ref ThriftCompactReader reader)
    {
        var header = new DataPageHeaderV2();
        reader.BeginStruct();
        while (reader.NextField(out ThriftCompactType type, out short id))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.I32:
                    header.NumValues = reader.ReadI32();
                    break;
                case 2 when type == ThriftCompactType.I32:
                    header.NumNulls = reader.ReadI32();
                    break;
                case 3 when type == ThriftCompactType.I32:
                    header.NumRows = reader.ReadI32();
                    break;
                case 4 when type == ThriftCompactType.I32:
                    header.Encoding = (ParquetEncoding)reader.ReadI32();
                    break;
                case 5 when type == ThriftCompactType.I32:
                    header.DefinitionLevelsByteLength = reader.ReadI32();
                    break;
                case 6 when type == ThriftCompactType.I32:
                    header.RepetitionLevelsByteLength = reader.ReadI32();
                    break;
                case 7 when type is ThriftCompactType.BooleanTrue or ThriftCompactType.BooleanFalse:
                    header.IsCompressed = reader.ReadBool();
                    break;
                case 8 when type == ThriftCompactType.Struct:
                    header.Statistics = ReadStatistics(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        if (header.NumValues < 0 || header.NumNulls < 0 || header.NumRows < 0
            || header.DefinitionLevelsByteLength < 0 || header.RepetitionLevelsByteLength < 0)
        {
            throw reader.Corrupt("negative count or length in a v2 data page header");
        }

        return header;
    }
}
