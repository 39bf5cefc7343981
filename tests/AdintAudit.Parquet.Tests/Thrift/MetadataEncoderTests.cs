using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Thrift;
using AdintAudit.Parquet.Writing;

namespace AdintAudit.Parquet.Tests.Thrift;

public sealed class MetadataEncoderTests
{
    [Fact]
    public void WriteFileMetaData_everyField_decodesToTheSameModel()
    {
        FileMetaData metadata = SampleFooter();
        var output = new ByteBuffer();

        MetadataEncoder.WriteFileMetaData(output, metadata, writeColumnOrders: true);

        FileMetaData decoded = MetadataDecoder.ReadFileMetaData(output.Written);
        Assert.Equal(metadata.Version, decoded.Version);
        Assert.Equal(metadata.NumRows, decoded.NumRows);
        Assert.Equal(metadata.CreatedBy, decoded.CreatedBy);
        Assert.Equal(metadata.KeyValueMetadata, decoded.KeyValueMetadata);
        Assert.Equal(metadata.Schema.Count, decoded.Schema.Count);
        for (int i = 0; i < metadata.Schema.Count; i++)
        {
            SchemaElement want = metadata.Schema[i];
            SchemaElement got = decoded.Schema[i];
            Assert.Equal(
                (want.Name, want.Type, want.TypeLength, want.Repetition, want.NumChildren, want.ConvertedType, want.Scale, want.Precision, want.FieldId),
                (got.Name, got.Type, got.TypeLength, got.Repetition, got.NumChildren, got.ConvertedType, got.Scale, got.Precision, got.FieldId));
            Assert.Equal(want.LogicalType, got.LogicalType);
        }

        RowGroup group = decoded.RowGroups[0];
        Assert.Equal((1000L, 5000L, 64L, 4100L, (short)0), (group.NumRows, group.TotalByteSize, group.FileOffset!.Value, group.TotalCompressedSize!.Value, group.Ordinal!.Value));
        ColumnMetaData meta = group.Columns[0].MetaData!;
        ColumnMetaData wantMeta = metadata.RowGroups[0].Columns[0].MetaData!;
        Assert.Equal(wantMeta.Encodings, meta.Encodings);
        Assert.Equal(wantMeta.PathInSchema, meta.PathInSchema);
        Assert.Equal(
            (wantMeta.Type, wantMeta.Codec, wantMeta.NumValues, wantMeta.TotalUncompressedSize, wantMeta.TotalCompressedSize, wantMeta.DataPageOffset, wantMeta.DictionaryPageOffset),
            (meta.Type, meta.Codec, meta.NumValues, meta.TotalUncompressedSize, meta.TotalCompressedSize, meta.DataPageOffset, meta.DictionaryPageOffset));
        Assert.Equal(wantMeta.Statistics!.MinValue, meta.Statistics!.MinValue);
        Assert.Equal(wantMeta.Statistics.MaxValue, meta.Statistics.MaxValue);
        Assert.Equal(wantMeta.Statistics.NullCount, meta.Statistics.NullCount);
        Assert.Equal(wantMeta.KeyValueMetadata, meta.KeyValueMetadata);
        Assert.Equal(4, group.Columns[0].FileOffset);
    }

    [Fact]
    public void WritePageHeader_dataAndDictionaryHeaders_decodeToTheSameValues()
    {
        var data = new PageHeader
        {
            Type = PageType.DataPage,
            UncompressedPageSize = 300_000,
            CompressedPageSize = 12,
            Crc = -5,
            DataPageHeader = new DataPageHeader
            {
                NumValues = 1 << 20,
                Encoding = ParquetEncoding.RleDictionary,
                DefinitionLevelEncoding = ParquetEncoding.Rle,
                RepetitionLevelEncoding = ParquetEncoding.Rle,
            },
        };
        var dictionary = new PageHeader
        {
            Type = PageType.DictionaryPage,
            UncompressedPageSize = 7,
            CompressedPageSize = 9,
            DictionaryPageHeader = new DictionaryPageHeader { NumValues = 3, Encoding = ParquetEncoding.Plain, IsSorted = true },
        };
        var output = new ByteBuffer();

        MetadataEncoder.WritePageHeader(output, data);
        int first = output.Length;
        MetadataEncoder.WritePageHeader(output, dictionary);

        PageHeader gotData = MetadataDecoder.ReadPageHeader(output.Written, out int length);
        PageHeader gotDictionary = MetadataDecoder.ReadPageHeader(output.Written[first..], out _);
        Assert.Equal(first, length);
        Assert.Equal((PageType.DataPage, 300_000, 12, (int?)-5), (gotData.Type, gotData.UncompressedPageSize, gotData.CompressedPageSize, gotData.Crc));
        Assert.Equal((1 << 20, ParquetEncoding.RleDictionary, ParquetEncoding.Rle),
            (gotData.DataPageHeader!.NumValues, gotData.DataPageHeader.Encoding, gotData.DataPageHeader.DefinitionLevelEncoding));
        Assert.Equal((3, ParquetEncoding.Plain, true),
            (gotDictionary.DictionaryPageHeader!.NumValues, gotDictionary.DictionaryPageHeader.Encoding, gotDictionary.DictionaryPageHeader.IsSorted));
    }

