using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Writing;

namespace AdintAudit.Parquet.Thrift;

/// <summary>
/// Encodes the metadata model into the Thrift compact protocol, with the field ids of parquet.thrift (the same ids
/// <see cref="MetadataDecoder"/> reads). Optional fields are written only when set.
/// </summary>
internal static class MetadataEncoder
{
    /// <summary>Appends the footer's <c>FileMetaData</c>.</summary>
    /// <param name="output">Receives the bytes.</param>
    /// <param name="metadata">The footer.</param>
    /// <param name="writeColumnOrders">
    /// Whether to write <c>column_orders</c> (TYPE_DEFINED_ORDER for every leaf), which tells readers that
    /// <c>min_value</c>/<c>max_value</c> follow the type's sort order (unsigned bytes for strings).
    /// </param>
    public static void WriteFileMetaData(ByteBuffer output, FileMetaData metadata, bool writeColumnOrders)
    {
        var writer = new ThriftCompactWriter(output);
        writer.BeginStruct();
        writer.WriteI32Field(1, metadata.Version);
        writer.BeginListField(2, ThriftCompactType.Struct, metadata.Schema.Count);
        int leaves = 0;
        foreach (SchemaElement element in metadata.Schema)
        {
            WriteSchemaElement(ref writer, element);
            if (element.NumChildren is null or 0 && element.Type is not null)
            {
                leaves++;
            }
        }

        writer.WriteI64Field(3, metadata.NumRows);
        writer.BeginListField(4, ThriftCompactType.Struct, metadata.RowGroups.Count);
        foreach (RowGroup group in metadata.RowGroups)
        {
            WriteRowGroup(ref writer, group);
        }

        if (metadata.KeyValueMetadata.Count > 0)
        {
            writer.BeginListField(5, ThriftCompactType.Struct, metadata.KeyValueMetadata.Count);
            WriteKeyValues(ref writer, metadata.KeyValueMetadata);
        }

        if (metadata.CreatedBy is not null)
        {
            writer.WriteStringField(6, metadata.CreatedBy);
        }

        if (writeColumnOrders && leaves > 0)
        {
            // ColumnOrder is a union whose member 1 is the empty struct TypeDefinedOrder.
            writer.BeginListField(7, ThriftCompactType.Struct, leaves);
            for (int i = 0; i < leaves; i++)
            {
                writer.BeginStruct();
                writer.WriteEmptyStructField(1);
                writer.EndStruct();
            }
        }

        writer.EndStruct();
    }

    /// <summary>Appends a page header.</summary>
    public static void WritePageHeader(ByteBuffer output, PageHeader header)
    {
        var writer = new ThriftCompactWriter(output);
        writer.BeginStruct();
        writer.WriteI32Field(1, (int)header.Type);
        writer.WriteI32Field(2, header.UncompressedPageSize);
        writer.WriteI32Field(3, header.CompressedPageSize);
        if (header.Crc is int crc)
        {
            writer.WriteI32Field(4, crc);
        }

        if (header.DataPageHeader is { } data)
        {
            writer.BeginStructField(5);
            writer.WriteI32Field(1, data.NumValues);
            writer.WriteI32Field(2, (int)data.Encoding);
            writer.WriteI32Field(3, (int)data.DefinitionLevelEncoding);
            writer.WriteI32Field(4, (int)data.RepetitionLevelEncoding);
            if (data.Statistics is { } statistics)
            {
                writer.BeginStructField(5);
                WriteStatisticsFields(ref writer, statistics);
                writer.EndStruct();
            }

            writer.EndStruct();
        }

        if (header.DictionaryPageHeader is { } dictionary)
        {
            writer.BeginStructField(7);
            writer.WriteI32Field(1, dictionary.NumValues);
            writer.WriteI32Field(2, (int)dictionary.Encoding);
            writer.WriteBoolField(3, dictionary.IsSorted);
            writer.EndStruct();
        }

        if (header.DataPageHeaderV2 is { } v2)
        {
            writer.BeginStructField(8);
            writer.WriteI32Field(1, v2.NumValues);
            writer.WriteI32Field(2, v2.NumNulls);
            writer.WriteI32Field(3, v2.NumRows);
            writer.WriteI32Field(4, (int)v2.Encoding);
            writer.WriteI32Field(5, v2.DefinitionLevelsByteLength);
            writer.WriteI32Field(6, v2.RepetitionLevelsByteLength);
            writer.WriteBoolField(7, v2.IsCompressed);
            if (v2.Statistics is { } statistics)
            {
                writer.BeginStructField(8);
                WriteStatisticsFields(ref writer, statistics);
                writer.EndStruct();
            }

            writer.EndStruct();
        }

        writer.EndStruct();
    }

