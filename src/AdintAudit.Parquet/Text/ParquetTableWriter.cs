using System.Text;
using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Schema;

namespace AdintAudit.Parquet.Text;

/// <summary>
/// Writes the rows of a Parquet file as text, one row group at a time, decoding only the selected top-level fields.
/// </summary>
public static class ParquetTableWriter
{
    /// <summary>Writes rows to <paramref name="output"/>.</summary>
    /// <param name="reader">An open file.</param>
    /// <param name="output">Receives the text.</param>
    /// <param name="format">CSV or JSON lines.</param>
    /// <param name="fields">Top-level field names to write, in this order; null for all.</param>
    /// <param name="limit">Maximum rows to write; null for all.</param>
    /// <param name="cancellationToken">Stops between row groups and rows.</param>
    /// <returns>Rows written.</returns>
    /// <exception cref="ArgumentException">A requested field does not exist.</exception>
    /// <exception cref="ParquetFormatException">The file is corrupt.</exception>
    public static long Write(ParquetFileReader reader, TextWriter output, TableTextFormat format,
        IReadOnlyList<string>? fields = null, long? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        List<SchemaNode> selected = SelectFields(reader.Schema, fields);
        var leaves = new List<ColumnDescriptor>();
        foreach (SchemaNode field in selected)
        {
            CollectLeaves(field, leaves);
        }

        if (format == TableTextFormat.Csv)
        {
            var header = new StringBuilder();
            for (int f = 0; f < selected.Count; f++)
            {
                if (f > 0)
                {
                    header.Append(',');
                }

                AppendCsvField(header, selected[f].Name);
            }

            output.Write(header.Append("\r\n").ToString());
        }

        long written = 0;
        long maxRows = limit ?? long.MaxValue;
        var line = new StringBuilder();
        for (int g = 0; g < reader.RowGroupCount && written < maxRows; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var data = new Dictionary<ColumnDescriptor, ColumnData>();
            foreach (ColumnDescriptor leaf in leaves)
            {
                data[leaf] = reader.ReadColumn(g, leaf);
            }

            var cursors = new FieldCursor[selected.Count];
            for (int f = 0; f < selected.Count; f++)
            {
                cursors[f] = new FieldCursor(selected[f], data);
            }

            long rows = reader.GetRowCount(g);
            for (long r = 0; r < rows && written < maxRows; r++)
            {
                if ((r & 0xFFFF) == 0xFFFF)
                {
                    cancellationToken.ThrowIfCancellationRequested(); // a row group can hold millions of rows
                }

                line.Clear();
                if (format == TableTextFormat.Csv)
                {
                    WriteCsvRow(cursors, line);
                }
                else
                {
                    WriteJsonRow(selected, cursors, line);
                }

                output.Write(line.ToString());
                written++;
            }
        }

        return written;
    }

    /// <summary>Appends a CSV field: quoted when it holds a comma, quote, CR or LF; the empty string as <c>""</c>.</summary>
    internal static void AppendCsvField(StringBuilder builder, string value)
    {
        if (value.Length == 0)
        {
            builder.Append("\"\"");
        }
        else if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            builder.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            builder.Append(value);
        }
    }

    private static void WriteCsvRow(FieldCursor[] cursors, StringBuilder line)
    {
        for (int f = 0; f < cursors.Length; f++)
        {
            if (f > 0)
            {
                line.Append(',');
            }

            string? text = cursors[f].Next(out _);
            if (text is not null)
            {
                AppendCsvField(line, text);
            }
        }

        line.Append("\r\n");
    }

    private static void WriteJsonRow(List<SchemaNode> fields, FieldCursor[] cursors, StringBuilder line)
    {
        line.Append('{');
        for (int f = 0; f < cursors.Length; f++)
        {
            if (f > 0)
            {
                line.Append(',');
            }

            JsonText.AppendString(line, fields[f].Name);
            line.Append(':');
            string? text = cursors[f].Next(out JsonShape shape);
            if (text is null)
            {
                line.Append("null");
            }
            else if (shape == JsonShape.Raw)
            {
                line.Append(text);
            }
            else
            {
                JsonText.AppendString(line, text);
            }
        }

        line.Append("}\n");
    }

    private static List<SchemaNode> SelectFields(ParquetSchema schema, IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return [.. schema.Fields];
        }

        var result = new List<SchemaNode>(names.Count);
        foreach (string name in names)
        {
            SchemaNode? match = null;
            foreach (SchemaNode field in schema.Fields)
            {
                if (string.Equals(field.Name, name, StringComparison.Ordinal))
                {
                    match = field;
                    break;
                }
            }

            if (match is null)
            {
                var available = new StringBuilder();
                foreach (SchemaNode field in schema.Fields)
                {
                    available.Append(available.Length > 0 ? ", " : string.Empty).Append(field.Name);
                }

                throw new ArgumentException($"no column '{name}' (columns: {available})", nameof(names));
            }

            result.Add(match);
        }

        return result;
    }

    private static void CollectLeaves(SchemaNode node, List<ColumnDescriptor> leaves)
    {
        if (node.IsLeaf)
        {
            leaves.Add(node.Column!); // leaves always carry their descriptor
            return;
        }

        foreach (SchemaNode child in node.Children)
        {
            CollectLeaves(child, leaves);
        }
    }

    private enum JsonShape
    {
        Text,
        Raw,
    }

    /// <summary>Produces one top-level field's text row by row.</summary>
    private sealed class FieldCursor
    {
        private readonly ColumnData? _flat;
        private readonly NestedFieldRenderer? _nested;
        private readonly ValueKind _kind;
        private readonly bool _numeric;
        private int _entry;
        private int _value;

        public FieldCursor(SchemaNode field, IReadOnlyDictionary<ColumnDescriptor, ColumnData> data)
        {
            if (field.IsLeaf && field.Column!.IsFlat)
            {
                _flat = data[field.Column];
                _kind = ValueFormatter.KindOf(field.Column);
                _numeric = _kind is ValueKind.Int or ValueKind.UInt or ValueKind.TimestampRaw or ValueKind.DateRaw
                    or ValueKind.TimeRaw or ValueKind.Int96EpochNanoseconds or ValueKind.Bool;
            }
            else
            {
                _nested = new NestedFieldRenderer(field, data);
            }
        }

        public string? Next(out JsonShape shape)
        {
            if (_nested is not null)
            {
                shape = JsonShape.Raw;
                return _nested.Next();
            }

            ColumnData data = _flat!; // one of the two is always set
            int entry = _entry++;
            if (entry >= data.LevelCount)
            {
                throw new ParquetFormatException($"column '{data.Column.DottedPath}' has fewer values than its row group has rows");
            }

            ReadOnlySpan<byte> definition = data.DefinitionLevels;
            if (!definition.IsEmpty && definition[entry] < data.Column.MaxDefinitionLevel)
            {
                shape = JsonShape.Text;
                return null;
            }

            string text = ValueFormatter.Format(data, _value++, _kind);
            bool finite = _kind is ValueKind.Double or ValueKind.Float or ValueKind.Float16
                && text is not ("NaN" or "Infinity" or "-Infinity");
            shape = _numeric || finite ? JsonShape.Raw : JsonShape.Text;
            return text;
        }
    }
}
