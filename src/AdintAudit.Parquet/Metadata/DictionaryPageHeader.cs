namespace AdintAudit.Parquet.Metadata;

/// <summary>Header of a dictionary page.</summary>
public sealed class DictionaryPageHeader
{
    /// <summary>Number of entries in the dictionary.</summary>
    public int NumValues { get; set; }

    /// <summary>Encoding of the entries (PLAIN or PLAIN_DICTIONARY).</summary>
    public ParquetEncoding Encoding { get; set; }

    /// <summary>Whether the entries are sorted.</summary>
    public bool IsSorted { get; set; }
}
