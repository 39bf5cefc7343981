namespace AdintAudit.Parquet.Metadata;

/// <summary>A horizontal slice of the table: one chunk per leaf column.</summary>
public sealed class RowGroup
{
    /// <summary>Column chunks, in schema leaf order.</summary>
    public IList<ColumnChunk> Columns { get; set; } = [];

    /// <summary>Uncompressed bytes of all column data.</summary>
    public long TotalByteSize { get; set; }

    /// <summary>Rows in the group.</summary>
    public long NumRows { get; set; }

    /// <summary>Offset of the first page of the group, when written.</summary>
    public long? FileOffset { get; set; }

    /// <summary>Compressed bytes of the group, when written.</summary>
    public long? TotalCompressedSize { get; set; }

    /// <summary>Ordinal of the group in the file, when written.</summary>
    public short? Ordinal { get; set; }
}
