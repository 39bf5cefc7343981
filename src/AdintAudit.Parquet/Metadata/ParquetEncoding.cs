namespace AdintAudit.Parquet.Metadata;

/// <summary>Value and level encodings (Parquet <c>Encoding</c>).</summary>
public enum ParquetEncoding
{
    /// <summary>Values stored back to back.</summary>
    Plain = 0,

    /// <summary>Deprecated name for dictionary encoding (Parquet 1.0 writers).</summary>
    PlainDictionary = 2,

    /// <summary>RLE / bit-packed hybrid.</summary>
    Rle = 3,

    /// <summary>Deprecated bit-packed levels.</summary>
    BitPacked = 4,

    /// <summary>Delta encoding of integers in bit-packed miniblocks.</summary>
    DeltaBinaryPacked = 5,

    /// <summary>Delta-encoded lengths followed by the concatenated bytes.</summary>
    DeltaLengthByteArray = 6,

    /// <summary>Prefix lengths and suffixes (incremental encoding).</summary>
    DeltaByteArray = 7,

    /// <summary>Dictionary indices as an RLE / bit-packed hybrid.</summary>
    RleDictionary = 8,

    /// <summary>Bytes of each value split into one stream per byte position.</summary>
    ByteStreamSplit = 9,
}
