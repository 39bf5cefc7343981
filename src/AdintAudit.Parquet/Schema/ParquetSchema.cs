using AdintAudit.Parquet.Metadata;

namespace AdintAudit.Parquet.Schema;

/// <summary>The schema tree built from the footer's flattened schema elements.</summary>
public sealed class ParquetSchema
{
    private const int MaxNesting = 100;

    private ParquetSchema(SchemaNode root, IReadOnlyList<ColumnDescriptor> columns)
    {
        Root = root;
        Columns = columns;
    }

    /// <summary>The root group.</summary>
    public SchemaNode Root { get; }

    /// <summary>Leaf columns in file order.</summary>
    public IReadOnlyList<ColumnDescriptor> Columns { get; }

    /// <summary>The top-level fields (children of the root).</summary>
    public IReadOnlyList<SchemaNode> Fields => Root.Children;

    /// <summary>Finds a top-level flat column by name (ordinal comparison).</summary>
    /// <param name="name">Column name.</param>
    /// <returns>The column, or null if there is none by that name.</returns>
    public ColumnDescriptor? FindColumn(string name)
    {
        foreach (ColumnDescriptor column in Columns)
        {
            if (column.Path.Count == 1 && string.Equals(column.Path[0], name, StringComparison.Ordinal))
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>Builds the tree from the depth-first list of elements.</summary>
    /// <exception cref="ParquetFormatException">The element list does not form a valid tree.</exception>
    public static ParquetSchema Build(IList<SchemaElement> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.Count == 0)
        {
            throw new ParquetFormatException("schema is empty");
        }

        var root = new SchemaNode(elements[0], null, 0, 0);
        var columns = new List<ColumnDescriptor>();
        int next = 1;
        int rootChildren = elements[0].NumChildren ?? 0;
        if (rootChildren < 0)
        {
            throw new ParquetFormatException("schema root has a negative number of children");
        }

        AddChildren(root, rootChildren, elements, ref next, columns, depth: 1);
        if (next != elements.Count)
        {
            throw new ParquetFormatException($"schema has {elements.Count - next} elements outside the tree");
        }

        return new ParquetSchema(root, columns);
    }

    private static void AddChildren(SchemaNode parent, int count, IList<SchemaElement> elements, ref int next,
        List<ColumnDescriptor> columns, int depth)
    {
        if (depth > MaxNesting)
        {
            throw new ParquetFormatException($"schema nests deeper than {MaxNesting} levels");
        }

        for (int i = 0; i < count; i++)
        {
            if (next >= elements.Count)
            {
                throw new ParquetFormatException("schema declares more children than it has elements");
            }

            SchemaElement element = elements[next++];
            FieldRepetition repetition = element.Repetition ?? FieldRepetition.Optional;
            int definition = parent.MaxDefinitionLevel + (repetition == FieldRepetition.Required ? 0 : 1);
            int repetitionLevel = parent.MaxRepetitionLevel + (repetition == FieldRepetition.Repeated ? 1 : 0);
            var node = new SchemaNode(element, parent, definition, repetitionLevel);
            parent.AddChild(node);
            int children = element.NumChildren ?? 0;
            if (children < 0)
            {
                throw new ParquetFormatException($"schema element '{element.Name}' has a negative number of children");
            }

            if (children > 0)
            {
                AddChildren(node, children, elements, ref next, columns, depth + 1);
            }
            else
            {
                if (element.Type is null)
                {
                    throw new ParquetFormatException($"schema leaf '{element.Name}' has no physical type");
                }

                if (element.Type == PhysicalType.FixedLenByteArray && element.TypeLength is not > 0)
                {
                    throw new ParquetFormatException($"FIXED_LEN_BYTE_ARRAY column '{element.Name}' has no valid type length");
                }

                var path = new List<string>();
                for (SchemaNode? n = node; n?.Parent is not null; n = n.Parent)
                {
                    path.Insert(0, n.Name);
                }

                var column = new ColumnDescriptor(node, columns.Count, path);
                node.Column = column;
                columns.Add(column);
            }
        }
    }
}
