namespace AdintAudit.Parquet.Tests.Encodings;

/// <summary>
/// Straightforward encoders written from the Parquet specification, used only as oracles for the decoders.
/// They favour clarity over compactness.
/// </summary>
internal static class ReferenceEncoders
{
    /// <summary>RLE / bit-packed hybrid: alternates runs: repeated values of length ≥ 8 become RLE runs, the rest bit-packed groups.</summary>
    public static byte[] RleHybrid(int[] values, int bitWidth)
    {
        var output = new List<byte>();
        int i = 0;
        while (i < values.Length)
        {
            int run = 1;
            while (i + run < values.Length && values[i + run] == values[i])
            {
                run++;
            }

            if (run >= 8)
            {
                WriteVarint(output, (ulong)run << 1);
                int byteWidth = (bitWidth + 7) / 8;
                for (int b = 0; b < byteWidth; b++)
                {
                    output.Add((byte)(values[i] >> (8 * b)));
                }

                i += run;
                continue;
            }

            // A bit-packed run of whole groups of 8 (the last group padded with zeros).
            int count = Math.Min(8, values.Length - i);
            int groups = 1;
            WriteVarint(output, ((ulong)groups << 1) | 1);
            output.AddRange(PackLsb(values.AsSpan(i, count), bitWidth, 8));
            i += count;
        }

        return [.. output];
    }

    public static byte[] PackLsb(ReadOnlySpan<int> values, int bitWidth, int paddedCount)
    {
        byte[] bytes = new byte[((paddedCount * bitWidth) + 7) / 8];
        for (int v = 0; v < values.Length; v++)
        {
            for (int b = 0; b < bitWidth; b++)
            {
                if (((values[v] >> b) & 1) != 0)
                {
                    int bit = (v * bitWidth) + b;
                    bytes[bit >> 3] |= (byte)(1 << (bit & 7));
                }
            }
        }

        return bytes;
    }

    /// <summary>DELTA_BINARY_PACKED with block size 128 and 4 miniblocks of 32.</summary>
    public static byte[] DeltaBinaryPacked(long[] values)
    {
        const int BlockSize = 128;
        const int Miniblocks = 4;
        const int MiniblockSize = BlockSize / Miniblocks;
        var output = new List<byte>();
        WriteVarint(output, BlockSize);
        WriteVarint(output, Miniblocks);
        WriteVarint(output, (ulong)values.Length);
        WriteVarint(output, ZigZag(values.Length > 0 ? values[0] : 0));
        for (int start = 1; start < values.Length; start += BlockSize)
        {
            int count = Math.Min(BlockSize, values.Length - start);
            var deltas = new long[count];
            for (int i = 0; i < count; i++)
            {
                deltas[i] = unchecked(values[start + i] - values[start + i - 1]);
            }

            long min = deltas.Min();
            WriteVarint(output, ZigZag(min));
            var relative = new ulong[BlockSize];
            for (int i = 0; i < count; i++)
            {
                relative[i] = unchecked((ulong)(deltas[i] - min));
            }

            var widths = new int[Miniblocks];
            for (int m = 0; m < Miniblocks; m++)
            {
                ulong max = 0;
                for (int i = m * MiniblockSize; i < Math.Min(count, (m + 1) * MiniblockSize); i++)
                {
                    max = Math.Max(max, relative[i]);
                }

                widths[m] = max == 0 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(max);
                output.Add((byte)widths[m]);
            }

            for (int m = 0; m < Miniblocks && m * MiniblockSize < count; m++)
            {
                byte[] packed = new byte[MiniblockSize * widths[m] / 8];
                for (int v = 0; v < MiniblockSize; v++)
                {
                    ulong value = relative[(m * MiniblockSize) + v];
                    for (int b = 0; b < widths[m]; b++)
                    {
                        if (((value >> b) & 1) != 0)
                        {
                            int bit = (v * widths[m]) + b;
                            packed[bit >> 3] |= (byte)(1 << (bit & 7));
                        }
                    }
                }

                output.AddRange(packed);
            }
        }

        return [.. output];
    }

    public static byte[] DeltaLengthByteArray(byte[][] values)
    {
        var output = new List<byte>(DeltaBinaryPacked([.. values.Select(v => (long)v.Length)]));
        foreach (byte[] value in values)
        {
            output.AddRange(value);
        }

        return [.. output];
    }

    public static byte[] DeltaByteArray(byte[][] values)
    {
        var prefixes = new long[values.Length];
        var suffixes = new byte[values.Length][];
        for (int i = 0; i < values.Length; i++)
        {
            int prefix = 0;
            if (i > 0)
            {
                while (prefix < values[i].Length && prefix < values[i - 1].Length && values[i][prefix] == values[i - 1][prefix])
                {
                    prefix++;
                }
            }

            prefixes[i] = prefix;
            suffixes[i] = values[i][prefix..];
        }

        return [.. DeltaBinaryPacked(prefixes), .. DeltaLengthByteArray(suffixes)];
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static void WriteVarint(List<byte> output, ulong value)
    {
        while (value >= 0x80)
        {
            output.Add((byte)(value | 0x80));
            value >>= 7;
        }

        output.Add((byte)value);
    }
}
