using System.Text;
using AdintAudit.Parquet.Compression;

namespace AdintAudit.Parquet.Tests.Compression;

public sealed class XxHash64Tests
{
    // Expected values produced by `xxhsum -H64` (xxHash 0.8.1) on bytes (i * 7 + 3) & 255 for i < length.
    public static TheoryData<int, ulong> PatternVectors => new()
    {
        { 0, 0xef46db3751d8e999UL },
        { 1, 0x1f25c8d0bc1f4bb6UL },
        { 3, 0x31d2363f52e564c9UL },
        { 4, 0x9bb64b7d66ee9fdaUL },
        { 7, 0x9a7b149959ce60d8UL },
        { 8, 0xdab99d95c6f90092UL },
        { 31, 0xa2aa5f33cc4a6119UL },
        { 32, 0x23c3c17ef790fd97UL },
        { 33, 0x50a7cfc7ba588784UL },
        { 63, 0x5e3e54b431c7493cUL },
        { 64, 0x0eb64b3ef6eeb01fUL },
        { 100, 0xa61f8d4c170fe531UL },
        { 1000, 0x5f235fa033f1a3fbUL },
        { 5000, 0x9a8d831c04aa8b1dUL },
    };

    [Theory]
    [MemberData(nameof(PatternVectors))]
    public void Hash_pattern_matchesXxhsum(int length, ulong expected)
    {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)((i * 7) + 3);
        }

        ulong actual = XxHash64.Hash(data);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("a", 0xd24ec4f1a98c6e5bUL)]
    [InlineData("abc", 0x44bc2cf5ad770999UL)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x0b242d361fda71bcUL)]
    public void Hash_text_matchesXxhsum(string text, ulong expected)
    {
        byte[] data = Encoding.ASCII.GetBytes(text);

        ulong actual = XxHash64.Hash(data);

        Assert.Equal(expected, actual);
    }
}
