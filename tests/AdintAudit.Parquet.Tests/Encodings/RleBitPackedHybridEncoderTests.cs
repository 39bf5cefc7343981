using AdintAudit.Parquet.Encodings;
using AdintAudit.Parquet.Writing;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Parquet.Tests.Encodings;

public sealed class RleBitPackedHybridEncoderTests
{
    [Fact]
    public void Encode_randomValues_decodeToTheSameValues()
    {
        Gen<(int Width, int[] Values)> cases =
            from width in Gen.Choose(0, 32)
            from runs in Gen.ListOf(
                from value in Gen.Choose(int.MinValue, int.MaxValue)
                from length in Gen.Frequency((3, Gen.Choose(1, 3)), (1, Gen.Choose(8, 40)))
                select (value, length))
            select (width, Expand(runs, width));

        Prop.ForAll(cases.ToArbitrary(), c => RoundTrips(c.Values, c.Width)).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1000)]
    public void Encode_alternatingBits_decodesAtEveryLength(int length)
    {
        int[] values = new int[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (i / 3) & 1;
        }

        bool ok = RoundTrips(values, 1);

        Assert.True(ok);
    }

    [Fact]
    public void Encode_longRun_isOneRleRun()
    {
        var output = new ByteBuffer();

        RleBitPackedHybridEncoder.Encode(new int[100_000].AsSpan(), 1, output);

        Assert.Equal(4, output.Length); // varint header (3 bytes) + one value byte
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(255, 8)]
    [InlineData(256, 9)]
    [InlineData(int.MaxValue, 31)]
    public void BitWidth_ofMaxValue_isTheBitsNeeded(int maxValue, int expected)
    {
        int width = RleBitPackedHybridEncoder.BitWidth(maxValue);

        Assert.Equal(expected, width);
    }

    private static int[] Expand(List<(int Value, int Length)> runs, int width)
    {
        var values = new List<int>();
        long mask = width == 32 ? -1L : (1L << width) - 1;
        foreach ((int value, int length) in runs)
        {
            for (int i = 0; i < length; i++)
            {
                values.Add((int)(value & mask));
            }
        }

        return [.. values];
    }

    private static bool RoundTrips(int[] values, int width)
    {
        var output = new ByteBuffer();
        RleBitPackedHybridEncoder.Encode(values, width, output);
        int[] decoded = new int[values.Length];
        RleBitPackedHybridDecoder.Decode(output.Written, width, decoded);
        return values.AsSpan().SequenceEqual(decoded);
    }
}
