namespace AdintAudit.Parquet.Metadata;

/// <summary>The header in front of every page.</summary>
public sealed class PageHeader
{
    /// <summary>Kind of page.</summary>
    public PageType Type { get; set; }

    /// <summary>Bytes of the page after decompression (for v2: levels plus values).</summary>
    public int UncompressedPageSize { get; set; }

    /// <summary>Bytes of the page as stored.</summary>
    public int CompressedPageSize { get; set; }

    /// <summary>CRC-32 of the stored page, when written.</summary>
    public int? Crc { get; set; }

    /// <summary>Set for <see cref="PageType.DataPage"/>.</summary>
    public DataPageHeader? DataPageHeader { get; set; }

    /// <summary>Set for <see cref="PageType.DictionaryPage"/>.</summary>
    public DictionaryPageHeader? DictionaryPageHeader { get; set; }

    /// <summary>Set for <see cref="PageType.DataPageV2"/>.</summary>
    public DataPageHeaderV2? DataPageHeaderV2 { get; set; }
}