    private static FileMetaData SampleFooter()
    {
        var metadata = new FileMetaData
        {
            Version = 2,
            NumRows = 1000,
            CreatedBy = "AdintAudit version 1.0.0 (build test)",
            KeyValueMetadata = [new KeyValue("geo", "{\"version\":\"1.1.0\"}"), new KeyValue("no value", null)],
        };
        metadata.Schema.Add(new SchemaElement { Name = "schema", NumChildren = 9 });
        metadata.Schema.Add(new SchemaElement
        {
            Name = "device_id",
            Type = PhysicalType.ByteArray,
            Repetition = FieldRepetition.Optional,
            ConvertedType = ConvertedType.Utf8,
            LogicalType = new LogicalType(LogicalTypeKind.String),
        });
        metadata.Schema.Add(new SchemaElement
        {
            Name = "ts",
            Type = PhysicalType.Int64,
            Repetition = FieldRepetition.Required,
            ConvertedType = ConvertedType.TimestampMicros,
            LogicalType = new LogicalType(LogicalTypeKind.Timestamp) { Unit = TimeUnit.Micros, IsAdjustedToUtc = true },
        });
        metadata.Schema.Add(new SchemaElement
        {
            Name = "local",
            Type = PhysicalType.Int64,
            Repetition = FieldRepetition.Optional,
            LogicalType = new LogicalType(LogicalTypeKind.Timestamp) { Unit = TimeUnit.Nanos, IsAdjustedToUtc = false },
        });
        metadata.Schema.Add(new SchemaElement
        {
            Name = "day",
            Type = PhysicalType.Int32,
            Repetition = FieldRepetition.Optional,
            ConvertedType = ConvertedType.Date,
            LogicalType = new LogicalType(LogicalTypeKind.Date),
        });
        metadata.Schema.Add(new SchemaElement
        {
            Name = "small",
            Type = PhysicalType.Int32,
            Repetition = FieldRepetition.Optional,
            ConvertedType = ConvertedType.Uint8,
            LogicalType = new LogicalType(LogicalTypeKind.Integer) { BitWidth = 8, IsSigned = false },
        });
        metadata.Schema.Add(new SchemaElement
        {
            Name = "price",
            Type = PhysicalType.Int64,
            Repetition = FieldRepetition.Optional,
            ConvertedType = ConvertedType.Decimal,
            Scale = 2,
            Precision = 12,
            LogicalType = new LogicalType(LogicalTypeKind.Decimal) { Scale = 2, Precision = 12 },
        });
        metadata.Schema.Add(new SchemaElement { Name = "fixed", Type = PhysicalType.FixedLenByteArray, TypeLength = 16, Repetition = FieldRepetition.Optional, FieldId = 42 });
        metadata.Schema.Add(new SchemaElement { Name = "json", Type = PhysicalType.ByteArray, Repetition = FieldRepetition.Optional, LogicalType = new LogicalType(LogicalTypeKind.Json) });
        metadata.Schema.Add(new SchemaElement
        {
            Name = "t",
            Type = PhysicalType.Int64,
            Repetition = FieldRepetition.Optional,
            LogicalType = new LogicalType(LogicalTypeKind.Time) { Unit = TimeUnit.Micros, IsAdjustedToUtc = true },
        });
        var chunk = new ColumnChunk
        {
            FileOffset = 4,
            MetaData = new ColumnMetaData
            {
                Type = PhysicalType.ByteArray,
                Encodings = [ParquetEncoding.Plain, ParquetEncoding.RleDictionary, ParquetEncoding.Rle],
                PathInSchema = ["device_id"],
                Codec = CompressionCodec.Snappy,
                NumValues = 1000,
                TotalUncompressedSize = 5000,
                TotalCompressedSize = 4100,
                KeyValueMetadata = [new KeyValue("k", "v")],
                DataPageOffset = 80,
                DictionaryPageOffset = 4,
                Statistics = new Statistics { NullCount = 17, MinValue = [0x00, 0x41], MaxValue = [0xFF, 0xFE] },
            },
        };
        metadata.RowGroups.Add(new RowGroup { Columns = [chunk], NumRows = 1000, TotalByteSize = 5000, FileOffset = 64, TotalCompressedSize = 4100, Ordinal = 0 });
        return metadata;
    }
}
