namespace AdintAudit.Parquet.Metadata;

/// <summary>Column chunk or page statistics. Bounds are PLAIN-encoded values of the column's physical type.</summary>
public sealed class Statistics
{
    /// <summary>Deprecated maximum (signed byte order for byte arrays).</summary>
    public byte[]? MaxDeprecated { get; set; }

    /// <summary>Deprecated minimum.</summary>
    public byte[]? MinDeprecated { get; set; }

    /// <summary>Number of null values.</summary>
    public long? NullCount { get; set; }

    /// <summary>Number of distinct values.</summary>
    public long? DistinctCount { get; set; }

    /// <summary>Maximum value in the column's sort order.</summary>
    public byte[]? MaxValue { get; set; }

    /// <summary>Minimum value in the column's sort order.</summary>
    public byte[]? MinValue { get; set; }

    /// <summary>The maximum, preferring the current field over the deprecated one.</summary>
    public byte[]? Max => MaxValue ?? MaxDeprecated;

    /// <summary>The minimum, preferring the current field over the deprecated one.</summary>
    public byte[]? Min => MinValue ?? MinDeprecated;
}
