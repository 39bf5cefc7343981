using System.Text;
using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Encodings;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Parquet.Tests.Encodings;

public sealed class DeltaDecoderTests
{
    [Fact]
    public void DeltaBinaryPacked_decodes_the_specification_example()
    {
        // 7, 5, 3, 1, 2, 3, 4, 5: deltas -2 -2 -2 1 1 1 1, min delta -2, relative 0 0 0 3 3 3 3 in 2 bits.
        long[] expected = [7, 5, 3, 1, 2, 3, 4, 5];
        byte[] data = ReferenceEncoders.DeltaBinaryPacked(expected);
        long[] decoded = new long[8];

        int consumed = DeltaBinaryPackedDecoder.Decode(data, decoded, out int count);

        Assert.Equal(8, count);
        Assert.Equal(expected, decoded);
        Assert.Equal(data.Length, consumed);
    }

    [Fact]
    public void DeltaBinaryPacked_round_trips_extreme_values() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.OneOf(
                Gen.Choose(-1000, 1000).Select(i => (long)i),
                Gen.Elements(long.MinValue, long.MaxValue, 0L, -1L),
                ArbMap.Default.GeneratorFor<long>())).ToArbitrary(),
            (long[] values) =>
            {
                byte[] data = ReferenceEncoders.DeltaBinaryPacked(values);
                long[] decoded = new long[values.Length];
                int consumed = DeltaBinaryPackedDecoder.Decode(data, decoded, out int count);
                return count == values.Length && consumed == data.Length && decoded.AsSpan().SequenceEqual(values);
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void DeltaBinaryPacked_more_values_than_room_throws()
    {
        byte[] data = ReferenceEncoders.DeltaBinaryPacked([1, 2, 3]);

        Assert.Throws<ParquetFormatException>(() => DeltaBinaryPackedDecoder.Decode(data, new long[2], out _));
    }

    [Fact]
    public void DeltaBinaryPacked_invalid_block_size_throws()
    {
        byte[] data = [0x07, 0x04, 0x01, 0x02]; // block size 7 is not a multiple of 128

        Assert.Throws<ParquetFormatException>(() => DeltaBinaryPackedDecoder.Decode(data, new long[1], out _));
    }

    [Fact]
    public void DeltaLengthByteArray_round_trips_strings() =>
        Prop.ForAll<string[]>(strings =>
        {
            byte[][] values = [.. (strings ?? []).Select(s => Encoding.UTF8.GetBytes(s ?? string.Empty))];
            var output = new ByteArrayValues(0, 0);
            byte[] data = ReferenceEncoders.DeltaLengthByteArray(values);
            int consumed = DeltaLengthByteArrayDecoder.Decode(data, values.Length, output);
            return consumed == data.Length && output.Count == values.Length
                && Enumerable.Range(0, values.Length).All(i => output[i].SequenceEqual(values[i]));
        })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void DeltaByteArray_rebuilds_values_from_shared_prefixes()
    {
        byte[][] values = [.. new[] { "axis", "axle", "babble", "babyhood", "", "b" }.Select(Encoding.UTF8.GetBytes)];
        var output = new ByteArrayValues(0, 0);

        DeltaByteArrayDecoder.Decode(ReferenceEncoders.DeltaByteArray(values), values.Length, output);

        Assert.Equal(["axis", "axle", "babble", "babyhood", "", "b"], Enumerable.Range(0, output.Count).Select(i => Encoding.UTF8.GetString(output[i])));
    }

    [Fact]
    public void DeltaByteArray_round_trips_sorted_strings() =>
        Prop.ForAll<string[]>(strings =>
        {
            byte[][] values = [.. (strings ?? []).Select(s => s ?? string.Empty).Order(StringComparer.Ordinal).Select(Encoding.UTF8.GetBytes)];
            var output = new ByteArrayValues(0, 0);
            DeltaByteArrayDecoder.Decode(ReferenceEncoders.DeltaByteArray(values), values.Length, output);
            return output.Count == values.Length && Enumerable.Range(0, values.Length).All(i => output[i].SequenceEqual(values[i]));
        })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void ByteStreamSplit_reassembles_doubles()
    {
        double[] expected = [1.5, -2.25, double.NaN, 1e300];
        byte[] plain = [.. expected.SelectMany(BitConverter.GetBytes)];
        byte[] split = new byte[plain.Length];
        for (int v = 0; v < expected.Length; v++)
        {
            for (int b = 0; b < 8; b++)
            {
                split[(b * expected.Length) + v] = plain[(v * 8) + b];
            }
        }

        byte[] decoded = new byte[plain.Length];

        ByteStreamSplitDecoder.Decode(split, 8, expected.Length, decoded);

        Assert.Equal(plain, decoded);
    }

    [Fact]
    public void ByteStreamSplit_wrong_length_throws()
    {
        Assert.Throws<ParquetFormatException>(() => ByteStreamSplitDecoder.Decode(new byte[7], 4, 2, new byte[8]));
    }
}
