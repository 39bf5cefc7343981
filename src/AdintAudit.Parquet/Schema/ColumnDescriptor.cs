using AdintAudit.Parquet.Metadata;

namespace AdintAudit.Parquet.Schema;

/// <summary>A leaf column: its path, types and maximum levels.</summary>
public sealed class ColumnDescriptor
{
    internal ColumnDescriptor(SchemaNode node, int index, IReadOnlyList<string> path)
    {
        Node = node;
        Index = index;
        Path = path;
    }

    /// <summary>The leaf node in the schema tree.</summary>
    public SchemaNode Node { get; }

    /// <summary>0-based position among the leaf columns (the column chunk index in each row group).</summary>
    public int Index { get; }

    /// <summary>Field names from the top-level field down to this leaf.</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary>The path joined with dots.</summary>
    public string DottedPath => string.Join('.', Path);

    /// <summary>The footer's schema element.</summary>
    public SchemaElement Element => Node.Element;

    /// <summary>Physical type of the stored values.</summary>
    public PhysicalType PhysicalType => Node.Element.Type!.Value;

    /// <summary>Bytes per value of a FIXED_LEN_BYTE_ARRAY column; 0 otherwise.</summary>
    public int TypeLength => Node.Element.TypeLength ?? 0;

    /// <summary>Maximum definition level (0 for a required top-level column).</summary>
    public int MaxDefinitionLevel => Node.MaxDefinitionLevel;

    /// <summary>Maximum repetition level (0 unless the column is inside a repeated field).</summary>
    public int MaxRepetitionLevel => Node.MaxRepetitionLevel;

    /// <summary>Whether the column is a top-level, non-repeated field (one value or null per row).</summary>
    public bool IsFlat => Path.Count == 1 && MaxRepetitionLevel == 0;

    /// <summary>Logical type annotation, if any.</summary>
    public LogicalType? LogicalType => Node.Element.LogicalType;

    /// <summary>Legacy converted type annotation, if any.</summary>
    public ConvertedType? ConvertedType => Node.Element.ConvertedType;

    /// <inheritdoc />
    public override string ToString() => DottedPath;
}
