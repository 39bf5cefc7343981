using System.Text;
using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Schema;

namespace AdintAudit.Parquet.Text;

/// <summary>
/// Reassembles a nested or repeated top-level field from its leaves' repetition and definition levels (Dremel record
/// assembly) and writes each record as compact JSON: lists as arrays, structs as objects, maps as arrays of
/// <c>{"key":…,"value":…}</c>, every leaf as a JSON string of its text (or null).
/// </summary>
internal sealed class NestedFieldRenderer
{
    private readonly SchemaNode _field;
    private readonly LeafState[] _leaves;
    private readonly Dictionary<SchemaNode, int[]> _leafSlotsByNode = [];
    private int _record;

    public NestedFieldRenderer(SchemaNode field, IReadOnlyDictionary<ColumnDescriptor, ColumnData> data)
    {
        _field = field;
        var leaves = new List<LeafState>();
        CollectLeaves(field, data, leaves);
        _leaves = [.. leaves];
    }

    /// <summary>Renders the next record; returns null when the top-level field itself is null.</summary>
    public string? Next()
    {
        var ranges = new Range[_leaves.Length];
        for (int i = 0; i < _leaves.Length; i++)
        {
            LeafState leaf = _leaves[i];
            if (_record + 1 >= leaf.RecordStarts.Length)
            {
                throw new ParquetFormatException($"column '{leaf.Data.Column.DottedPath}' has fewer records than its row group");
            }

            ranges[i] = new Range(leaf.RecordStarts[_record], leaf.RecordStarts[_record + 1]);
        }

        _record++;
        LeafState first = _leaves[0];
        if (_field.Repetition != FieldRepetition.Repeated && first.Definition(ranges[0].Start) < _field.MaxDefinitionLevel)
        {
            return null;
        }

        var builder = new StringBuilder();
        WriteNode(_field, ranges, builder);
        return builder.ToString();
    }

    private void CollectLeaves(SchemaNode node, IReadOnlyDictionary<ColumnDescriptor, ColumnData> data, List<LeafState> leaves)
    {
        int start = leaves.Count;
        if (node.IsLeaf)
        {
            leaves.Add(new LeafState(data[node.Column!])); // every leaf has a descriptor
        }
        else
        {
            foreach (SchemaNode child in node.Children)
            {
                CollectLeaves(child, data, leaves);
            }
        }

        int[] slots = new int[leaves.Count - start];
        for (int i = 0; i < slots.Length; i++)
        {
            slots[i] = start + i;
        }

        _leafSlotsByNode[node] = slots;
    }

    private void WriteNode(SchemaNode node, Range[] ranges, StringBuilder builder)
    {
        if (node.Repetition == FieldRepetition.Repeated)
        {
            WriteRepeated(node, ranges, builder, WriteInstance);
        }
        else
        {
            WriteInstance(node, ranges, builder);
        }
    }

    private void WriteInstance(SchemaNode node, Range[] ranges, StringBuilder builder)
    {
        int[] slots = _leafSlotsByNode[node];
        LeafState first = _leaves[slots[0]];
        int entry = ranges[slots[0]].Start;
        if (first.Definition(entry) < node.MaxDefinitionLevel)
        {
            builder.Append("null");
            return;
        }

        if (node.IsLeaf)
        {
            ColumnData data = first.Data;
            JsonText.AppendString(builder, ValueFormatter.Format(data, first.ValueIndexAt(entry), first.Kind));
            return;
        }

        if (IsList(node))
        {
            SchemaNode repeated = node.Children[0];
            bool threeLevel = !repeated.IsLeaf && repeated.Children.Count == 1
                && repeated.Name != "array" && !repeated.Name.EndsWith("_tuple", StringComparison.Ordinal);
            WriteRepeated(repeated, ranges, builder, threeLevel
                ? (element, elementRanges, target) => WriteNode(element.Children[0], elementRanges, target)
                : WriteInstance);
            return;
        }

        if (IsMap(node))
        {
            WriteRepeated(node.Children[0], ranges, builder, (entryNode, entryRanges, target) =>
            {
                target.Append("{\"key\":");
                WriteNode(entryNode.Children[0], entryRanges, target);
                target.Append(",\"value\":");
                if (entryNode.Children.Count > 1)
                {
                    WriteNode(entryNode.Children[1], entryRanges, target);
                }
                else
                {
                    target.Append("null");
                }

                target.Append('}');
            });
            return;
        }

        builder.Append('{');
        for (int c = 0; c < node.Children.Count; c++)
        {
            if (c > 0)
            {
                builder.Append(',');
            }

            JsonText.AppendString(builder, node.Children[c].Name);
            builder.Append(':');
            WriteNode(node.Children[c], ranges, builder);
        }

        builder.Append('}');
    }

