using AdintAudit.Parquet.Compression;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Parquet.Tests.Compression;

public sealed class Lz4BlockDecoderTests
{
    public static TheoryData<string, string> FixtureCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (string input in CodecTestData.FixtureInputs)
        {
            cases.Add(input, "fast");
            cases.Add(input, "hc");
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(FixtureCases))]
    public void Decompress_lz4CliFixtureBlocks_reproduceInput(string input, string mode)
    {
        byte[] expected = CodecTestData.ReadFixture(input);
        List<CodecTestData.FrameBlock> blocks = CodecTestData.ParseLz4Frame(CodecTestData.ReadFixture($"{input}.{mode}.lz4"));

        byte[] output = CodecTestData.DecodeFrameBlocks(blocks, 1 << 16);

        Assert.Contains(blocks, block => !block.Uncompressed);
        Assert.True(expected.AsSpan().SequenceEqual(output), $"{input}.{mode}.lz4 decodes differently");
    }

    [Fact]
    public void Decompress_lz4CliLive_reproducesInput()
    {
        if (!CodecTestData.IsLz4OnPath())
        {
            Assert.False(
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "lz4 must be installed in CI (.ci/install-deps installs it)");
            Assert.Skip("the lz4 CLI is not on PATH (apt-get install lz4); the committed fixtures still cover LZ4");
        }

        string directory = Directory.CreateTempSubdirectory("adint-lz4-").FullName;
        try
        {
            foreach (string kind in CodecTestData.PayloadKinds)
            {
                foreach (string options in new[] { "-1 -B4", "-9 -B5", "--fast=3 -B4096", "-12 -B4" })
                {
                    byte[] input = CodecTestData.Payload(kind, 300_000, seed: 7);
                    string inputPath = Path.Combine(directory, kind + ".bin");
                    string framePath = inputPath + ".lz4";
                    File.WriteAllBytes(inputPath, input);
                    bool ran = CodecTestData.TryRunLz4($"-q -f {options} -BI --no-frame-crc \"{inputPath}\" \"{framePath}\"", out string error);
                    Assert.True(ran, error);

                    byte[] output = CodecTestData.DecodeFrameBlocks(CodecTestData.ParseLz4Frame(File.ReadAllBytes(framePath)), 1 << 18);

                    Assert.True(input.AsSpan().SequenceEqual(output), $"{kind} with lz4 {options} decodes differently");
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Decompress_overlappingMatches_repeatThePattern()
    {
        for (int offset = 1; offset <= 20; offset++)
        {
            foreach (int matchLength in new[] { 4, 5, 8, 15, 16, 17, 18, 19, 33, 64, 270, 1000, 70_000 })
            {
                foreach (int trailing in new[] { 0, 5, 40 })
                {
                    byte[] pattern = new byte[offset];
                    for (int i = 0; i < offset; i++)
                    {
                        pattern[i] = (byte)(0x61 + i);
                    }

                    byte[] tail = new byte[trailing];
                    Array.Fill(tail, (byte)'#');
                    byte[] block = new Lz4Stream().Sequence(pattern, offset, matchLength).Last(tail).ToArray();
                    byte[] expected = new byte[offset + matchLength + trailing];
                    for (int i = 0; i < offset + matchLength; i++)
                    {
                        expected[i] = pattern[i % offset];
                    }

                    tail.CopyTo(expected, offset + matchLength);
                    byte[] exact = new byte[expected.Length];
                    byte[] roomy = new byte[expected.Length + 100];

                    int writtenExact = Lz4BlockDecoder.Decompress(block, exact);
                    int writtenRoomy = Lz4BlockDecoder.Decompress(block, roomy);

                    string label = $"offset {offset} length {matchLength} trailing {trailing}";
                    Assert.Equal(expected.Length, writtenExact);
                    Assert.Equal(expected.Length, writtenRoomy);
                    Assert.True(expected.AsSpan().SequenceEqual(exact), label);
                    Assert.True(expected.AsSpan().SequenceEqual(roomy.AsSpan(0, expected.Length)), label);
                }
            }
        }
    }

    [Theory]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(269)]
    [InlineData(270)]
    [InlineData(271)]
    [InlineData(524)]
    [InlineData(525)]
    [InlineData(100_000)]
    public void Decompress_longLiteralRuns_copyTheLiterals(int length)
    {
        byte[] literals = CodecTestData.Payload("random", length, seed: (ulong)length);
        byte[] block = new Lz4Stream().Sequence(literals, 7, 300).Last(literals.AsSpan(0, 3).ToArray()).ToArray();
        byte[] expected = [.. literals, .. literals.AsSpan(length - 7, 7).ToArray().Repeat(300), .. literals.AsSpan(0, 3).ToArray()];
        byte[] output = new byte[expected.Length];

        int written = Lz4BlockDecoder.Decompress(block, output);

        Assert.Equal(expected.Length, written);
        Assert.True(expected.AsSpan().SequenceEqual(output));
    }

    [Fact]
    public void Decompress_blockBreakingTheEndOfBlockRules_isAcceptedLeniently()
    {
        // The last match ends 1 byte before the end (the format asks for 5 literal bytes, and for the last match to
        // start at least 12 bytes before the end); a lenient decoder still produces the obvious bytes.
        byte[] block = new Lz4Stream().Sequence([9, 8, 7, 6], 4, 4).Last([5]).ToArray();

        byte[] output = new byte[9];
        int written = Lz4BlockDecoder.Decompress(block, output);

        Assert.Equal(9, written);
        Assert.Equal(new byte[] { 9, 8, 7, 6, 9, 8, 7, 6, 5 }, output);
    }

    [Fact]
    public void Decompress_tokenOnlyBlock_returnsZero()
    {
        int written = Lz4BlockDecoder.Decompress([0x00], []);

        Assert.Equal(0, written);
    }

    [Fact]
    public void Decompress_emptyInput_returnsZero()
    {
        int written = Lz4BlockDecoder.Decompress([], new byte[8]);

        Assert.Equal(0, written);
    }

    [Fact]
    public void Decompress_blockEndingWithMatch_throws()
    {
        byte[] block = new Lz4Stream().Sequence([1, 2, 3, 4], 4, 4).ToArray();

        var exception = Assert.Throws<ParquetFormatException>(() => Lz4BlockDecoder.Decompress(block, new byte[100]));

        Assert.Equal("lz4: truncated input (block ends with a match instead of a literal run)", exception.Message);
    }

    [Fact]
    public void Decompress_offsetZero_throws()
    {
        byte[] block = new Lz4Stream().Sequence([1, 2, 3, 4], 0, 4).Last([]).ToArray();

        var exception = Assert.Throws<ParquetFormatException>(() => Lz4BlockDecoder.Decompress(block, new byte[100]));

        Assert.Equal("lz4: match offset 0 is invalid", exception.Message);
    }

    [Fact]
    public void Decompress_offsetBeforeStart_throws()
    {
        byte[] block = new Lz4Stream().Sequence([1, 2, 3, 4], 5, 4).Last([]).ToArray();

        var exception = Assert.Throws<ParquetFormatException>(() => Lz4BlockDecoder.Decompress(block, new byte[100]));

        Assert.Equal("lz4: match offset 5 points before the start of the output", exception.Message);
    }

    [Fact]
    public void Decompress_destinationTooSmall_throws()
    {
        byte[] expected = CodecTestData.ReadFixture("text.txt");
        byte[] block = CodecTestData.ParseLz4Frame(CodecTestData.ReadFixture("text.txt.hc.lz4"))[0].Data;

        foreach (int capacity in new[] { 0, 1, 100, 1234, expected.Length - 1 })
        {
            var exception = Assert.Throws<ParquetFormatException>(() => Lz4BlockDecoder.Decompress(block, new byte[capacity]));

            Assert.Equal($"lz4: data decompresses to more than the {capacity} bytes the page header declares", exception.Message);
        }
    }

    [Fact]
    public void Decompress_everyTruncation_throwsOrProducesLess()
    {
        foreach (string input in CodecTestData.FixtureInputs)
        {
            byte[] block = CodecTestData.ParseLz4Frame(CodecTestData.ReadFixture(input + ".hc.lz4"))[0].Data;
            byte[] output = new byte[CodecTestData.ReadFixture(input).Length];

            for (int prefix = 0; prefix < block.Length; prefix++)
            {
                byte[] truncated = block.AsSpan(0, prefix).ToArray();
                int written = -1;

                Exception? exception = Record.Exception(() => written = Lz4BlockDecoder.Decompress(truncated, output));

                // A prefix that stops right after a literal run is itself a valid, shorter block.
                Assert.True(exception is null or ParquetFormatException, $"{input} prefix {prefix}: {exception}");
                Assert.True(exception is not null || written < output.Length, $"{input} prefix {prefix} decoded fully");
                Assert.True(exception is null || exception.Message.StartsWith("lz4: ", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Decompress_corruptedBlocks_throwOnlyParquetFormatException()
    {
        foreach (string input in CodecTestData.FixtureInputs)
        {
            byte[] block = CodecTestData.ParseLz4Frame(CodecTestData.ReadFixture(input + ".fast.lz4"))[0].Data;
            byte[] output = new byte[4096];

            foreach (byte[] corrupted in CodecTestData.Corruptions(block))
            {
                Exception? exception = Record.Exception(() => Lz4BlockDecoder.Decompress(corrupted, output));

                Assert.True(exception is null or ParquetFormatException, $"{input}: {exception}");
            }
        }
    }

    [Fact]
    public void Decompress_randomBytes_succeedOrThrowParquetFormatException()
    {
        Gen<byte[]> garbage = Gen.Choose(0, 255).Select(i => (byte)i).ArrayOf();
        byte[] output = new byte[4096];

        Prop.ForAll(garbage.ToArbitrary(), bytes =>
            {
                Exception? exception = Record.Exception(() => Lz4BlockDecoder.Decompress(bytes, output));
                return exception is null or ParquetFormatException;
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    /// <summary>Builds LZ4 blocks sequence by sequence.</summary>
    internal sealed class Lz4Stream
    {
        private readonly List<byte> _bytes = [];

        public Lz4Stream Sequence(byte[] literals, int offset, int matchLength)
        {
            int matchCode = matchLength - 4;
            _bytes.Add((byte)((Math.Min(literals.Length, 15) << 4) | Math.Min(matchCode, 15)));
            AddExtension(literals.Length);
            _bytes.AddRange(literals);
            _bytes.Add((byte)offset);
            _bytes.Add((byte)(offset >> 8));
            AddExtension(matchCode);
            return this;
        }

        public Lz4Stream Last(byte[] literals)
        {
            _bytes.Add((byte)(Math.Min(literals.Length, 15) << 4));
            AddExtension(literals.Length);
            _bytes.AddRange(literals);
            return this;
        }

        public byte[] ToArray() => [.. _bytes];

        private void AddExtension(int length)
        {
            if (length < 15)
            {
                return;
            }

            length -= 15;
            while (length >= 255)
            {
                _bytes.Add(255);
                length -= 255;
            }

            _bytes.Add((byte)length);
        }
    }
}

internal static class ByteArrayRepeatExtensions
{
    /// <summary>Returns the bytes repeated cyclically to <paramref name="length"/> bytes.</summary>
    public static byte[] Repeat(this byte[] pattern, int length)
    {
        byte[] result = new byte[length];
        for (int i = 0; i < length; i++)
        {
            result[i] = pattern[i % pattern.Length];
        }

        return result;
    }
}
