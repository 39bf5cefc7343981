using AdintAudit.Parquet.Compression;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Parquet.Tests.Compression;

public sealed class SnappyDecoderTests
{
    public static TheoryData<string, int> IronSnappyCases()
    {
        var cases = new TheoryData<string, int>();
        foreach (string kind in CodecTestData.PayloadKinds)
        {
            foreach (int length in new[] { 0, 1, 15, 16, 17, 100, 4099, 65_536, 65_537, 300_001 })
            {
                cases.Add(kind, length);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(IronSnappyCases))]
    public void Decompress_ironSnappyBlock_reproducesInput(string kind, int length)
    {
        byte[] input = CodecTestData.Payload(kind, length);
        byte[] compressed = IronSnappy.Snappy.Encode(input);
        byte[] output = new byte[length];

        int written = SnappyDecoder.Decompress(compressed, output);

        Assert.Equal(length, written);
        Assert.Equal(length, SnappyDecoder.GetUncompressedLength(compressed));
        Assert.True(input.AsSpan().SequenceEqual(output), $"{kind} {length}: output differs");
    }

    [Fact]
    public void Decompress_largerDestination_writesOnlyDeclaredLength()
    {
        byte[] input = CodecTestData.Payload("text", 5000);
        byte[] compressed = IronSnappy.Snappy.Encode(input);
        byte[] output = new byte[6000];
        output.AsSpan(5000).Fill(0xAB);

        int written = SnappyDecoder.Decompress(compressed, output);

        Assert.Equal(5000, written);
        Assert.True(input.AsSpan().SequenceEqual(output.AsSpan(0, 5000)));
        Assert.True(output.AsSpan(5000).IndexOfAnyExcept((byte)0xAB) < 0, "wrote past the declared length");
    }

    [Fact]
    public void Decompress_overlappingCopiesOfEveryEncoding_repeatThePattern()
    {
        // Offsets 1..20 cover the pattern-doubling path (< 16) and the plain wide path; lengths cover 1- and
        // 2-byte offset copies, the 4-byte offset form, lengths up to 64, and ends near the output end.
        for (int offset = 1; offset <= 20; offset++)
        {
            foreach (int copyLength in new[] { 4, 5, 7, 8, 11, 12, 15, 16, 17, 31, 33, 63, 64 })
            {
                foreach (int form in new[] { 1, 2, 4 })
                {
                    if (form == 1 && (copyLength > 11))
                    {
                        continue;
                    }

                    foreach (int trailing in new[] { 0, 3, 40 })
                    {
                        byte[] pattern = new byte[offset];
                        for (int i = 0; i < offset; i++)
                        {
                            pattern[i] = (byte)(0x41 + i);
                        }

                        byte[] tail = new byte[trailing];
                        Array.Fill(tail, (byte)'z');
                        var builder = new SnappyStream();
                        builder.Literal(pattern).Copy(offset, copyLength, form);
                        if (trailing > 0)
                        {
                            builder.Literal(tail);
                        }

                        byte[] expected = new byte[offset + copyLength + trailing];
                        for (int i = 0; i < offset + copyLength; i++)
                        {
                            expected[i] = pattern[i % offset];
                        }

                        tail.CopyTo(expected, offset + copyLength);
                        byte[] output = new byte[expected.Length];

                        int written = SnappyDecoder.Decompress(builder.ToArray(expected.Length), output);

                        Assert.Equal(expected.Length, written);
                        Assert.True(
                            expected.AsSpan().SequenceEqual(output),
                            $"offset {offset} length {copyLength} form {form} trailing {trailing}");
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(60, 1)]
    [InlineData(61, 1)]
    [InlineData(256, 1)]
    [InlineData(257, 2)]
    [InlineData(65_536, 2)]
    [InlineData(65_537, 3)]
    [InlineData(100, 4)]
    [InlineData(70_000, 4)]
    public void Decompress_literalLengthEncodings_copyTheLiteral(int length, int lengthBytes)
    {
        byte[] literal = CodecTestData.Payload("random", length, seed: (ulong)length);
        byte[] compressed = new SnappyStream().Literal(literal, lengthBytes).ToArray(length);
        byte[] output = new byte[length];

        int written = SnappyDecoder.Decompress(compressed, output);

        Assert.Equal(length, written);
        Assert.True(literal.AsSpan().SequenceEqual(output));
    }

    [Fact]
    public void Decompress_emptyBlock_returnsZero()
    {
        byte[] compressed = [0x00];

        int written = SnappyDecoder.Decompress(compressed, []);

        Assert.Equal(0, written);
    }

    [Fact]
    public void Decompress_emptyInput_throws()
    {
        var exception = Assert.Throws<ParquetFormatException>(() => SnappyDecoder.Decompress([], new byte[10]));

        Assert.StartsWith("snappy: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompress_copyBeforeStart_throwsWithOffset()
    {
        byte[] compressed = new SnappyStream().Literal([1, 2, 3, 4]).Copy(70_000, 10, 4).ToArray(14);

        var exception = Assert.Throws<ParquetFormatException>(() => SnappyDecoder.Decompress(compressed, new byte[14]));

        Assert.Equal("snappy: copy offset 70000 points before the start of the output (4 bytes written)", exception.Message);
    }

    [Fact]
    public void Decompress_copyOffsetZero_throws()
    {
        byte[] compressed = new SnappyStream().Literal([1, 2, 3, 4]).Copy(0, 10, 2).ToArray(14);

        var exception = Assert.Throws<ParquetFormatException>(() => SnappyDecoder.Decompress(compressed, new byte[14]));

        Assert.Equal("snappy: copy offset 0 is invalid", exception.Message);
    }

    [Fact]
    public void Decompress_declaredLengthBeyondDestination_throws()
    {
        byte[] compressed = IronSnappy.Snappy.Encode(CodecTestData.Payload("text", 1235));

        var exception = Assert.Throws<ParquetFormatException>(() => SnappyDecoder.Decompress(compressed, new byte[1234]));

        Assert.Equal("snappy: data decompresses to more than the 1234 bytes the page header declares", exception.Message);
    }

    [Fact]
    public void Decompress_elementsPastDeclaredLength_throw()
    {
        byte[] literalPast = new SnappyStream().Literal(new byte[20]).ToArray(19);
        byte[] copyPast = new SnappyStream().Literal(new byte[20]).Copy(4, 30, 2).ToArray(49);

        var literalException = Assert.Throws<ParquetFormatException>(() => SnappyDecoder.Decompress(literalPast, new byte[100]));
        var copyException = Assert.Throws<ParquetFormatException>(() => SnappyDecoder.Decompress(copyPast, new byte[100]));

        Assert.StartsWith("snappy: literal of 20 bytes runs past the declared length", literalException.Message, StringComparison.Ordinal);
        Assert.Equal("snappy: data runs past its declared length of 49 bytes", copyException.Message);
    }

    [Fact]
    public void Decompress_fewerBytesThanDeclared_throws()
    {
        byte[] compressed = new SnappyStream().Literal(new byte[20]).ToArray(21);

        var exception = Assert.Throws<ParquetFormatException>(() => SnappyDecoder.Decompress(compressed, new byte[21]));

        Assert.Equal("snappy: truncated input (produced 20 of the 21 declared bytes)", exception.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x08 })]
    public void GetUncompressedLength_badVarint_throws(byte[] header)
    {
        var exception = Assert.Throws<ParquetFormatException>(() => SnappyDecoder.GetUncompressedLength(header));

        Assert.StartsWith("snappy: ", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x40 }, 64)]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x7F }, 2_097_150)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x07 }, int.MaxValue)]
    public void GetUncompressedLength_varint_readsLength(byte[] header, int expected)
    {
        int length = SnappyDecoder.GetUncompressedLength(header);

        Assert.Equal(expected, length);
    }

