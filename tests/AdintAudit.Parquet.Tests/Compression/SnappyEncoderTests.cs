using AdintAudit.Parquet.Compression;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Parquet.Tests.Compression;

public sealed class SnappyEncoderTests
{
    public static TheoryData<string, int> PayloadCases()
    {
        var cases = new TheoryData<string, int>();
        foreach (string kind in CodecTestData.PayloadKinds)
        {
            foreach (int length in new[] { 0, 1, 16, 17, 18, 1000, 65_535, 65_536, 65_537, 1_000_003 })
            {
                cases.Add(kind, length);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(PayloadCases))]
    public void Compress_payload_roundTripsThroughBothDecoders(string kind, int length)
    {
        byte[] input = CodecTestData.Payload(kind, length);
        byte[] compressed = new byte[SnappyEncoder.GetMaxCompressedLength(length)];

        int compressedLength = SnappyEncoder.Compress(input, compressed);

        byte[] block = compressed.AsSpan(0, compressedLength).ToArray();
        byte[] ours = new byte[length];
        Assert.Equal(length, SnappyDecoder.Decompress(block, ours));
        Assert.True(input.AsSpan().SequenceEqual(ours), $"{kind} {length}: our decoder differs");
        byte[] theirs = IronSnappy.Snappy.Decode(block);
        Assert.True(input.AsSpan().SequenceEqual(theirs), $"{kind} {length}: IronSnappy differs");
    }

    [Theory]
    [InlineData("text", 0.5)]
    [InlineData("runs", 0.2)]
    [InlineData("zeros", 0.06)]
    [InlineData("timestamps", 0.8)]
    [InlineData("random", 1.001)]
    public void Compress_payload_compressesAtLeastAsWellAsExpected(string kind, double maxRatio)
    {
        byte[] input = CodecTestData.Payload(kind, 200_000);
        byte[] compressed = new byte[SnappyEncoder.GetMaxCompressedLength(input.Length)];

        int compressedLength = SnappyEncoder.Compress(input, compressed);

        int reference = IronSnappy.Snappy.Encode(input).Length;
        Assert.True(compressedLength <= maxRatio * input.Length, $"{kind}: {compressedLength} bytes (IronSnappy {reference})");
        Assert.True(compressedLength <= reference * 1.1 + 64, $"{kind}: {compressedLength} bytes vs IronSnappy {reference}");
    }

    [Fact]
    public void Compress_emptyInput_writesZeroLengthBlock()
    {
        byte[] compressed = new byte[SnappyEncoder.GetMaxCompressedLength(0)];

        int compressedLength = SnappyEncoder.Compress([], compressed);

        Assert.Equal(1, compressedLength);
        Assert.Equal(0, compressed[0]);
    }

    [Fact]
    public void Compress_destinationBelowBound_throwsArgumentOutOfRange()
    {
        byte[] input = new byte[100];

        Assert.Throws<ArgumentOutOfRangeException>(() => SnappyEncoder.Compress(input, new byte[SnappyEncoder.GetMaxCompressedLength(100) - 1]));
    }

    [Fact]
    public void GetMaxCompressedLength_hugeLength_throwsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SnappyEncoder.GetMaxCompressedLength(int.MaxValue));
    }

    [Fact]
    public void Compress_randomBytes_roundTrip()
    {
        Gen<byte[]> anyBytes = Gen.Choose(0, 255).Select(i => (byte)i).ArrayOf();

        Prop.ForAll(anyBytes.ToArbitrary(), RoundTrips).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Compress_repetitiveBytes_roundTrip()
    {
        // Runs of a few symbols, repeated fragments and long arrays: the inputs that exercise copies, long copies
        // split into 64-byte elements, and fragment boundaries.
        Gen<byte[]> fragment = Gen.Choose(0, 3).Select(i => (byte)i).ArrayOf();
        Gen<byte[]> repetitive =
            from piece in fragment
            from repeats in Gen.Choose(1, 400)
            from tail in Gen.Choose(0, 255).Select(i => (byte)i).ArrayOf()
            select Repeat(piece, repeats, tail);

        Prop.ForAll(repetitive.ToArbitrary(), RoundTrips).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Compress_longRepetitiveInputs_roundTrip()
    {
        Gen<byte[]> longInput =
            from seed in Gen.Choose(0, int.MaxValue)
            from length in Gen.Choose(60_000, 200_000)
            from kind in Gen.Elements(CodecTestData.PayloadKinds)
            select CodecTestData.Payload(kind, length, (ulong)seed);

        Prop.ForAll(longInput.ToArbitrary(), RoundTrips).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    private static bool RoundTrips(byte[] input)
    {
        byte[] compressed = new byte[SnappyEncoder.GetMaxCompressedLength(input.Length)];
        int compressedLength = SnappyEncoder.Compress(input, compressed);
        byte[] output = new byte[input.Length];
        int written = SnappyDecoder.Decompress(compressed.AsSpan(0, compressedLength), output);
        return written == input.Length && input.AsSpan().SequenceEqual(output);
    }

    private static byte[] Repeat(byte[] piece, int repeats, byte[] tail)
    {
        byte[] result = new byte[(piece.Length * repeats) + tail.Length];
        for (int i = 0; i < repeats; i++)
        {
            piece.CopyTo(result, i * piece.Length);
        }

        tail.CopyTo(result, piece.Length * repeats);
        return result;
    }
}
