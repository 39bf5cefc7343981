using System.Diagnostics;
using AdintAudit.Parquet.Writing;

namespace AdintAudit.Parquet.Encodings;

/// <summary>
/// Encodes Parquet's RLE / bit-packed hybrid: runs of 8 or more equal values become RLE runs, everything else is
/// bit-packed in groups of 8 values (LSB first). The inverse of <see cref="RleBitPackedHybridDecoder"/>.
/// </summary>
/// <remarks>
/// A bit-packed run holds at most 63 groups so its header is one byte; only the last group of the whole stream is
/// padded with zeros (readers stop after the number of values they expect). O(n) time, no allocation.
/// </remarks>
internal static class RleBitPackedHybridEncoder
{
    private const int MinRleRun = 8;
    private const int MaxGroupsPerRun = 63;

    /// <summary>Returns the number of bits needed to store <paramref name="maxValue"/> (0 for 0).</summary>
    public static int BitWidth(int maxValue) => maxValue <= 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxValue);

    /// <summary>Appends the encoded runs of <paramref name="values"/> (no length prefix).</summary>
    /// <param name="values">Values, each in 0 .. 2^<paramref name="bitWidth"/> - 1.</param>
    /// <param name="bitWidth">Bits per value, 0..32.</param>
    /// <param name="output">Receives the runs.</param>
    public static void Encode(ReadOnlySpan<int> values, int bitWidth, ByteBuffer output)
    {
        Debug.Assert(bitWidth is >= 0 and <= 32, "bit width out of range");
        int byteWidth = (bitWidth + 7) >> 3;
        int i = 0;
        int n = values.Length;
        while (i < n)
        {
            int run = RunLength(values, i);
            if (run >= MinRleRun)
            {
                output.WriteVarint((ulong)run << 1);
                uint value = (uint)values[i];
                for (int b = 0; b < byteWidth; b++)
                {
                    output.WriteByte((byte)(value >> (8 * b)));
                }

                i += run;
                continue;
            }

            // Bit-packed groups until a long run starts at a group boundary, the header is full, or the input ends.
            int headerAt = output.Length;
            output.WriteByte(0);
            int groups = 0;
            do
            {
                PackGroup(values, i, bitWidth, output);
                i += 8;
                groups++;
            }
            while (i < n && groups < MaxGroupsPerRun && RunLength(values, i) < MinRleRun);

            output.Written[headerAt] = (byte)((groups << 1) | 1);
        }
    }

    /// <summary>Appends <paramref name="count"/> copies of <paramref name="value"/> as one RLE run (used for levels without nulls).</summary>
    public static void EncodeRepeated(int value, int count, int bitWidth, ByteBuffer output)
    {
        if (count == 0)
        {
            return;
        }

        output.WriteVarint((ulong)count << 1);
        int byteWidth = (bitWidth + 7) >> 3;
        for (int b = 0; b < byteWidth; b++)
        {
            output.WriteByte((byte)((uint)value >> (8 * b)));
        }
    }

    private static int RunLength(ReadOnlySpan<int> values, int start)
    {
        int first = values[start];
        int end = start + 1;
        while (end < values.Length && values[end] == first)
        {
            end++;
        }

        return end - start;
    }

    /// <summary>Packs values[start .. start + 8) (zeros past the end) into <paramref name="bitWidth"/> bytes.</summary>
    private static void PackGroup(ReadOnlySpan<int> values, int start, int bitWidth, ByteBuffer output)
    {
        if (bitWidth == 0)
        {
            return;
        }

        Span<byte> target = output.GetSpan(bitWidth);
        ulong buffer = 0;
        int bits = 0;
        int written = 0;
        int available = Math.Min(8, values.Length - start);
        for (int k = 0; k < 8; k++)
        {
            ulong value = k < available ? (uint)values[start + k] : 0u;
            buffer |= value << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                target[written++] = (byte)buffer;
                buffer >>= 8;
                bits -= 8;
            }
        }

        Debug.Assert(written == bitWidth, "8 values of w bits fill exactly w bytes");
        output.Advance(written);
    }
}
