namespace AdintAudit.Parquet.Metadata;

/// <summary>One column's data within a row group.</summary>
public sealed class ColumnChunk
{
    /// <summary>File holding the chunk when it is not this file (rare; unsupported for reading).</summary>
    public string? FilePath { get; set; }

    /// <summary>Deprecated offset of the chunk's metadata.</summary>
    public long FileOffset { get; set; }

    /// <summary>The chunk's metadata.</summary>
    public ColumnMetaData? MetaData { get; set; }

    /// <summary>Offset of the offset index, if written.</summary>
    public long? OffsetIndexOffset { get; set; }

    /// <summary>Length of the offset index.</summary>
    public int? OffsetIndexLength { get; set; }

    /// <summary>Offset of the column index, if written.</summary>
    public long? ColumnIndexOffset { get; set; }

    /// <summary>Length of the column index.</summary>
    public int? ColumnIndexLength { get; set; }

    /// <summary>Whether the chunk is encrypted with column-specific keys.</summary>
    public bool IsEncrypted { get; set; }
}
