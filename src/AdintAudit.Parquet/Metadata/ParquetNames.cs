namespace AdintAudit.Parquet.Metadata;

/// <summary>The names the Parquet specification gives to enum values (<c>LZ4_RAW</c>, <c>RLE_DICTIONARY</c>, …).</summary>
public static class ParquetNames
{
    /// <summary>Gets the specification's name of a codec.</summary>
    public static string Of(CompressionCodec codec) => codec switch
    {
        CompressionCodec.Uncompressed => "UNCOMPRESSED",
        CompressionCodec.Snappy => "SNAPPY",
        CompressionCodec.Gzip => "GZIP",
        CompressionCodec.Lzo => "LZO",
        CompressionCodec.Brotli => "BROTLI",
        CompressionCodec.Lz4 => "LZ4",
        CompressionCodec.Zstd => "ZSTD",
        CompressionCodec.Lz4Raw => "LZ4_RAW",
        _ => $"unknown ({(int)codec})",
    };

    /// <summary>Gets the specification's name of an encoding.</summary>
    public static string Of(ParquetEncoding encoding) => encoding switch
    {
        ParquetEncoding.Plain => "PLAIN",
        ParquetEncoding.PlainDictionary => "PLAIN_DICTIONARY",
        ParquetEncoding.Rle => "RLE",
        ParquetEncoding.BitPacked => "BIT_PACKED",
        ParquetEncoding.DeltaBinaryPacked => "DELTA_BINARY_PACKED",
        ParquetEncoding.DeltaLengthByteArray => "DELTA_LENGTH_BYTE_ARRAY",
        ParquetEncoding.DeltaByteArray => "DELTA_BYTE_ARRAY",
        ParquetEncoding.RleDictionary => "RLE_DICTIONARY",
        ParquetEncoding.ByteStreamSplit => "BYTE_STREAM_SPLIT",
        _ => $"unknown ({(int)encoding})",
    };

    /// <summary>Gets the specification's name of a physical type.</summary>
    public static string Of(PhysicalType type) => type switch
    {
        PhysicalType.Boolean => "BOOLEAN",
        PhysicalType.Int32 => "INT32",
        PhysicalType.Int64 => "INT64",
        PhysicalType.Int96 => "INT96",
        PhysicalType.Float => "FLOAT",
        PhysicalType.Double => "DOUBLE",
        PhysicalType.ByteArray => "BYTE_ARRAY",
        PhysicalType.FixedLenByteArray => "FIXED_LEN_BYTE_ARRAY",
        _ => $"unknown ({(int)type})",
    };

    /// <summary>Gets the specification's name of a converted type (<c>TIMESTAMP_MILLIS</c>, <c>UINT_8</c>, …).</summary>
    public static string Of(ConvertedType type) => type switch
    {
        ConvertedType.Utf8 => "UTF8",
        ConvertedType.MapKeyValue => "MAP_KEY_VALUE",
        ConvertedType.TimeMillis => "TIME_MILLIS",
        ConvertedType.TimeMicros => "TIME_MICROS",
        ConvertedType.TimestampMillis => "TIMESTAMP_MILLIS",
        ConvertedType.TimestampMicros => "TIMESTAMP_MICROS",
        ConvertedType.Uint8 => "UINT_8",
        ConvertedType.Uint16 => "UINT_16",
        ConvertedType.Uint32 => "UINT_32",
        ConvertedType.Uint64 => "UINT_64",
        ConvertedType.Int8 => "INT_8",
        ConvertedType.Int16 => "INT_16",
        ConvertedType.Int32 => "INT_32",
        ConvertedType.Int64 => "INT_64",
        _ => type.ToString().ToUpperInvariant(),
    };
}
