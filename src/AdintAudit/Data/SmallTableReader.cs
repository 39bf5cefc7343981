using System.Globalization;
using System.Text;
using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Reading;

namespace AdintAudit.Data;

/// <summary>Reads named columns of a small CSV or Parquet table as text (numbers in invariant culture; null as null).</summary>
/// <remarks>For result and truth tables (one row per device), not for pings.</remarks>
public static class SmallTableReader
{
    /// <summary>Reads the columns <paramref name="names"/> (case-insensitive); an absent optional column gives null.</summary>
    /// <param name="path">A .csv or .parquet file.</param>
    /// <param name="names">Column names wanted.</param>
    /// <param name="required">How many of the first names are required.</param>
    /// <returns>One array per name (null when absent), each with one entry per row.</returns>
    /// <exception cref="InputFormatException">A required column is missing or the file is malformed.</exception>
    public static string?[]?[] Read(string path, IReadOnlyList<string> names, int required)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(names);
        return string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase)
            ? ReadCsv(path, names, required)
            : ReadParquet(path, names, required);
    }

    private static int[] Resolve(List<string> found, IReadOnlyList<string> names, int required)
    {
        var at = new int[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            at[i] = -1;
            for (int c = 0; c < found.Count; c++)
            {
                if (string.Equals(found[c], names[i], StringComparison.OrdinalIgnoreCase))
                {
                    at[i] = c;
                    break;
                }
            }

            if (at[i] < 0 && i < required)
            {
                throw new InputFormatException($"missing required column {names[i]} (columns found: {string.Join(", ", found)})");
            }
        }

        return at;
    }

    private static string?[]?[] ReadCsv(string path, IReadOnlyList<string> names, int required)
    {
        using var text = new StreamReader(path, new UTF8Encoding(false, true));
        var csv = new CsvReader(text);
        if (!csv.Read())
        {
            throw new InputFormatException("the file is empty (a header line is needed)");
        }

        var header = new List<string>();
        for (int c = 0; c < csv.FieldCount; c++)
        {
            header.Add(csv.GetString(c) ?? string.Empty);
        }

        int[] at = Resolve(header, names, required);
        var columns = names.Select(_ => new List<string?>()).ToArray();
        while (csv.Read())
        {
            for (int i = 0; i < names.Count; i++)
            {
                columns[i].Add(at[i] >= 0 && at[i] < csv.FieldCount ? csv.GetString(at[i]) : null);
            }
        }

        return [.. columns.Select((c, i) => at[i] < 0 ? null : c.ToArray())];
    }

    private static string?[]?[] ReadParquet(string path, IReadOnlyList<string> names, int required)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(path);
        var flat = reader.Schema.Columns.Where(c => c.IsFlat).ToList();
        int[] at = Resolve([.. flat.Select(c => c.Path[0])], names, required);
        var columns = names.Select(_ => new List<string?>()).ToArray();
        for (int rg = 0; rg < reader.RowGroupCount; rg++)
        {
            int rows = checked((int)reader.GetRowCount(rg));
            for (int i = 0; i < names.Count; i++)
            {
                if (at[i] >= 0)
                {
                    AppendText(reader.ReadColumn(rg, flat[at[i]]), rows, columns[i]);
                }
            }
        }

        return [.. columns.Select((c, i) => at[i] < 0 ? null : c.ToArray())];
    }

    private static void AppendText(ColumnData data, int rows, List<string?> output)
    {
        ReadOnlySpan<byte> levels = data.DefinitionLevels;
        int max = data.Column.MaxDefinitionLevel;
        CultureInfo invariant = CultureInfo.InvariantCulture;
        int v = 0;
        for (int i = 0; i < rows; i++)
        {
            if (!levels.IsEmpty && levels[i] != max)
            {
                output.Add(null);
                continue;
            }

            output.Add(data.Column.PhysicalType switch
            {
                PhysicalType.Double => data.GetValues<double>()[v].ToString("R", invariant),
                PhysicalType.Float => data.GetValues<float>()[v].ToString("R", invariant),
                PhysicalType.Int32 => data.GetValues<int>()[v].ToString(invariant),
                PhysicalType.Int64 => data.GetValues<long>()[v].ToString(invariant),
                PhysicalType.Boolean => data.FixedValues[v] != 0 ? "true" : "false",
                _ => Encoding.UTF8.GetString(data.GetBytes(v)),
            });
            v++;
        }
    }
}