    private void WriteRepeated(SchemaNode node, Range[] ranges, StringBuilder builder, Action<SchemaNode, Range[], StringBuilder> writeElement)
    {
        int[] slots = _leafSlotsByNode[node];
        LeafState first = _leaves[slots[0]];
        Range firstRange = ranges[slots[0]];
        if (first.Definition(firstRange.Start) < node.MaxDefinitionLevel)
        {
            builder.Append("[]");
            return;
        }

        // Each element starts at an entry whose repetition level is at most this node's; split every leaf alike.
        int level = node.MaxRepetitionLevel;
        var cursors = new int[slots.Length];
        for (int s = 0; s < slots.Length; s++)
        {
            cursors[s] = ranges[slots[s]].Start;
        }

        builder.Append('[');
        bool firstElement = true;
        while (cursors[0] < ranges[slots[0]].End)
        {
            var elementRanges = (Range[])ranges.Clone();
            for (int s = 0; s < slots.Length; s++)
            {
                LeafState leaf = _leaves[slots[s]];
                int end = ranges[slots[s]].End;
                int start = cursors[s];
                if (start >= end)
                {
                    throw new ParquetFormatException($"column '{leaf.Data.Column.DottedPath}' has inconsistent repetition levels");
                }

                int next = start + 1;
                while (next < end && leaf.Repetition(next) > level)
                {
                    next++;
                }

                elementRanges[slots[s]] = new Range(start, next);
                cursors[s] = next;
            }

            if (!firstElement)
            {
                builder.Append(',');
            }

            firstElement = false;
            writeElement(node, elementRanges, builder);
        }

        builder.Append(']');
    }

    private static bool IsList(SchemaNode node) =>
        node.Children.Count == 1 && node.Children[0].Repetition == FieldRepetition.Repeated
        && (node.Element.ConvertedType == ConvertedType.List || node.Element.LogicalType?.Kind == LogicalTypeKind.List);

    private static bool IsMap(SchemaNode node) =>
        node.Children.Count == 1 && node.Children[0].Repetition == FieldRepetition.Repeated && !node.Children[0].IsLeaf
        && (node.Element.ConvertedType is ConvertedType.Map or ConvertedType.MapKeyValue
            || node.Element.LogicalType?.Kind == LogicalTypeKind.Map);

    private readonly record struct Range(int Start, int End);

    /// <summary>A leaf's levels with precomputed record starts and entry-to-value indices.</summary>
    private sealed class LeafState
    {
        private readonly int[] _valueIndex;

        public LeafState(ColumnData data)
        {
            Data = data;
            Kind = ValueFormatter.KindOf(data.Column);
            int count = data.LevelCount;
            _valueIndex = new int[count];
            ReadOnlySpan<byte> definition = data.DefinitionLevels;
            ReadOnlySpan<byte> repetition = data.RepetitionLevels;
            int max = data.Column.MaxDefinitionLevel;
            int values = 0;
            var starts = new List<int>();
            for (int i = 0; i < count; i++)
            {
                _valueIndex[i] = values;
                if (max == 0 || definition[i] == max)
                {
                    values++;
                }

                if (repetition.IsEmpty || repetition[i] == 0)
                {
                    starts.Add(i);
                }
            }

            starts.Add(count);
            RecordStarts = [.. starts];
        }

        public ColumnData Data { get; }

        public ValueKind Kind { get; }

        public int[] RecordStarts { get; }

        public int Definition(int entry) => Data.Column.MaxDefinitionLevel == 0 ? 0 : Data.DefinitionLevels[entry];

        public int Repetition(int entry) => Data.Column.MaxRepetitionLevel == 0 ? 0 : Data.RepetitionLevels[entry];

        public int ValueIndexAt(int entry) => _valueIndex[entry];
    }
}
