namespace AdintAudit.Parquet.Metadata;

/// <summary>Kinds of page in a column chunk.</summary>
public enum PageType
{
    /// <summary>Data page, format version 1: levels and values compressed together.</summary>
    DataPage = 0,

    /// <summary>Index page (unused by writers).</summary>
    IndexPage = 1,

    /// <summary>Dictionary page.</summary>
    DictionaryPage = 2,

    /// <summary>Data page, format version 2: levels stored uncompressed before the values.</summary>
    DataPageV2 = 3,
}
