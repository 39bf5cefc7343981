using System.Buffers.Binary;
using AdintAudit.Parquet.Compression;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Tests.Interop;
using AdintAudit.Parquet.Text;
using AdintAudit.Parquet.Writing;

namespace AdintAudit.Parquet.Tests.Reading;

/// <summary>Broken files fail with <see cref="ParquetFormatException"/> and a message that says what is wrong.</summary>
public sealed class MalformedFileTests
{
    private static byte[] ValidFile() =>
        File.ReadAllBytes(SharedData.Require("parquet-interop/generated/duckdb_uncompressed_tsnanos_local.parquet"));

    [Fact]
    public void Open_file_shorter_than_magic_and_footer_throws()
    {
        var error = Assert.Throws<ParquetFormatException>(() => ParquetFileReader.Open(new byte[] { 0x50, 0x41, 0x52, 0x31 }));

        Assert.Contains("too short", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_wrong_magic_throws()
    {
        byte[] bytes = ValidFile();
        bytes[0] = (byte)'X';

        var error = Assert.Throws<ParquetFormatException>(() => ParquetFileReader.Open(bytes));

        Assert.Contains("PAR1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_truncated_file_throws()
    {
        byte[] bytes = ValidFile();

        var error = Assert.Throws<ParquetFormatException>(() => ParquetFileReader.Open(bytes.AsMemory(0, bytes.Length / 2)));

        Assert.Contains("magic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_footer_length_past_start_of_file_throws()
    {
        byte[] bytes = ValidFile();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 8), (uint)bytes.Length);

        var error = Assert.Throws<ParquetFormatException>(() => ParquetFileReader.Open(bytes));

        Assert.Contains("footer length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_encrypted_footer_magic_reports_encryption()
    {
        byte[] bytes = ValidFile();
        "PARE"u8.CopyTo(bytes.AsSpan(bytes.Length - 4));

        var error = Assert.Throws<ParquetFormatException>(() => ParquetFileReader.Open(bytes));

        Assert.Contains("encrypted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_column_whose_chunk_lies_past_the_end_throws()
    {
        byte[] bytes = ValidFile();
        using ParquetFileReader reader = ParquetFileReader.Open(bytes);
        reader.Metadata.RowGroups[0].Columns[0].MetaData!.TotalCompressedSize = bytes.Length;

        var error = Assert.Throws<ParquetFormatException>(() => reader.ReadColumn(0, reader.Schema.Columns[0]));

        Assert.Contains("past the end of the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_unknown_codec_throws()
    {
        byte[] bytes = ValidFile();
        using ParquetFileReader reader = ParquetFileReader.Open(bytes);
        reader.Metadata.RowGroups[0].Columns[1].MetaData!.Codec = (CompressionCodec)42;

        var error = Assert.Throws<ParquetFormatException>(() => reader.ReadColumn(0, reader.Schema.Columns[1]));

        Assert.Contains("codec unknown (42)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompress_lzo_is_reported_as_unsupported()
    {
        var error = Assert.Throws<ParquetFormatException>(() => PageDecompressor.Decompress(CompressionCodec.Lzo, [1, 2], new byte[4]));

        Assert.Contains("LZO", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_page_longer_than_its_chunk_throws()
    {
        byte[] bytes = ValidFile();
        using ParquetFileReader reader = ParquetFileReader.Open(bytes);
        ColumnMetaData meta = reader.Metadata.RowGroups[0].Columns[2].MetaData!;
        meta.TotalCompressedSize = 40; // the first page header fits, its body does not

        var error = Assert.Throws<ParquetFormatException>(() => reader.ReadColumn(0, reader.Schema.Columns[2]));

        Assert.Contains("past the end of its column chunk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_required_column_with_fewer_values_than_rows_throws()
    {
        byte[] bytes = ValidFile();
        using ParquetFileReader reader = ParquetFileReader.Open(bytes);
        reader.Metadata.RowGroups[0].NumRows += 1;

        var error = Assert.Throws<ParquetFormatException>(() => reader.ReadColumn(0, reader.Schema.Columns[0]));

        Assert.Contains("rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_any_single_byte_corruption_decodes_or_fails_with_format_exception()
    {
        byte[] original = ValidFile();
        var random = new Random(20261122);
        int formatErrors = 0;
        for (int trial = 0; trial < 1500; trial++)
        {
            byte[] bytes = (byte[])original.Clone();
            int position = trial < 500 ? bytes.Length - 8 - (trial % Math.Min(500, bytes.Length - 8)) : random.Next(bytes.Length);
            bytes[position] ^= (byte)(1 << random.Next(8));
            try
            {
                using ParquetFileReader reader = ParquetFileReader.Open(bytes);
                using var writer = new StringWriter();
                ParquetTableWriter.Write(reader, writer, TableTextFormat.Csv, cancellationToken: TestContext.Current.CancellationToken);
            }
            catch (ParquetFormatException)
            {
                formatErrors++;
            }
        }

        Assert.True(formatErrors > 0, "corruptions of the footer must be detected at least sometimes");
    }

    [Fact]
    public void Read_every_truncation_of_the_footer_region_fails_with_format_exception()
    {
        byte[] original = ValidFile();
        for (int cut = 1; cut < 400; cut++)
        {
            byte[] bytes = original[..^cut];
            Assert.Throws<ParquetFormatException>(() =>
            {
                using ParquetFileReader reader = ParquetFileReader.Open(bytes);
                InteropCorpusTests.Render(bytes);
            });
        }
    }

    [Fact]
    public void Read_dictionary_index_out_of_range_throws()
    {
        // Ten rows of one string: a one-entry dictionary, and a data page holding one RLE run
        // [bit width 1][run header 10 << 1][index 0]. Pointing the run at index 1 leaves the dictionary.
        var schema = new WriterSchema([WriterColumn.String("device_id", isRequired: true)]);
        using var stream = new MemoryStream();
        using (var writer = new ParquetFileWriter(stream, schema, new ParquetWriterOptions { Codec = CompressionCodec.Uncompressed }, leaveOpen: true))
        {
            writer.BeginRowGroup(10);
            writer.WriteStrings(Enumerable.Repeat<string?>("a", 10).ToArray());
            writer.EndRowGroup();
            writer.Complete();
        }

        byte[] bytes = stream.ToArray();
        int dataPage;
        using (ParquetFileReader valid = ParquetFileReader.Open(bytes))
        {
            Assert.Equal(10, valid.ReadColumn(0, valid.Schema.Columns[0]).ValueCount);
            dataPage = (int)valid.Metadata.RowGroups[0].Columns[0].MetaData!.DataPageOffset;
        }

        int run = bytes.AsSpan(dataPage).IndexOf([(byte)0x01, (byte)0x14, (byte)0x00]);
        Assert.True(run > 0, "the index run was not found in the data page");
        bytes[dataPage + run + 2] = 0x01;
        using ParquetFileReader reader = ParquetFileReader.Open(bytes);

        var error = Assert.Throws<ParquetFormatException>(() => reader.ReadColumn(0, reader.Schema.Columns[0]));

        Assert.Contains("dictionary index 1 is out of range (the dictionary has 1 entries)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CompressionCodec.Snappy, 100, 200_000_000)]
    [InlineData(CompressionCodec.Gzip, 1_000, 100_000_000)]
    [InlineData(CompressionCodec.Zstd, 10, 1_500_000_000)]
    public void Page_claiming_more_than_its_codec_can_expand_to_is_refused_before_allocating(CompressionCodec codec, int compressed, int uncompressed)
    {
        var error = Assert.Throws<ParquetFormatException>(() => ColumnChunkReader.CheckUncompressedSize(codec, uncompressed, compressed));

        Assert.Contains($"page claims {uncompressed} bytes uncompressed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CompressionCodec.Snappy, 100_000, 1_048_576)]
    [InlineData(CompressionCodec.Zstd, 40, 1_048_576)]
    [InlineData(CompressionCodec.Zstd, 1_000, 100_000_000)]
    public void Page_within_its_codec_expansion_is_accepted(CompressionCodec codec, int compressed, int uncompressed)
    {
        ColumnChunkReader.CheckUncompressedSize(codec, uncompressed, compressed);
    }

    [Fact]
    public void Dictionary_indices_into_an_empty_dictionary_are_rejected()
    {
        // Regression (fuzzing, seed 7): an empty range made IndexOfAnyExceptInRange(0, -1) accept every index.
        var error = Assert.Throws<ParquetFormatException>(() => ColumnChunkReader.CheckIndices([0, 0], 0));

        Assert.Contains("the dictionary is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dictionary_indices_within_range_are_accepted()
    {
        ColumnChunkReader.CheckIndices([0, 2, 1], 3);
        ColumnChunkReader.CheckIndices([], 0);
    }
}
