using System.Reflection;
using AdintAudit.Parquet.Metadata;

namespace AdintAudit.Parquet.Writing;

/// <summary>Settings of a <see cref="ParquetFileWriter"/>. Defaults follow parquet-mr and arrow-rs.</summary>
public sealed record ParquetWriterOptions
{
    /// <summary>The default <see cref="CreatedBy"/>: <c>AdintAudit version X (build Y)</c>, parquet-mr's format.</summary>
    public static string DefaultCreatedBy { get; } = BuildCreatedBy();

    /// <summary>Page compression: <see cref="CompressionCodec.Snappy"/> (default), <see cref="CompressionCodec.Gzip"/> or <see cref="CompressionCodec.Uncompressed"/>.</summary>
    public CompressionCodec Codec { get; init; } = CompressionCodec.Snappy;

    /// <summary>
    /// Maximum rows per row group (default 1,048,576). <see cref="ParquetFileWriter.BeginRowGroup"/> rejects more;
    /// callers holding more rows write them as several row groups, so memory stays bounded by one row group.
    /// </summary>
    public int RowGroupSize { get; init; } = 1 << 20;

    /// <summary>Target size in bytes of a data page before compression (default 1 MiB).</summary>
    public int DataPageSizeBytes { get; init; } = 1 << 20;

    /// <summary>
    /// Largest PLAIN size in bytes of a column chunk's dictionary (default 1 MiB, as parquet-mr). When a chunk's
    /// distinct strings grow past it, the rest of the chunk is written as PLAIN pages after the dictionary pages.
    /// </summary>
    public int DictionaryPageSizeLimitBytes { get; init; } = 1 << 20;

    /// <summary>Whether BYTE_ARRAY columns are dictionary-encoded (default true). Numbers are always PLAIN.</summary>
    public bool UseDictionary { get; init; } = true;

    /// <summary>File-level key-value metadata, such as GeoParquet's <c>geo</c> or provenance notes.</summary>
    public IReadOnlyList<KeyValue> KeyValueMetadata { get; init; } = [];

    /// <summary>The footer's <c>created_by</c>; defaults to <see cref="DefaultCreatedBy"/>.</summary>
    public string CreatedBy { get; init; } = DefaultCreatedBy;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range or the codec cannot be written.</exception>
    internal void Validate()
    {
        if (Codec is not (CompressionCodec.Uncompressed or CompressionCodec.Snappy or CompressionCodec.Gzip))
        {
            throw new ArgumentException($"codec {ParquetNames.Of(Codec)} cannot be written (use UNCOMPRESSED, SNAPPY or GZIP)", nameof(Codec));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(RowGroupSize, 1, nameof(RowGroupSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(DataPageSizeBytes, 1, nameof(DataPageSizeBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(DictionaryPageSizeLimitBytes, nameof(DictionaryPageSizeLimitBytes));
        ArgumentNullException.ThrowIfNull(KeyValueMetadata, nameof(KeyValueMetadata));
        ArgumentNullException.ThrowIfNull(CreatedBy, nameof(CreatedBy));
    }

    private static string BuildCreatedBy()
    {
        Assembly assembly = typeof(ParquetWriterOptions).Assembly;
        string informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        string[] parts = informational.Split('+', 2);
        string build = parts.Length > 1 && parts[1].Length > 0 ? parts[1][..Math.Min(10, parts[1].Length)] : "local";
        return $"AdintAudit version {parts[0]} (build {build})";
    }
}
