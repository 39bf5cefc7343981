namespace AdintAudit.Parquet.Metadata;

/// <summary>Header of a version 1 data page.</summary>
public sealed class DataPageHeader
{
    /// <summary>Level entries in the page, nulls included.</summary>
    public int NumValues { get; set; }

    /// <summary>Encoding of the values.</summary>
    public ParquetEncoding Encoding { get; set; }

    /// <summary>Encoding of definition levels (RLE or the deprecated BIT_PACKED).</summary>
    public ParquetEncoding DefinitionLevelEncoding { get; set; }

    /// <summary>Encoding of repetition levels.</summary>
    public ParquetEncoding RepetitionLevelEncoding { get; set; }

    /// <summary>Page statistics, when written.</summary>
    public Statistics? Statistics { get; set; }
}
