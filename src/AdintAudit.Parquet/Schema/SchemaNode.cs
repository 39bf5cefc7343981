using AdintAudit.Parquet.Metadata;

namespace AdintAudit.Parquet.Schema;

/// <summary>A field of the schema tree: a group with children, or a leaf column.</summary>
public sealed class SchemaNode
{
    private readonly List<SchemaNode> _children = [];

    internal SchemaNode(SchemaElement element, SchemaNode? parent, int maxDefinitionLevel, int maxRepetitionLevel)
    {
        Element = element;
        Parent = parent;
        MaxDefinitionLevel = maxDefinitionLevel;
        MaxRepetitionLevel = maxRepetitionLevel;
    }

    /// <summary>Field name.</summary>
    public string Name => Element.Name;

    /// <summary>The footer's schema element for this field.</summary>
    public SchemaElement Element { get; }

    /// <summary>The enclosing group; null for the root.</summary>
    public SchemaNode? Parent { get; }

    /// <summary>Child fields in file order (empty for leaves).</summary>
    public IReadOnlyList<SchemaNode> Children => _children;

    /// <summary>Whether this is a leaf (a column with values).</summary>
    public bool IsLeaf => Element.Type is not null && Element.NumChildren is null or 0;

    /// <summary>Repetition of the field (the root counts as required).</summary>
    public FieldRepetition Repetition => Parent is null ? FieldRepetition.Required : Element.Repetition ?? FieldRepetition.Required;

    /// <summary>Definition level at which this field is present (counts optional and repeated ancestors, itself included).</summary>
    public int MaxDefinitionLevel { get; }

    /// <summary>Number of repeated fields among this field and its ancestors.</summary>
    public int MaxRepetitionLevel { get; }

    /// <summary>The leaf column, for leaves.</summary>
    public ColumnDescriptor? Column { get; internal set; }

    internal void AddChild(SchemaNode child) => _children.Add(child);
}