    [Fact]
    public void Decompress_everyTruncation_throwsParquetFormatException()
    {
        foreach (string kind in new[] { "text", "runs", "gps" })
        {
            byte[] input = CodecTestData.Payload(kind, 3000);
            byte[] compressed = IronSnappy.Snappy.Encode(input);
            byte[] output = new byte[input.Length];

            for (int prefix = 0; prefix < compressed.Length; prefix++)
            {
                byte[] truncated = compressed.AsSpan(0, prefix).ToArray();

                var exception = Assert.Throws<ParquetFormatException>(() => SnappyDecoder.Decompress(truncated, output));

                Assert.StartsWith("snappy: ", exception.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Decompress_corruptedBytes_throwOnlyParquetFormatException()
    {
        int corruptions = 0;
        foreach (string kind in new[] { "text", "runs", "timestamps" })
        {
            byte[] input = CodecTestData.Payload(kind, 4000);
            byte[] compressed = IronSnappy.Snappy.Encode(input);
            byte[] output = new byte[input.Length + 64];

            foreach (byte[] corrupted in CodecTestData.Corruptions(compressed))
            {
                corruptions++;

                Exception? exception = Record.Exception(() => SnappyDecoder.Decompress(corrupted, output));

                Assert.True(exception is null or ParquetFormatException, $"{kind}: {exception}");
            }
        }

        Assert.True(corruptions > 1000);
    }

    [Fact]
    public void Decompress_randomBytes_succeedOrThrowParquetFormatException()
    {
        Gen<byte[]> garbage = Gen.Choose(0, 255).Select(i => (byte)i).ArrayOf();
        byte[] output = new byte[4096];

        Prop.ForAll(garbage.ToArbitrary(), bytes =>
            {
                Exception? exception = Record.Exception(() => SnappyDecoder.Decompress(bytes, output));
                return exception is null or ParquetFormatException;
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    /// <summary>Builds raw Snappy blocks element by element, in any legal (not necessarily canonical) encoding.</summary>
    private sealed class SnappyStream
    {
        private readonly List<byte> _bytes = [];

        public SnappyStream Literal(byte[] data, int lengthBytes = 0)
        {
            int n = data.Length - 1;
            if (lengthBytes == 0 && n < 60)
            {
                _bytes.Add((byte)(n << 2));
            }
            else
            {
                lengthBytes = lengthBytes == 0 ? (n < 256 ? 1 : n < 65_536 ? 2 : n < 1 << 24 ? 3 : 4) : lengthBytes;
                _bytes.Add((byte)((59 + lengthBytes) << 2));
                for (int i = 0; i < lengthBytes; i++)
                {
                    _bytes.Add((byte)(n >> (8 * i)));
                }
            }

            _bytes.AddRange(data);
            return this;
        }

        public SnappyStream Copy(int offset, int length, int offsetBytes)
        {
            switch (offsetBytes)
            {
                case 1:
                    _bytes.Add((byte)(1 | ((length - 4) << 2) | ((offset >> 8) << 5)));
                    _bytes.Add((byte)offset);
                    break;
                case 2:
                    _bytes.Add((byte)(2 | ((length - 1) << 2)));
                    _bytes.Add((byte)offset);
                    _bytes.Add((byte)(offset >> 8));
                    break;
                default:
                    _bytes.Add((byte)(3 | ((length - 1) << 2)));
                    for (int i = 0; i < 4; i++)
                    {
                        _bytes.Add((byte)(offset >> (8 * i)));
                    }

                    break;
            }

            return this;
        }

        public byte[] ToArray(int declaredLength)
        {
            var result = new List<byte>();
            uint value = (uint)declaredLength;
            while (value >= 0x80)
            {
                result.Add((byte)(value | 0x80));
                value >>= 7;
            }

            result.Add((byte)value);
            result.AddRange(_bytes);
            return [.. result];
        }
    }
}
