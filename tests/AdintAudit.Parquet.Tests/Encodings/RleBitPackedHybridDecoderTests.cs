using AdintAudit.Parquet.Encodings;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Parquet.Tests.Encodings;

public sealed class RleBitPackedHybridDecoderTests
{
    [Fact]
    public void Decode_rle_run_repeats_the_value()
    {
        byte[] data = [0x0A, 0x03]; // run of 5, value 3 (bit width 2 -> one value byte)
        int[] values = new int[5];

        int consumed = RleBitPackedHybridDecoder.Decode(data, 2, values);

        Assert.Equal([3, 3, 3, 3, 3], values);
        Assert.Equal(2, consumed);
    }

    [Fact]
    public void Decode_bit_packed_group_matches_the_specification_example()
    {
        // The spec's example: 0..7 with bit width 3 packs to 10001000 11000110 11111010.
        byte[] data = [0x03, 0x88, 0xC6, 0xFA];
        int[] values = new int[8];

        RleBitPackedHybridDecoder.Decode(data, 3, values);

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], values);
    }

    [Fact]
    public void Decode_stops_inside_a_padded_last_group()
    {
        byte[] data = [0x03, 0x88, 0xC6, 0xFA];
        int[] values = new int[3];

        RleBitPackedHybridDecoder.Decode(data, 3, values);

        Assert.Equal([0, 1, 2], values);
    }

    [Fact]
    public void Decode_bit_width_zero_yields_zeros_without_data()
    {
        int[] values = [9, 9, 9];

        RleBitPackedHybridDecoder.Decode([0x06], 0, values);

        Assert.Equal([0, 0, 0], values);
    }

    [Fact]
    public void Decode_too_few_runs_throws_format_exception()
    {
        int[] values = new int[10];

        var error = Assert.Throws<ParquetFormatException>(() => RleBitPackedHybridDecoder.Decode([0x0A, 0x03], 2, values));

        Assert.Contains("RLE data ends", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_run_value_wider_than_bit_width_throws()
    {
        Assert.Throws<ParquetFormatException>(() => RleBitPackedHybridDecoder.Decode([0x02, 0x07], 2, new int[1]));
    }

    [Fact]
    public void DecodeLevels_long_streams_decode_in_chunks_like_ints()
    {
        int[] expected = new int[200_000];
        for (int i = 0; i < expected.Length; i++)
        {
            expected[i] = (i / 7) % 3 == 0 ? 1 : i % 2;
        }

        byte[] data = ReferenceEncoders.RleHybrid(expected, 1);
        byte[] levels = new byte[expected.Length];

        RleBitPackedHybridDecoder.DecodeLevels(data, 1, levels);

        Assert.Equal(expected, levels.Select(b => (int)b));
    }

    [Fact]
    public void Decode_round_trips_any_values_at_any_bit_width() =>
        Prop.ForAll(
            Gen.Choose(0, 32).SelectMany(width => Gen.ArrayOf(
                    Gen.OneOf(Gen.Choose(0, 3), Gen.Choose(0, int.MaxValue)).Select(v => width == 32 ? v : v & (int)((1L << width) - 1)))
                .Select(values => (width, values))).ToArbitrary(),
            ((int Width, int[] Values) input) =>
            {
                byte[] data = ReferenceEncoders.RleHybrid(input.Values, input.Width);
                int[] decoded = new int[input.Values.Length];
                RleBitPackedHybridDecoder.Decode(data, input.Width, decoded);
                return decoded.AsSpan().SequenceEqual(input.Values);
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Decode_arbitrary_bytes_never_throws_anything_but_format_exception() =>
        Prop.ForAll<byte[], byte, ushort>((data, width, count) =>
        {
            try
            {
                RleBitPackedHybridDecoder.Decode(data ?? [], width % 40, new int[count % 2000]);
            }
            catch (ParquetFormatException)
            {
            }

            return true;
        })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
}