    private static void WriteSchemaElement(ref ThriftCompactWriter writer, SchemaElement element)
    {
        writer.BeginStruct();
        if (element.Type is PhysicalType type)
        {
            writer.WriteI32Field(1, (int)type);
        }

        if (element.TypeLength is int typeLength)
        {
            writer.WriteI32Field(2, typeLength);
        }

        if (element.Repetition is FieldRepetition repetition)
        {
            writer.WriteI32Field(3, (int)repetition);
        }

        writer.WriteStringField(4, element.Name);
        if (element.NumChildren is int children)
        {
            writer.WriteI32Field(5, children);
        }

        if (element.ConvertedType is ConvertedType converted)
        {
            writer.WriteI32Field(6, (int)converted);
        }

        if (element.Scale is int scale)
        {
            writer.WriteI32Field(7, scale);
        }

        if (element.Precision is int precision)
        {
            writer.WriteI32Field(8, precision);
        }

        if (element.FieldId is int fieldId)
        {
            writer.WriteI32Field(9, fieldId);
        }

        if (element.LogicalType is { } logical)
        {
            writer.BeginStructField(10);
            WriteLogicalType(ref writer, logical);
            writer.EndStruct();
        }

        writer.EndStruct();
    }

    /// <summary>Writes the one member of the LogicalType union; its field id is the kind's value.</summary>
    private static void WriteLogicalType(ref ThriftCompactWriter writer, LogicalType logical)
    {
        if (logical.Kind == LogicalTypeKind.Unknown)
        {
            throw new ArgumentException("cannot write an unknown logical type", nameof(logical));
        }

        short id = (short)logical.Kind;
        writer.BeginStructField(id);
        switch (logical.Kind)
        {
            case LogicalTypeKind.Decimal:
                writer.WriteI32Field(1, logical.Scale);
                writer.WriteI32Field(2, logical.Precision);
                break;
            case LogicalTypeKind.Time:
            case LogicalTypeKind.Timestamp:
                writer.WriteBoolField(1, logical.IsAdjustedToUtc);
                writer.BeginStructField(2);
                writer.WriteEmptyStructField((short)logical.Unit);
                writer.EndStruct();
                break;
            case LogicalTypeKind.Integer:
                writer.WriteI8Field(1, (sbyte)logical.BitWidth);
                writer.WriteBoolField(2, logical.IsSigned);
                break;
            default:
                break;
        }

        writer.EndStruct();
    }

    private static void WriteRowGroup(ref ThriftCompactWriter writer, RowGroup group)
    {
        writer.BeginStruct();
        writer.BeginListField(1, ThriftCompactType.Struct, group.Columns.Count);
        foreach (ColumnChunk chunk in group.Columns)
        {
            WriteColumnChunk(ref writer, chunk);
        }

        writer.WriteI64Field(2, group.TotalByteSize);
        writer.WriteI64Field(3, group.NumRows);
        if (group.FileOffset is long fileOffset)
        {
            writer.WriteI64Field(5, fileOffset);
        }

        if (group.TotalCompressedSize is long compressed)
        {
            writer.WriteI64Field(6, compressed);
        }

        if (group.Ordinal is short ordinal)
        {
            writer.WriteI16Field(7, ordinal);
        }

        writer.EndStruct();
    }

