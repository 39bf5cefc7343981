using System.Globalization;
using System.Text;
using AdintAudit.Parquet.Writing;

namespace AdintAudit.Data;

/// <summary>One column of a result table to write: strings, doubles (NaN = empty/null) or 64-bit integers.</summary>
public sealed class OutputColumn
{
    private OutputColumn(string name, IReadOnlyList<string>? strings, double[]? doubles, long[]? longs)
    {
        Name = name;
        Strings = strings;
        Doubles = doubles;
        Longs = longs;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Strings?.Count ?? Doubles?.Length ?? Longs!.Length;

    internal IReadOnlyList<string>? Strings { get; }

    internal double[]? Doubles { get; }

    internal long[]? Longs { get; }

    /// <summary>Creates a text column.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">One value per row.</param>
    public static OutputColumn Text(string name, IReadOnlyList<string> values) => new(name, values, null, null);

    /// <summary>Creates a double column; NaN is written as an empty CSV field or a Parquet null.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">One value per row.</param>
    public static OutputColumn Real(string name, double[] values) => new(name, null, values, null);

    /// <summary>Creates a 64-bit integer column.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">One value per row.</param>
    public static OutputColumn Whole(string name, long[] values) => new(name, null, null, values);
}

/// <summary>Writes result tables as CSV or Parquet (by extension), atomically: a temporary file renamed when complete.</summary>
public static class TableOutput
{
    /// <summary>Writes <paramref name="columns"/> to <paramref name="path"/>.</summary>
    /// <param name="path">Output file: <c>.csv</c> or <c>.parquet</c>.</param>
    /// <param name="columns">Columns of equal length.</param>
    /// <param name="overwrite">Whether an existing file is replaced.</param>
    /// <exception cref="ArgumentException">The extension is unknown or the columns differ in length.</exception>
    /// <exception cref="OutputWriteException">The file exists (without <paramref name="overwrite"/>) or cannot be written.</exception>
    public static void Write(string path, IReadOnlyList<OutputColumn> columns, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columns);
        TableFormat format = TableConverter.FormatOfOutput(path);
        int rows = columns.Count == 0 ? 0 : columns[0].Count;
        if (columns.Any(c => c.Count != rows))
        {
            throw new ArgumentException("columns differ in length", nameof(columns));
        }

        string full = Path.GetFullPath(path);
        if (!overwrite && File.Exists(full))
        {
            throw new OutputWriteException("output exists; use --force to replace it");
        }

        string temporary = $"{full}.tmp-{Guid.NewGuid().ToString("N")[..8]}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                if (format == TableFormat.Csv)
                {
                    WriteCsv(stream, columns, rows);
                }
                else
                {
                    WriteParquet(stream, columns, rows);
                }
            }

            File.Move(temporary, full, overwrite);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new OutputWriteException($"cannot write the output: {ex.Message}", ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void WriteCsv(Stream stream, IReadOnlyList<OutputColumn> columns, int rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        writer.NewLine = "\n";
        writer.WriteLine(string.Join(',', columns.Select(c => Quote(c.Name))));
        var line = new StringBuilder();
        Span<char> number = stackalloc char[32];
        for (int r = 0; r < rows; r++)
        {
            line.Clear();
            for (int c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                {
                    line.Append(',');
                }

                OutputColumn column = columns[c];
                if (column.Strings is not null)
                {
                    line.Append(Quote(column.Strings[r]));
                }
                else if (column.Doubles is not null)
                {
                    double v = column.Doubles[r];
                    if (!double.IsNaN(v) && v.TryFormat(number, out int written, "R", CultureInfo.InvariantCulture))
                    {
                        line.Append(number[..written]);
                    }
                }
                else
                {
                    column.Longs![r].TryFormat(number, out int written, default, CultureInfo.InvariantCulture);
                    line.Append(number[..written]);
                }
            }

            writer.WriteLine(line);
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void WriteParquet(Stream stream, IReadOnlyList<OutputColumn> columns, int rows)
    {
        var schema = new WriterSchema(columns.Select(c => c.Strings is not null ? WriterColumn.String(c.Name, isRequired: true)
            : c.Doubles is not null ? WriterColumn.Double(c.Name) : WriterColumn.Int64(c.Name, isRequired: true)));
        using var writer = new ParquetFileWriter(stream, schema, leaveOpen: true);
        const int GroupRows = 1 << 20;
        bool[] nulls = new bool[Math.Min(rows, GroupRows)];
        for (int from = 0; from < rows || (from == 0 && rows == 0); from += GroupRows)
        {
            int count = Math.Min(GroupRows, rows - from);
            writer.BeginRowGroup(count);
            foreach (OutputColumn column in columns)
            {
                if (column.Strings is not null)
                {
                    string?[] slice = new string?[count];
                    for (int i = 0; i < count; i++)
                    {
                        slice[i] = column.Strings[from + i];
                    }

                    writer.WriteStrings(slice);
                }
                else if (column.Doubles is not null)
                {
                    ReadOnlySpan<double> values = column.Doubles.AsSpan(from, count);
                    for (int i = 0; i < count; i++)
                    {
                        nulls[i] = double.IsNaN(values[i]);
                    }

                    writer.WriteDouble(values, nulls.AsSpan(0, count));
                }
                else
                {
                    writer.WriteInt64(column.Longs.AsSpan(from, count));
                }
            }

            writer.EndRowGroup();
            if (rows == 0)
            {
                break;
            }
        }

        writer.Complete();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is harmless.
        }
    }
}
