namespace AdintAudit.Parquet.Metadata;

/// <summary>One node of the flattened (depth-first) schema in the file footer.</summary>
public sealed class SchemaElement
{
    /// <summary>Field name.</summary>
    public required string Name { get; set; }

    /// <summary>Physical type; null for groups.</summary>
    public PhysicalType? Type { get; set; }

    /// <summary>Byte length of FIXED_LEN_BYTE_ARRAY values.</summary>
    public int? TypeLength { get; set; }

    /// <summary>Repetition; null only for the root.</summary>
    public FieldRepetition? Repetition { get; set; }

    /// <summary>Number of children for a group; null for leaves.</summary>
    public int? NumChildren { get; set; }

    /// <summary>Legacy type annotation.</summary>
    public ConvertedType? ConvertedType { get; set; }

    /// <summary>Legacy DECIMAL scale.</summary>
    public int? Scale { get; set; }

    /// <summary>Legacy DECIMAL precision.</summary>
    public int? Precision { get; set; }

    /// <summary>Field id, when the writer assigned one.</summary>
    public int? FieldId { get; set; }

    /// <summary>Logical type annotation.</summary>
    public LogicalType? LogicalType { get; set; }
}
