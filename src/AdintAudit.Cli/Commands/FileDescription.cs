using System.Globalization;
using System.Text;
using System.Text.Json;
using AdintAudit.Parquet;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Schema;
using AdintAudit.Parquet.Text;

namespace AdintAudit.Cli.Commands;

/// <summary>Renders a file's metadata for <c>adint inspect</c>, as aligned text or JSON.</summary>
internal static class FileDescription
{
    private static readonly string[] s_schemaHeader = ["column", "physical", "logical / converted", "repetition", "max def", "max rep"];
    private static readonly string[] s_chunkHeader = ["column", "codec", "encodings", "values", "nulls", "compressed", "uncompressed", "min", "max"];

    public static string ToText(ParquetFileReader reader, string path, long size)
    {
        FileMetaData meta = reader.Metadata;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"file:           {path} ({size:N0} bytes)");
        text.AppendLine(CultureInfo.InvariantCulture, $"created by:     {meta.CreatedBy ?? "(unknown)"}");
        text.AppendLine(CultureInfo.InvariantCulture, $"format version: {meta.Version}");
        text.AppendLine(CultureInfo.InvariantCulture, $"rows:           {meta.NumRows:N0} in {meta.RowGroups.Count} row group(s)");
        foreach (KeyValue kv in meta.KeyValueMetadata)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"metadata:       {kv.Key} ({kv.Value?.Length ?? 0:N0} characters)");
        }

        text.AppendLine().AppendLine("schema:");
        var rows = new List<string[]> { s_schemaHeader };
        AddSchemaRows(reader.Schema.Root, 0, rows);
        AppendTable(text, rows, "  ");

        for (int g = 0; g < meta.RowGroups.Count; g++)
        {
            RowGroup group = meta.RowGroups[g];
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture,
                $"row group {g}: {group.NumRows:N0} rows, {group.TotalByteSize:N0} bytes uncompressed");
            var chunkRows = new List<string[]> { s_chunkHeader };
            foreach (ColumnDescriptor column in reader.Schema.Columns)
            {
                ColumnMetaData? chunk = group.Columns[column.Index].MetaData;
                if (chunk is null)
                {
                    chunkRows.Add([column.DottedPath, "(no metadata)", "", "", "", "", "", "", ""]);
                    continue;
                }

                chunkRows.Add(
                [
                    column.DottedPath,
                    ParquetNames.Of(chunk.Codec),
                    string.Join(',', chunk.Encodings.Select(ParquetNames.Of)),
                    chunk.NumValues.ToString("N0", CultureInfo.InvariantCulture),
                    chunk.Statistics?.NullCount?.ToString("N0", CultureInfo.InvariantCulture) ?? "",
                    chunk.TotalCompressedSize.ToString("N0", CultureInfo.InvariantCulture),
                    chunk.TotalUncompressedSize.ToString("N0", CultureInfo.InvariantCulture),
                    Bound(column, chunk.Statistics?.Min),
                    Bound(column, chunk.Statistics?.Max),
                ]);
            }

            AppendTable(text, chunkRows, "  ");
        }

        return text.ToString();
    }

    public static string ToJson(ParquetFileReader reader, string path, long size)
    {
        FileMetaData meta = reader.Metadata;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("file", path);
            json.WriteNumber("size_bytes", size);
            json.WriteString("created_by", meta.CreatedBy);
            json.WriteNumber("format_version", meta.Version);
            json.WriteNumber("num_rows", meta.NumRows);
            json.WriteNumber("num_row_groups", meta.RowGroups.Count);
            json.WriteStartObject("key_value_metadata");
            foreach (KeyValue kv in meta.KeyValueMetadata)
            {
                json.WriteString(kv.Key, kv.Value);
            }

            json.WriteEndObject();
            json.WriteStartArray("schema");
            WriteSchema(json, reader.Schema.Root);
            json.WriteEndArray();
            json.WriteStartArray("row_groups");
            foreach (RowGroup group in meta.RowGroups)
            {
                json.WriteStartObject();
                json.WriteNumber("num_rows", group.NumRows);
                json.WriteNumber("total_byte_size", group.TotalByteSize);
                json.WriteStartArray("columns");
                foreach (ColumnDescriptor column in reader.Schema.Columns)
                {
                    WriteChunk(json, column, group.Columns[column.Index]);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteSchema(Utf8JsonWriter json, SchemaNode node)
    {
        foreach (SchemaNode child in node.Children)
        {
            json.WriteStartObject();
            json.WriteString("path", PathOf(child));
            json.WriteString("repetition", child.Repetition.ToString().ToUpperInvariant());
            if (child.IsLeaf)
            {
                json.WriteString("physical_type", ParquetNames.Of(child.Element.Type!.Value));
                if (child.Element.TypeLength is int length && child.Element.Type == PhysicalType.FixedLenByteArray)
                {
                    json.WriteNumber("type_length", length);
                }
            }

            if (child.Element.LogicalType is LogicalType logical)
            {
                json.WriteString("logical_type", logical.ToString());
            }

            if (child.Element.ConvertedType is ConvertedType converted)
            {
                json.WriteString("converted_type", ParquetNames.Of(converted));
            }

            json.WriteNumber("max_definition_level", child.MaxDefinitionLevel);
            json.WriteNumber("max_repetition_level", child.MaxRepetitionLevel);
            json.WriteEndObject();
            WriteSchema(json, child);
        }
    }

    private static void WriteChunk(Utf8JsonWriter json, ColumnDescriptor column, ColumnChunk chunk)
    {
        json.WriteStartObject();
        json.WriteString("path", column.DottedPath);
        ColumnMetaData? meta = chunk.MetaData;
        if (meta is not null)
        {
            json.WriteString("physical_type", ParquetNames.Of(meta.Type));
            json.WriteString("codec", ParquetNames.Of(meta.Codec));
            json.WriteStartArray("encodings");
            foreach (ParquetEncoding encoding in meta.Encodings)
            {
                json.WriteStringValue(ParquetNames.Of(encoding));
            }

            json.WriteEndArray();
            json.WriteNumber("num_values", meta.NumValues);
            json.WriteNumber("total_compressed_size", meta.TotalCompressedSize);
            json.WriteNumber("total_uncompressed_size", meta.TotalUncompressedSize);
            json.WriteNumber("data_page_offset", meta.DataPageOffset);
            if (meta.DictionaryPageOffset is long dictionary)
            {
                json.WriteNumber("dictionary_page_offset", dictionary);
            }

            json.WriteBoolean("has_bloom_filter", meta.BloomFilterOffset is not null);
            json.WriteBoolean("has_column_index", chunk.ColumnIndexOffset is not null);
            json.WriteBoolean("has_offset_index", chunk.OffsetIndexOffset is not null);
            if (meta.Statistics is Statistics stats)
            {
                json.WriteStartObject("statistics");
                if (stats.NullCount is long nulls)
                {
                    json.WriteNumber("null_count", nulls);
                }

                if (stats.DistinctCount is long distinct)
                {
                    json.WriteNumber("distinct_count", distinct);
                }

                if (stats.Min is byte[] min)
                {
                    json.WriteString("min", Bound(column, min));
                }

                if (stats.Max is byte[] max)
                {
                    json.WriteString("max", Bound(column, max));
                }

                json.WriteEndObject();
            }
        }

        json.WriteEndObject();
    }

    private static string Bound(ColumnDescriptor column, byte[]? bytes)
    {
        if (bytes is null)
        {
            return "";
        }

        try
        {
            string text = ValueFormatter.FormatBytes(column, bytes, ValueFormatter.KindOf(column));
            return text.Length > 40 ? text[..37] + "..." : text;
        }
        catch (ParquetFormatException)
        {
            return "(invalid)";
        }
    }

    private static void AddSchemaRows(SchemaNode node, int depth, List<string[]> rows)
    {
        foreach (SchemaNode child in node.Children)
        {
            string annotation = child.Element.LogicalType?.ToString()
                ?? (child.Element.ConvertedType is ConvertedType c ? ParquetNames.Of(c) : "");
            rows.Add(
            [
                new string(' ', depth * 2) + child.Name,
                child.IsLeaf ? ParquetNames.Of(child.Element.Type!.Value) : "group",
                annotation,
                child.Repetition.ToString().ToLowerInvariant(),
                child.MaxDefinitionLevel.ToString(CultureInfo.InvariantCulture),
                child.MaxRepetitionLevel.ToString(CultureInfo.InvariantCulture),
            ]);
            AddSchemaRows(child, depth + 1, rows);
        }
    }

    private static void AppendTable(StringBuilder text, List<string[]> rows, string indent)
    {
        int[] widths = new int[rows[0].Length];
        foreach (string[] row in rows)
        {
            for (int c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        foreach (string[] row in rows)
        {
            var line = new StringBuilder(indent);
            for (int c = 0; c < row.Length; c++)
            {
                line.Append(row[c].PadRight(widths[c] + 2));
            }

            text.AppendLine(line.ToString().TrimEnd());
        }
    }

    private static string PathOf(SchemaNode node)
    {
        var parts = new List<string>();
        for (SchemaNode? n = node; n?.Parent is not null; n = n.Parent)
        {
            parts.Insert(0, n.Name);
        }

        return string.Join('.', parts);
    }
}
