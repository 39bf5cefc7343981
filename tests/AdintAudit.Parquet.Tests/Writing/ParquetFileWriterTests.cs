using System.Buffers.Binary;
using System.Text;
using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Writing;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Parquet.Tests.Writing;

public sealed class ParquetFileWriterTests
{
    private static readonly string[] s_words = ["", "a", "b", "ab", "café", "日本", "x,y", "\"q\"", "line\nbreak", "\u00ff", "zz"];

    [Fact]
    public void Write_randomTables_readBackEqual()
    {
        Gen<TestTable> tables =
            from columnCount in Gen.Choose(1, 5)
            from kinds in Gen.Elements(Enum.GetValues<TestKind>()).ArrayOf(columnCount)
            from required in Gen.Elements(true, false).ArrayOf(columnCount)
            from rows in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 300)))
            from columns in AllColumns(kinds, required, rows)
            select new TestTable(kinds, required, columns, rows);
        Gen<ParquetWriterOptions> options =
            from codec in Gen.Elements(CompressionCodec.Uncompressed, CompressionCodec.Snappy, CompressionCodec.Gzip)
            from rowGroup in Gen.Choose(1, 400)
            from page in Gen.Elements(1, 7, 64, 1000, 1 << 20)
            from dictionary in Gen.Elements(0, 10, 60, 1 << 20)
            from useDictionary in Gen.Elements(true, true, false)
            select new ParquetWriterOptions
            {
                Codec = codec,
                RowGroupSize = rowGroup,
                DataPageSizeBytes = page,
                DictionaryPageSizeLimitBytes = dictionary,
                UseDictionary = useDictionary,
            };

        Prop.ForAll(tables.ToArbitrary(), options.ToArbitrary(), RoundTrips).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Write_optionalStrings_keepNullsApartFromEmptyStrings()
    {
        var table = new TestTable([TestKind.String], [false], [["", null, "a", "", null]], 5);

        object?[][] read = TestTable.Read(table.Write(new ParquetWriterOptions()), out ParquetFileReader reader);

        using (reader)
        {
            Assert.Equal(["", null, "a", "", null], read[0]);
        }
    }

    [Fact]
    public void Write_statistics_haveMinMaxAndNullCount()
    {
        var table = new TestTable(
            [TestKind.Int64, TestKind.Double, TestKind.String, TestKind.Float],
            [false, false, false, false],
            [
                [5L, null, -3L, 9L],
                [double.NaN, 0.0, -2.5, null],
                ["b", "\u00e9", null, "a"],
                [float.NaN, float.NaN, null, null],
            ],
            4);

        using ParquetFileReader reader = ParquetFileReader.Open(table.Write(new ParquetWriterOptions()));

        IList<ColumnChunk> chunks = reader.Metadata.RowGroups[0].Columns;
        Statistics longs = chunks[0].MetaData!.Statistics!;
        Assert.Equal((1L, -3L, 9L), (longs.NullCount!.Value, BinaryPrimitives.ReadInt64LittleEndian(longs.MinValue), BinaryPrimitives.ReadInt64LittleEndian(longs.MaxValue)));
        Statistics doubles = chunks[1].MetaData!.Statistics!;
        Assert.Equal(-2.5, BinaryPrimitives.ReadDoubleLittleEndian(doubles.MinValue));
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(BinaryPrimitives.ReadDoubleLittleEndian(doubles.MaxValue)));
        Statistics strings = chunks[2].MetaData!.Statistics!;
        Assert.Equal("a", Encoding.UTF8.GetString(strings.MinValue!));
        Assert.Equal("\u00e9", Encoding.UTF8.GetString(strings.MaxValue!)); // unsigned bytes: 0xC3 > 'b'
        Statistics floats = chunks[3].MetaData!.Statistics!;
        Assert.Equal(2L, floats.NullCount);
        Assert.Null(floats.MinValue); // only NaN: no bounds
    }

    [Fact]
    public void Write_zeroBounds_minIsNegativeZeroAndMaxPositiveZero()
    {
        var table = new TestTable([TestKind.Double], [true], [[0.0, -0.0, 0.0]], 3);

        using ParquetFileReader reader = ParquetFileReader.Open(table.Write(new ParquetWriterOptions()));

        Statistics statistics = reader.Metadata.RowGroups[0].Columns[0].MetaData!.Statistics!;
        Assert.True(double.IsNegative(BinaryPrimitives.ReadDoubleLittleEndian(statistics.MinValue)));
        Assert.False(double.IsNegative(BinaryPrimitives.ReadDoubleLittleEndian(statistics.MaxValue)));
    }

    [Fact]
    public void Write_dictionaryPastItsLimit_fallsBackToPlainInTheSameChunk()
    {
        object?[] values = [.. Enumerable.Range(0, 2000).Select(i => (object?)$"value-{i % 700:D4}")];
        var table = new TestTable([TestKind.String], [true], [values], values.Length);
        var options = new ParquetWriterOptions { DictionaryPageSizeLimitBytes = 1000, DataPageSizeBytes = 512 };

        object?[][] read = TestTable.Read(table.Write(options), out ParquetFileReader reader);

        using (reader)
        {
            ColumnMetaData meta = reader.Metadata.RowGroups[0].Columns[0].MetaData!;
            Assert.Contains(ParquetEncoding.RleDictionary, meta.Encodings);
            Assert.Contains(ParquetEncoding.Plain, meta.Encodings);
            Assert.NotNull(meta.DictionaryPageOffset);
            Assert.Equal(values, read[0]);
        }
    }

    [Fact]
    public void Write_lowCardinalityStrings_areDictionaryEncoded()
    {
        object?[] values = [.. Enumerable.Range(0, 5000).Select(i => (object?)(i % 3 == 0 ? null : $"dev-{i % 10}"))];
        var table = new TestTable([TestKind.String], [false], [values], values.Length);

        using ParquetFileReader reader = ParquetFileReader.Open(table.Write(new ParquetWriterOptions()));

        ColumnMetaData meta = reader.Metadata.RowGroups[0].Columns[0].MetaData!;
        Assert.Equal([ParquetEncoding.Plain, ParquetEncoding.RleDictionary, ParquetEncoding.Rle], meta.Encodings);
        ColumnData data = reader.ReadColumn(0, reader.Schema.Columns[0]);
        Assert.NotNull(data.Dictionary);
        Assert.Equal(10, data.Dictionary!.Count);
    }

    [Fact]
    public void Complete_footer_hasSchemaTypesKeyValuesAndCreatedBy()
    {
        var schema = new WriterSchema(
            WriterColumn.String("device_id", isRequired: true),
            WriterColumn.Timestamp("ts", TimeUnit.Millis),
            WriterColumn.Date("day"));
        var options = new ParquetWriterOptions { KeyValueMetadata = [new KeyValue("geo", "{}"), new KeyValue("source", "test")] };
        using var stream = new MemoryStream();
        using (var writer = new ParquetFileWriter(stream, schema, options, leaveOpen: true))
        {
            writer.BeginRowGroup(1);
            writer.WriteStrings(["d1"]);
            writer.WriteInt64([1_717_200_000_000L]);
            writer.WriteInt32([19_875]);
            writer.EndRowGroup();
        }

        using ParquetFileReader reader = ParquetFileReader.Open(stream.ToArray());

        Assert.StartsWith("AdintAudit version ", reader.Metadata.CreatedBy, StringComparison.Ordinal);
        Assert.Equal(options.KeyValueMetadata, reader.Metadata.KeyValueMetadata);
        Assert.Equal(FieldRepetition.Required, reader.Schema.Columns[0].Element.Repetition);
        Assert.Equal(ConvertedType.Utf8, reader.Schema.Columns[0].ConvertedType);
        Assert.Equal(ConvertedType.TimestampMillis, reader.Schema.Columns[1].ConvertedType);
        Assert.Equal(new LogicalType(LogicalTypeKind.Timestamp) { Unit = TimeUnit.Millis, IsAdjustedToUtc = true }, reader.Schema.Columns[1].LogicalType);
        Assert.Equal(ConvertedType.Date, reader.Schema.Columns[2].ConvertedType);
        Assert.Equal(1, reader.RowCount);
    }

    [Fact]
    public void WriteInt64_nullInRequiredColumn_throws()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), new WriterSchema(WriterColumn.Int64("x", isRequired: true)));
        writer.BeginRowGroup(2);

        Assert.Throws<ArgumentException>(() => writer.WriteInt64([1, 2], [false, true]));
    }

    [Fact]
    public void WriteDouble_onInt64Column_throws()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), new WriterSchema(WriterColumn.Int64("x")));
        writer.BeginRowGroup(1);

        Assert.Throws<ArgumentException>(() => writer.WriteDouble([1.0]));
    }

    [Fact]
    public void BeginRowGroup_moreRowsThanTheRowGroupSize_throws()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), new WriterSchema(WriterColumn.Int64("x")), new ParquetWriterOptions { RowGroupSize = 10 });

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.BeginRowGroup(11));
    }

    [Fact]
    public void EndRowGroup_missingColumns_throws()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), new WriterSchema(WriterColumn.Int64("x"), WriterColumn.Int64("y")));
        writer.BeginRowGroup(1);
        writer.WriteInt64([1]);

        Assert.Throws<InvalidOperationException>(writer.EndRowGroup);
    }

    [Fact]
    public void Dispose_withRowGroupOpen_writesNoFooter()
    {
        var stream = new MemoryStream();
        var writer = new ParquetFileWriter(stream, new WriterSchema(WriterColumn.Int64("x")), leaveOpen: true);
        writer.BeginRowGroup(1);

        writer.Dispose();

        Assert.Throws<ParquetFormatException>(() => ParquetFileReader.Open(stream.ToArray()));
    }

    [Fact]
    public void WriterColumn_unsupportedTypes_throw()
    {
        Assert.Throws<ArgumentException>(() => new WriterColumn("x", PhysicalType.Int96));
        Assert.Throws<ArgumentException>(() => new WriterColumn("x", PhysicalType.Int32, new LogicalType(LogicalTypeKind.String)));
        Assert.Throws<ArgumentException>(() => new WriterSchema(WriterColumn.Int64("x"), WriterColumn.Int32("x")));
    }

    private static Gen<object?[][]> AllColumns(TestKind[] kinds, bool[] required, int rows)
    {
        Gen<object?[][]> columns = Gen.Constant(Array.Empty<object?[]>());
        for (int c = 0; c < kinds.Length; c++)
        {
            Gen<object?[]> next = ColumnValues(kinds[c], required[c], rows);
            columns = from previous in columns from column in next select (object?[][])[.. previous, column];
        }

        return columns;
    }

    private static Gen<object?[]> ColumnValues(TestKind kind, bool required, int rows)
    {
        Gen<object?> value = kind switch
        {
            TestKind.Int32 or TestKind.Date => Gen.Frequency(
                (3, Gen.Choose(-5, 5)), (1, Gen.Elements(int.MinValue, int.MaxValue, 0)), (2, Gen.Choose(int.MinValue, int.MaxValue))).Select(x => (object?)x),
            TestKind.Int64 or TestKind.TimestampMillis or TestKind.TimestampMicros => Gen.Frequency(
                (2, Gen.Choose(-100, 100).Select(x => (long)x)),
                (1, Gen.Elements(long.MinValue, long.MaxValue, 0L)),
                (2, ArbMap.Default.GeneratorFor<long>())).Select(x => (object?)x),
            TestKind.Float => Gen.Frequency(
                (1, Gen.Elements(float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, 0f, float.Epsilon, float.MaxValue)),
                (3, ArbMap.Default.GeneratorFor<int>().Select(BitConverter.Int32BitsToSingle))).Select(x => (object?)x),
            TestKind.Double => Gen.Frequency(
                (1, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0d, 0d, double.Epsilon, 2.2250738585072014E-308)),
                (3, ArbMap.Default.GeneratorFor<long>().Select(BitConverter.Int64BitsToDouble))).Select(x => (object?)x),
            TestKind.Boolean => Gen.Elements(true, false).Select(x => (object?)x),
            _ => Gen.Frequency(
                (3, Gen.Elements(s_words)),
                (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty).Select(Scrub))).Select(x => (object?)x),
        };
        Gen<object?> cell = required ? value : Gen.Frequency((1, Gen.Constant<object?>(null)), (3, value));
        return cell.ArrayOf(rows);
    }

    /// <summary>Replaces lone surrogates, which UTF-8 cannot hold, so the string survives encoding unchanged.</summary>
    private static string Scrub(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    private static bool RoundTrips(TestTable table, ParquetWriterOptions options)
    {
        byte[] file = table.Write(options);
        object?[][] read = TestTable.Read(file, out ParquetFileReader reader);
        using (reader)
        {
            if (reader.RowCount != table.Rows)
            {
                return false;
            }

            for (int c = 0; c < table.Kinds.Length; c++)
            {
                for (int r = 0; r < table.Rows; r++)
                {
                    if (!TestTable.Same(table.Columns[c][r], read[c][r]))
                    {
                        throw new InvalidOperationException($"column {c} ({table.Kinds[c]}) row {r}: wrote {table.Columns[c][r] ?? "null"}, read {read[c][r] ?? "null"}");
                    }
                }
            }

            foreach (RowGroup group in reader.Metadata.RowGroups)
            {
                if (group.NumRows > options.RowGroupSize)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
