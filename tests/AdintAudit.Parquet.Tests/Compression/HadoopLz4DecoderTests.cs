using System.Buffers.Binary;
using AdintAudit.Parquet.Compression;

namespace AdintAudit.Parquet.Tests.Compression;

public sealed class HadoopLz4DecoderTests
{
    [Fact]
    public void Decompress_severalHadoopFrames_concatenatesThem()
    {
        // Real lz4 blocks (4 KiB each, from the CLI fixtures) framed the way parquet-mr's Hadoop codec frames them.
        var frames = new List<(byte[] Block, int UncompressedLength)>();
        var expected = new List<byte>();
        foreach (string input in CodecTestData.FixtureInputs)
        {
            byte[] original = CodecTestData.ReadFixture(input);
            List<CodecTestData.FrameBlock> blocks = CodecTestData.ParseLz4Frame(CodecTestData.ReadFixture(input + ".fast.lz4"));
            for (int i = 0; i < blocks.Count; i++)
            {
                if (!blocks[i].Uncompressed)
                {
                    frames.Add((blocks[i].Data, 4096));
                    expected.AddRange(original.AsSpan(i * 4096, 4096).ToArray());
                }
            }
        }

        byte[] framed = CodecTestData.HadoopFrame(frames);
        byte[] output = new byte[expected.Count];

        int written = HadoopLz4Decoder.Decompress(framed, output);

        Assert.True(frames.Count > 8);
        Assert.Equal(expected.Count, written);
        Assert.True(expected.ToArray().AsSpan().SequenceEqual(output));
    }

    [Fact]
    public void Decompress_frameSplitIntoChunks_concatenatesTheChunks()
    {
        // Hadoop's BlockCompressorStream may write one uncompressed size followed by several
        // [compressed size][block] chunks.
        byte[] original = CodecTestData.ReadFixture("text.txt");
        List<CodecTestData.FrameBlock> blocks = CodecTestData.ParseLz4Frame(CodecTestData.ReadFixture("text.txt.fast.lz4"));
        var framed = new List<byte>();
        framed.AddRange(BigEndian(original.Length));
        foreach (CodecTestData.FrameBlock block in blocks)
        {
            framed.AddRange(BigEndian(block.Data.Length));
            framed.AddRange(block.Data);
        }

        byte[] output = new byte[original.Length];

        int written = HadoopLz4Decoder.Decompress([.. framed], output);

        Assert.Equal(original.Length, written);
        Assert.True(original.AsSpan().SequenceEqual(output));
    }

    [Theory]
    [InlineData("gps-latitudes.bin")]
    [InlineData("timestamps-ms.bin")]
    [InlineData("text.txt")]
    [InlineData("mixed-runs.bin")]
    public void Decompress_bareLz4Block_fallsBackToRawDecoding(string input)
    {
        byte[] original = CodecTestData.ReadFixture(input);
        byte[] block = CodecTestData.ParseLz4Frame(CodecTestData.ReadFixture(input + ".hc.lz4"))[0].Data;
        byte[] output = new byte[original.Length];

        int framedResult = HadoopLz4Decoder.TryDecompressFramed(block, output);
        int written = HadoopLz4Decoder.Decompress(block, output);

        Assert.Equal(-1, framedResult);
        Assert.Equal(original.Length, written);
        Assert.True(original.AsSpan().SequenceEqual(output));
    }

    [Fact]
    public void Decompress_emptyFrameAndEmptyInput_returnZero()
    {
        byte[] emptyFrame = CodecTestData.HadoopFrame([([0x00], 0)]);

        int fromFrame = HadoopLz4Decoder.Decompress(emptyFrame, []);
        int fromNothing = HadoopLz4Decoder.Decompress([], []);

        Assert.Equal(0, fromFrame);
        Assert.Equal(0, fromNothing);
    }

    [Fact]
    public void Decompress_frameLargerThanDestination_throwsLz4Error()
    {
        byte[] original = CodecTestData.ReadFixture("text.txt");
        byte[] block = CodecTestData.ParseLz4Frame(CodecTestData.ReadFixture("text.txt.hc.lz4"))[0].Data;
        byte[] framed = CodecTestData.HadoopFrame([(block, original.Length)]);

        var exception = Assert.Throws<ParquetFormatException>(() => HadoopLz4Decoder.Decompress(framed, new byte[1234]));

        Assert.StartsWith("lz4: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompress_truncatedAndCorruptedFrames_throwOnlyParquetFormatException()
    {
        byte[] original = CodecTestData.ReadFixture("mixed-runs.bin");
        List<CodecTestData.FrameBlock> blocks = CodecTestData.ParseLz4Frame(CodecTestData.ReadFixture("mixed-runs.bin.fast.lz4"));
        byte[] framed = CodecTestData.HadoopFrame([(blocks[0].Data, 4096), (blocks[1].Data, 4096)]);
        byte[] output = new byte[8192];
        var candidates = new List<byte[]>();
        for (int prefix = 0; prefix < framed.Length; prefix++)
        {
            candidates.Add(framed.AsSpan(0, prefix).ToArray());
        }

        candidates.AddRange(CodecTestData.Corruptions(framed));

        foreach (byte[] candidate in candidates)
        {
            Exception? exception = Record.Exception(() => HadoopLz4Decoder.Decompress(candidate, output));

            Assert.True(exception is null or ParquetFormatException, exception?.ToString());
        }

        Assert.Equal(8192, HadoopLz4Decoder.Decompress(framed, output));
        Assert.True(original.AsSpan(0, 8192).SequenceEqual(output));
    }

    private static byte[] BigEndian(int value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
