namespace AdintAudit.Parquet.Metadata;

/// <summary>A key-value metadata entry (for example <c>ARROW:schema</c> or GeoParquet's <c>geo</c>).</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value; may be absent.</param>
public sealed record KeyValue(string Key, string? Value);
