using AdintAudit.Parquet.Compression;

namespace AdintAudit.Parquet.Tests.Compression;

public sealed partial class ZstdDecoderTests
{
    private static readonly byte[] s_hello = "hello, zstd"u8.ToArray();

    public static TheoryData<string> Fixtures => new(ZstdTestData.FixtureNames());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Decompress_cliFixture_reproducesOriginal(string name)
    {
        byte[] compressed = ZstdTestData.ReadFixture(name);

        byte[] output = ZstdTestData.Decompress(compressed);

        Assert.Equal(ZstdTestData.OriginalSha256(name), ZstdTestData.Sha256(output));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Decompress_destinationOfExactSize_fills(string name)
    {
        byte[] compressed = ZstdTestData.ReadFixture(name);
        byte[] expected = ZstdTestData.Decompress(compressed);
        byte[] exact = new byte[expected.Length];

        int written = ZstdDecoder.Decompress(compressed, exact);

        Assert.Equal(expected.Length, written);
        Assert.Equal(expected, exact);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Decompress_destinationOneByteShort_throwsWithDeclaredSize(string name)
    {
        byte[] compressed = ZstdTestData.ReadFixture(name);
        int length = ZstdTestData.Decompress(compressed).Length;
        if (length == 0)
        {
            return;
        }

        byte[] shortDestination = new byte[length - 1];

        var error = Assert.Throws<ParquetFormatException>(() => ZstdDecoder.Decompress(compressed, shortDestination));

        Assert.Equal($"zstd: data decompresses to more than the {length - 1} bytes the page header declares", error.Message);
    }

    [Fact]
    public void Decompress_emptySource_returnsZero()
    {
        byte[] destination = new byte[16];

        int written = ZstdDecoder.Decompress([], destination);

        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData(0x20, new byte[] { 11 })]
    [InlineData(0xA0, new byte[] { 11, 0, 0, 0 })]
    [InlineData(0xE0, new byte[] { 11, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(0x00, new byte[] { 0x00 })]
    [InlineData(0x80, new byte[] { 0x58, 11, 0, 0, 0 })]
    [InlineData(0x21, new byte[] { 0, 11 })]
    [InlineData(0x22, new byte[] { 0, 0, 11 })]
    [InlineData(0x23, new byte[] { 0, 0, 0, 0, 11 })]
    public void Decompress_eachFrameHeaderLayout_returnsRawBlock(int descriptor, byte[] headerFields)
    {
        byte[] frame = Frame((byte)descriptor, headerFields, RawBlock(s_hello, last: true));
        byte[] destination = new byte[64];

        int written = ZstdDecoder.Decompress(frame, destination);

        Assert.Equal(s_hello, destination[..written]);
    }

    [Fact]
    public void Decompress_twoByteContentSize_addsTwoHundredFiftySix()
    {
        byte[] content = ZstdTestData.RandomBytes(300, 1);
        byte[] frame = Frame(0x60, [300 - 256, 0], RawBlock(content, last: true));
        byte[] destination = new byte[300];

        int written = ZstdDecoder.Decompress(frame, destination);

        Assert.Equal(300, written);
        Assert.Equal(content, destination);
    }

    [Fact]
    public void Decompress_rleAndRawBlocks_concatenates()
    {
        byte[] frame = Frame(0x00, [0x00], RawBlock(s_hello, last: false), RleBlock((byte)'z', 1000, last: true));
        byte[] destination = new byte[2000];

        int written = ZstdDecoder.Decompress(frame, destination);

        Assert.Equal(s_hello.Length + 1000, written);
        Assert.Equal(s_hello, destination[..s_hello.Length]);
        Assert.All(destination[s_hello.Length..written], b => Assert.Equal((byte)'z', b));
    }

    [Fact]
    public void Decompress_compressedBlockWithRawLiteralsOnly_returnsLiterals()
    {
        // Literals section: raw, 1-byte header (size << 3); sequences section: 0 sequences.
        byte[] block = [(byte)(s_hello.Length << 3), .. s_hello, 0];
        byte[] frame = Frame(0x00, [0x00], BlockHeader(2, block.Length, last: true), block);
        byte[] destination = new byte[32];

        int written = ZstdDecoder.Decompress(frame, destination);

        Assert.Equal(s_hello, destination[..written]);
    }

    [Fact]
    public void Decompress_compressedBlockLargerThanSingleSegmentWindow_throws()
    {
        byte[] block = [(byte)(s_hello.Length << 3), .. s_hello, 0];
        byte[] frame = Frame(0x20, [(byte)s_hello.Length], BlockHeader(2, block.Length, last: true), block);

        var error = Assert.Throws<ParquetFormatException>(() => ZstdDecoder.Decompress(frame, new byte[32]));

        Assert.StartsWith("zstd: corrupt block", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompress_rleSequenceModesThenRepeatModesWithRleLiterals_decodes()
    {
        // Block 1: raw literals "abcd"; 4 sequences, every code table in RLE mode (LL code 1, OF code 0, ML code 0):
        // each sequence is 1 literal then a 3-byte match at repeat offset 1. No extra bits: the bitstream is the marker.
        byte[] block1 = [4 << 3, (byte)'a', (byte)'b', (byte)'c', (byte)'d', 4, 0x54, 1, 0, 0, 0x01];
        // Block 2: RLE literals "zz"; 2 sequences reusing the three tables (repeat mode).
        byte[] block2 = [(2 << 3) | 1, (byte)'z', 2, 0xFC, 0x01];
        byte[] frame = Frame(
            0x00, [0x00], BlockHeader(2, block1.Length, last: false), block1, BlockHeader(2, block2.Length, last: true), block2);
        byte[] destination = new byte[64];

        int written = ZstdDecoder.Decompress(frame, destination);

        Assert.Equal("aaaabbbbccccddddzzzzzzzz"u8.ToArray(), destination[..written]);
    }

    [Fact]
    public void Decompress_repeatModeInFirstBlock_throws()
    {
        byte[] block = [2 << 3, (byte)'a', (byte)'b', 1, 0xFC, 0x01];
        byte[] frame = Frame(0x00, [0x00], BlockHeader(2, block.Length, last: true), block);

        var error = Assert.Throws<ParquetFormatException>(() => ZstdDecoder.Decompress(frame, new byte[64]));

        Assert.StartsWith("zstd: corrupt sequences section", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompress_repeatOffsetMinusOneReachingZero_throws()
    {
        // Literal length 0 with offset value 3 means "repeat offset 1 minus 1", which is 0 at frame start (rep 1 = 1).
        byte[] block = [0, 1, 0x54, 0, 1, 0, 0x03];
        byte[] frame = Frame(0x00, [0x00], BlockHeader(2, block.Length, last: true), block);

        var error = Assert.Throws<ParquetFormatException>(() => ZstdDecoder.Decompress(frame, new byte[64]));

        Assert.Equal("zstd: corrupt sequences section (repeat offset of zero)", error.Message);
    }

    [Fact]
    public void Decompress_matchBeforeFrameStart_throws()
    {
        // One sequence: literal length 1, then offset value 3 = repeat offset 3 (initially 8), with only 1 byte written.
        byte[] block = [1 << 3, (byte)'a', 1, 0x54, 1, 1, 0, 0x03];
        byte[] frame = Frame(0x00, [0x00], BlockHeader(2, block.Length, last: true), block);

        var error = Assert.Throws<ParquetFormatException>(() => ZstdDecoder.Decompress(frame, new byte[64]));

        Assert.StartsWith("zstd: corrupt sequences section (match offset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompress_validChecksum_returnsContent()
    {
        uint checksum = (uint)XxHash64.Hash(s_hello);
        byte[] frame = Frame(0x24, [11], RawBlock(s_hello, last: true), BitConverter.GetBytes(checksum));
        byte[] destination = new byte[32];

        int written = ZstdDecoder.Decompress(frame, destination);

        Assert.Equal(s_hello, destination[..written]);
    }

    [Fact]
    public void Decompress_wrongChecksum_throwsChecksumMismatch()
    {
        uint checksum = (uint)XxHash64.Hash(s_hello) ^ 1;
        byte[] frame = Frame(0x24, [11], RawBlock(s_hello, last: true), BitConverter.GetBytes(checksum));

        var error = Assert.Throws<ParquetFormatException>(() => ZstdDecoder.Decompress(frame, new byte[32]));

        Assert.Equal("zstd: content checksum mismatch", error.Message);
    }

    [Fact]
    public void Decompress_corruptedCliChecksum_throwsChecksumMismatch()
    {
        byte[] compressed = ZstdTestData.ReadFixture("text-8k.l3.zst");
        compressed[^1] ^= 0x40;

        var error = Assert.Throws<ParquetFormatException>(() => ZstdTestData.Decompress(compressed));

        Assert.Equal("zstd: content checksum mismatch", error.Message);
    }

    [Theory]
    [InlineData(0x21, new byte[] { 7, 11 })]
    [InlineData(0x22, new byte[] { 7, 0, 11 })]
    [InlineData(0x23, new byte[] { 7, 0, 0, 0, 11 })]
    public void Decompress_dictionaryId_throwsDictionaryNotSupported(int descriptor, byte[] headerFields)
    {
        byte[] frame = Frame((byte)descriptor, headerFields, RawBlock(s_hello, last: true));

        var error = Assert.Throws<ParquetFormatException>(() => ZstdDecoder.Decompress(frame, new byte[32]));

        Assert.Equal("zstd: dictionary not supported", error.Message);
    }

    [Fact]
    public void Decompress_reservedHeaderBit_throws()
    {
        byte[] frame = Frame(0x28, [11], RawBlock(s_hello, last: true));

        var error = Assert.Throws<ParquetFormatException>(() => ZstdDecoder.Decompress(frame, new byte[32]));

        Assert.StartsWith("zstd: corrupt frame header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompress_reservedBlockType_throws()
    {
        byte[] frame = Frame(0x20, [11], BlockHeader(3, 11, last: true), s_hello);

        var error = Assert.Throws<ParquetFormatException>(() => ZstdDecoder.Decompress(frame, new byte[32]));

        Assert.StartsWith("zstd: corrupt block", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompress_contentSizeDiffersFromBlocks_throws()
    {
        byte[] frame = Frame(0x20, [12], RawBlock(s_hello, last: true));

        var error = Assert.Throws<ParquetFormatException>(() => ZstdDecoder.Decompress(frame, new byte[32]));

        Assert.StartsWith("zstd: corrupt frame", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompress_badMagic_throws()
    {
        byte[] data = [0x28, 0xB5, 0x2F, 0xFE, 0x20, 0, 1, 0, 0];

        var error = Assert.Throws<ParquetFormatException>(() => ZstdDecoder.Decompress(data, new byte[32]));

        Assert.StartsWith("zstd: bad frame magic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompress_skippableFramesAroundFrame_skipsThem()
    {
        byte[] skippable1 = [0x50, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 1, 2, 3];
        byte[] skippable2 = [0x5F, 0x2A, 0x4D, 0x18, 0, 0, 0, 0];
        byte[] data = [.. skippable1, .. Frame(0x20, [11], RawBlock(s_hello, last: true)), .. skippable2];
        byte[] destination = new byte[32];

        int written = ZstdDecoder.Decompress(data, destination);

        Assert.Equal(s_hello, destination[..written]);
    }

    [Fact]
    public void Decompress_skippableFrameLongerThanInput_throwsTruncated()
    {
        byte[] data = [0x50, 0x2A, 0x4D, 0x18, 30, 0, 0, 0, 1, 2, 3];

        var error = Assert.Throws<ParquetFormatException>(() => ZstdDecoder.Decompress(data, new byte[32]));

        Assert.Equal("zstd: truncated skippable frame", error.Message);
    }

    [Fact]
    public void Decompress_framesBackToBack_concatenatesAndResetsHistory()
    {
        byte[] first = ZstdTestData.ReadFixture("text-8k.l1.zst");
        byte[] second = ZstdTestData.ReadFixture("ints-24k.l19.zst");
        byte[] expected = [.. ZstdTestData.Decompress(first), .. ZstdTestData.Decompress(second)];

        byte[] actual = ZstdTestData.Decompress([.. first, .. second]);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Decompress_secondFrameReusingFirstFramesTables_throws()
    {
        // Frame 1 has a Huffman table; frame 2 is a compressed block with treeless literals, which must not reuse it.
        byte[] first = ZstdTestData.ReadFixture("text-8k.l1.zst");
        byte[] treeless = [0x03 | (1 << 4), 0, 0, 0, 0];
        byte[] second = Frame(0x00, [0x00], BlockHeader(2, treeless.Length, last: true), treeless);

        var error = Assert.Throws<ParquetFormatException>(() => ZstdTestData.Decompress([.. first, .. second]));

        Assert.StartsWith("zstd: corrupt literals section", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompress_repeatOffsetPatterns_matchOriginalAtEveryLevel()
    {
        string[] names = ["repeats-24k.l1.zst", "repeats-24k.l3.zst", "repeats-24k.l19.zst"];

        string[] hashes = [.. names.Select(n => ZstdTestData.Sha256(ZstdTestData.Decompress(ZstdTestData.ReadFixture(n))))];

        Assert.All(hashes, h => Assert.Equal(ZstdTestData.OriginalSha256("repeats-24k.l1.zst"), h));
    }

    internal static byte[] Frame(byte descriptor, byte[] headerFields, params byte[][] parts)
    {
        var frame = new List<byte> { 0x28, 0xB5, 0x2F, 0xFD, descriptor };
        frame.AddRange(headerFields);
        foreach (byte[] part in parts)
        {
            frame.AddRange(part);
        }

        return [.. frame];
    }

    internal static byte[] BlockHeader(int type, int size, bool last)
    {
        int header = (last ? 1 : 0) | (type << 1) | (size << 3);
        return [(byte)header, (byte)(header >> 8), (byte)(header >> 16)];
    }

    internal static byte[] RawBlock(byte[] content, bool last) => [.. BlockHeader(0, content.Length, last), .. content];

    internal static byte[] RleBlock(byte value, int count, bool last) => [.. BlockHeader(1, count, last), value];
}
