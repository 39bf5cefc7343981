namespace AdintAudit.Parquet.Metadata;

/// <summary>The file footer: schema, row groups and key-value metadata.</summary>
public sealed class FileMetaData
{
    /// <summary>Format version the writer claims (1 or 2).</summary>
    public int Version { get; set; }

    /// <summary>Schema elements, depth first, the root first.</summary>
    public IList<SchemaElement> Schema { get; set; } = [];

    /// <summary>Total rows in the file.</summary>
    public long NumRows { get; set; }

    /// <summary>Row groups in file order.</summary>
    public IList<RowGroup> RowGroups { get; set; } = [];

    /// <summary>File-level key-value metadata.</summary>
    public IList<KeyValue> KeyValueMetadata { get; set; } = [];

    /// <summary>Writer identification, such as <c>parquet-cpp-arrow version 15.0.0</c>.</summary>
    public string? CreatedBy { get; set; }

    /// <summary>Whether the footer declares an encryption algorithm (plaintext footer of an encrypted file).</summary>
    public bool HasEncryptionAlgorithm { get; set; }
}
