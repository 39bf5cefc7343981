namespace AdintAudit.Parquet.Metadata;

/// <summary>Header of a version 2 data page, whose levels are stored uncompressed before the values.</summary>
public sealed class DataPageHeaderV2
{
    /// <summary>Level entries in the page, nulls included.</summary>
    public int NumValues { get; set; }

    /// <summary>Null values in the page.</summary>
    public int NumNulls { get; set; }

    /// <summary>Rows (records) in the page.</summary>
    public int NumRows { get; set; }

    /// <summary>Encoding of the values.</summary>
    public ParquetEncoding Encoding { get; set; }

    /// <summary>Bytes of the RLE-encoded definition levels.</summary>
    public int DefinitionLevelsByteLength { get; set; }

    /// <summary>Bytes of the RLE-encoded repetition levels.</summary>
    public int RepetitionLevelsByteLength { get; set; }

    /// <summary>Whether the values section is compressed with the chunk's codec (default true).</summary>
    public bool IsCompressed { get; set; } = true;

    /// <summary>Page statistics, when written.</summary>
    public Statistics? Statistics { get; set; }
}