    private static void WriteColumnChunk(ref ThriftCompactWriter writer, ColumnChunk chunk)
    {
        writer.BeginStruct();
        if (chunk.FilePath is not null)
        {
            writer.WriteStringField(1, chunk.FilePath);
        }

        writer.WriteI64Field(2, chunk.FileOffset);
        if (chunk.MetaData is { } meta)
        {
            writer.BeginStructField(3);
            WriteColumnMetaData(ref writer, meta);
            writer.EndStruct();
        }

        if (chunk.OffsetIndexOffset is long offsetIndexOffset)
        {
            writer.WriteI64Field(4, offsetIndexOffset);
        }

        if (chunk.OffsetIndexLength is int offsetIndexLength)
        {
            writer.WriteI32Field(5, offsetIndexLength);
        }

        if (chunk.ColumnIndexOffset is long columnIndexOffset)
        {
            writer.WriteI64Field(6, columnIndexOffset);
        }

        if (chunk.ColumnIndexLength is int columnIndexLength)
        {
            writer.WriteI32Field(7, columnIndexLength);
        }

        writer.EndStruct();
    }

    private static void WriteColumnMetaData(ref ThriftCompactWriter writer, ColumnMetaData meta)
    {
        writer.WriteI32Field(1, (int)meta.Type);
        writer.BeginListField(2, ThriftCompactType.I32, meta.Encodings.Count);
        foreach (ParquetEncoding encoding in meta.Encodings)
        {
            writer.WriteI32((int)encoding);
        }

        writer.BeginListField(3, ThriftCompactType.Binary, meta.PathInSchema.Count);
        foreach (string part in meta.PathInSchema)
        {
            writer.WriteString(part);
        }

        writer.WriteI32Field(4, (int)meta.Codec);
        writer.WriteI64Field(5, meta.NumValues);
        writer.WriteI64Field(6, meta.TotalUncompressedSize);
        writer.WriteI64Field(7, meta.TotalCompressedSize);
        if (meta.KeyValueMetadata.Count > 0)
        {
            writer.BeginListField(8, ThriftCompactType.Struct, meta.KeyValueMetadata.Count);
            WriteKeyValues(ref writer, meta.KeyValueMetadata);
        }

        writer.WriteI64Field(9, meta.DataPageOffset);
        if (meta.IndexPageOffset is long indexOffset)
        {
            writer.WriteI64Field(10, indexOffset);
        }

        if (meta.DictionaryPageOffset is long dictionaryOffset)
        {
            writer.WriteI64Field(11, dictionaryOffset);
        }

        if (meta.Statistics is { } statistics)
        {
            writer.BeginStructField(12);
            WriteStatisticsFields(ref writer, statistics);
            writer.EndStruct();
        }

        if (meta.BloomFilterOffset is long bloomOffset)
        {
            writer.WriteI64Field(14, bloomOffset);
        }

        if (meta.BloomFilterLength is int bloomLength)
        {
            writer.WriteI32Field(15, bloomLength);
        }
    }

    private static void WriteStatisticsFields(ref ThriftCompactWriter writer, Statistics statistics)
    {
        if (statistics.MaxDeprecated is { } maxDeprecated)
        {
            writer.WriteBinaryField(1, maxDeprecated);
        }

        if (statistics.MinDeprecated is { } minDeprecated)
        {
            writer.WriteBinaryField(2, minDeprecated);
        }

        if (statistics.NullCount is long nulls)
        {
            writer.WriteI64Field(3, nulls);
        }

        if (statistics.DistinctCount is long distinct)
        {
            writer.WriteI64Field(4, distinct);
        }

        if (statistics.MaxValue is { } max)
        {
            writer.WriteBinaryField(5, max);
        }

        if (statistics.MinValue is { } min)
        {
            writer.WriteBinaryField(6, min);
        }
    }

    private static void WriteKeyValues(ref ThriftCompactWriter writer, IList<KeyValue> entries)
    {
        foreach (KeyValue entry in entries)
        {
            writer.BeginStruct();
            writer.WriteStringField(1, entry.Key);
            if (entry.Value is not null)
            {
                writer.WriteStringField(2, entry.Value);
            }

            writer.EndStruct();
        }
    }
}
