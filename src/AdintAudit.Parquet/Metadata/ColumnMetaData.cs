namespace AdintAudit.Parquet.Metadata;

/// <summary>Where a column chunk's pages are and how they are encoded.</summary>
public sealed class ColumnMetaData
{
    /// <summary>Physical type of the values.</summary>
    public PhysicalType Type { get; set; }

    /// <summary>Encodings used in the chunk, as the writer lists them.</summary>
    public IList<ParquetEncoding> Encodings { get; set; } = [];

    /// <summary>Path of the leaf column from the root (excluding the root).</summary>
    public IList<string> PathInSchema { get; set; } = [];

    /// <summary>Page compression.</summary>
    public CompressionCodec Codec { get; set; }

    /// <summary>Number of values including nulls (level entries).</summary>
    public long NumValues { get; set; }

    /// <summary>Total uncompressed bytes of all pages including headers.</summary>
    public long TotalUncompressedSize { get; set; }

    /// <summary>Total compressed bytes of all pages including headers.</summary>
    public long TotalCompressedSize { get; set; }

    /// <summary>Chunk-level key-value metadata.</summary>
    public IList<KeyValue> KeyValueMetadata { get; set; } = [];

    /// <summary>Byte offset of the first data page.</summary>
    public long DataPageOffset { get; set; }

    /// <summary>Byte offset of the index page, if any.</summary>
    public long? IndexPageOffset { get; set; }

    /// <summary>Byte offset of the dictionary page, if any.</summary>
    public long? DictionaryPageOffset { get; set; }

    /// <summary>Chunk statistics.</summary>
    public Statistics? Statistics { get; set; }

    /// <summary>Byte offset of the bloom filter, if any.</summary>
    public long? BloomFilterOffset { get; set; }

    /// <summary>Byte length of the bloom filter, if known.</summary>
    public int? BloomFilterLength { get; set; }
}
