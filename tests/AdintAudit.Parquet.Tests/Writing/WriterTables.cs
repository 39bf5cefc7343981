using System.Buffers.Binary;
using System.Text;
using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Writing;

namespace AdintAudit.Parquet.Tests.Writing;

/// <summary>Column kinds the round-trip tests generate.</summary>
internal enum TestKind
{
    Int32,
    Int64,
    Float,
    Double,
    Boolean,
    String,
    TimestampMillis,
    TimestampMicros,
    Date,
}

/// <summary>A table held as boxed values per column (test code only), written with the writer and read back with the reader.</summary>
internal sealed record TestTable(TestKind[] Kinds, bool[] Required, object?[][] Columns, int Rows)
{
    public WriterSchema Schema()
    {
        var columns = new WriterColumn[Kinds.Length];
        for (int c = 0; c < Kinds.Length; c++)
        {
            string name = $"c{c}_{Kinds[c]}";
            bool required = Required[c];
            columns[c] = Kinds[c] switch
            {
                TestKind.Int32 => WriterColumn.Int32(name, required),
                TestKind.Int64 => WriterColumn.Int64(name, required),
                TestKind.Float => WriterColumn.Float(name, required),
                TestKind.Double => WriterColumn.Double(name, required),
                TestKind.Boolean => WriterColumn.Boolean(name, required),
                TestKind.String => WriterColumn.String(name, required),
                TestKind.TimestampMillis => WriterColumn.Timestamp(name, TimeUnit.Millis, true, required),
                TestKind.TimestampMicros => WriterColumn.Timestamp(name, TimeUnit.Micros, true, required),
                _ => WriterColumn.Date(name, required),
            };
        }

        return new WriterSchema(columns);
    }

    /// <summary>Writes the table in row groups of at most <see cref="ParquetWriterOptions.RowGroupSize"/> rows.</summary>
    public byte[] Write(ParquetWriterOptions options)
    {
        using var stream = new MemoryStream();
        using (var writer = new ParquetFileWriter(stream, Schema(), options, leaveOpen: true))
        {
            for (int start = 0; start < Rows || (start == 0 && Rows == 0); start += options.RowGroupSize)
            {
                int count = Math.Min(options.RowGroupSize, Rows - start);
                writer.BeginRowGroup(count);
                for (int c = 0; c < Kinds.Length; c++)
                {
                    WriteColumn(writer, c, start, count);
                }

                writer.EndRowGroup();
                if (Rows == 0)
                {
                    break;
                }
            }

            writer.Complete();
        }

        return stream.ToArray();
    }

    /// <summary>Reads a file back into boxed values per column (all row groups concatenated).</summary>
    public static object?[][] Read(byte[] file, out ParquetFileReader reader)
    {
        reader = ParquetFileReader.Open(file);
        var columns = new List<object?>[reader.Schema.Columns.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            columns[c] = [];
        }

        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            for (int c = 0; c < columns.Length; c++)
            {
                ColumnData data = reader.ReadColumn(g, reader.Schema.Columns[c]);
                ReadOnlySpan<byte> definition = data.DefinitionLevels;
                int v = 0;
                for (int r = 0; r < data.LevelCount; r++)
                {
                    if (!definition.IsEmpty && definition[r] == 0)
                    {
                        columns[c].Add(null);
                        continue;
                    }

                    ReadOnlySpan<byte> bytes = data.GetBytes(v++);
                    columns[c].Add(data.Column.PhysicalType switch
                    {
                        PhysicalType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(bytes),
                        PhysicalType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(bytes),
                        PhysicalType.Float => BinaryPrimitives.ReadSingleLittleEndian(bytes),
                        PhysicalType.Double => BinaryPrimitives.ReadDoubleLittleEndian(bytes),
                        PhysicalType.Boolean => bytes[0] != 0,
                        _ => Encoding.UTF8.GetString(bytes),
                    });
                }
            }
        }

        return [.. columns.Select(list => list.ToArray())];
    }

    /// <summary>Whether two boxed values are the same (floating point compared by bits, so NaN and -0 count).</summary>
    public static bool Same(object? want, object? got) => (want, got) switch
    {
        (null, null) => true,
        (double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b),
        (float a, float b) => BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b),
        _ => Equals(want, got),
    };

    private void WriteColumn(ParquetFileWriter writer, int c, int start, int count)
    {
        object?[] values = Columns[c].AsSpan(start, count).ToArray();
        bool[] nulls = [.. values.Select(v => v is null)];
        switch (Kinds[c])
        {
            case TestKind.Int32 or TestKind.Date:
                writer.WriteInt32([.. values.Select(v => v is int x ? x : 12345)], nulls);
                break;
            case TestKind.Int64 or TestKind.TimestampMillis or TestKind.TimestampMicros:
                writer.WriteInt64([.. values.Select(v => v is long x ? x : -1L)], nulls);
                break;
            case TestKind.Float:
                writer.WriteFloat([.. values.Select(v => v is float x ? x : float.NaN)], nulls);
                break;
            case TestKind.Double:
                writer.WriteDouble([.. values.Select(v => v is double x ? x : 99.5)], nulls);
                break;
            case TestKind.Boolean:
                writer.WriteBoolean([.. values.Select(v => v is true)], nulls);
                break;
            default:
                writer.WriteStrings([.. values.Cast<string?>()]);
                break;
        }
    }
}
