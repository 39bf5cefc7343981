using System.Numerics;
using System.Runtime.CompilerServices;

namespace AdintAudit.Parquet.Compression;

/// <summary>
/// Huffman literal decoding (RFC 8878 section 4.2): tree descriptions, the single-symbol lookup table of
/// <c>2^maxBits</c> entries, and the 1- and 4-stream decoders.
/// </summary>
/// <remarks>
/// A table entry is a <see cref="ushort"/>: the symbol in the high byte, the code length in the low byte. The table
/// is indexed by the next <c>maxBits</c> bits of the stream; a symbol of weight <c>w</c> owns <c>2^(w-1)</c>
/// consecutive entries, assigned by increasing weight and then by increasing symbol.
/// </remarks>
internal static unsafe class ZstdHuffman
{
    /// <summary>The longest code the format allows.</summary>
    public const int MaxBits = 11;

    /// <summary>The number of entries of the largest lookup table.</summary>
    public const int MaxTableSize = 1 << MaxBits;

    private const int MaxWeightLog = 6;

    /// <summary>
    /// Reads a Huffman tree description and fills <paramref name="table"/>.
    /// </summary>
    /// <param name="source">The literals data, starting with the tree description.</param>
    /// <param name="table">Receives the lookup table; at least <see cref="MaxTableSize"/> entries.</param>
    /// <param name="maxBits">Receives the longest code length, which indexes the table.</param>
    /// <returns>The number of bytes the description occupies.</returns>
    public static int ReadTable(ReadOnlySpan<byte> source, Span<ushort> table, out int maxBits)
    {
        if (source.IsEmpty)
        {
            ZstdThrow.Truncated("Huffman table");
        }

        Span<byte> weights = stackalloc byte[256];
        int header = source[0];
        int weightCount;
        int consumed;
        if (header >= 128)
        {
            weightCount = header - 127;
            int bytes = (weightCount + 1) / 2;
            if (1 + bytes > source.Length)
            {
                ZstdThrow.Truncated("Huffman table");
            }

            for (int i = 0; i < weightCount; i++)
            {
                byte packed = source[1 + (i >> 1)];
                weights[i] = (byte)((i & 1) == 0 ? packed >> 4 : packed & 15);
            }

            consumed = 1 + bytes;
        }
        else
        {
            if (header == 0)
            {
                ZstdThrow.Corrupt("Huffman table (empty weights)");
            }

            if (1 + header > source.Length)
            {
                ZstdThrow.Truncated("Huffman table");
            }

            weightCount = DecodeWeights(source.Slice(1, header), weights);
            consumed = 1 + header;
        }

        BuildTable(weights, weightCount, table, out maxBits);
        return consumed;
    }

    /// <summary>Decodes one Huffman stream of <paramref name="length"/> bytes into exactly <c>oend - op</c> symbols.</summary>
    public static void DecodeStream(ushort* table, int maxBits, byte* stream, int length, byte* op, byte* oend)
    {
        ZstdBitReader reader = ZstdBitReader.Create(stream, length, "Huffman stream");
        int shift = 64 - maxBits;

        // 4 symbols of at most 11 bits fit in the 57 bits a fast reload guarantees.
        while (oend - op >= 4 && reader.CanReloadFast)
        {
            reader.ReloadFast();
            op[0] = DecodeSymbol(ref reader, table, shift);
            op[1] = DecodeSymbol(ref reader, table, shift);
            op[2] = DecodeSymbol(ref reader, table, shift);
            op[3] = DecodeSymbol(ref reader, table, shift);
            op += 4;
        }

        while (op < oend)
        {
            reader.Reload();
            *op++ = DecodeSymbol(ref reader, table, shift);
        }

        reader.Reload();
        if (!reader.IsExactEnd)
        {
            ZstdThrow.Corrupt("Huffman stream (does not end where its symbols do)");
        }
    }

    /// <summary>
    /// Decodes the 4-stream layout: a 6-byte jump table, then four streams that regenerate
    /// <c>(size + 3) / 4</c> bytes each except the last, which regenerates the rest.
    /// </summary>
    public static void Decode4Streams(ushort* table, int maxBits, byte* source, int length, byte* dst, int size)
    {
        if (length < 10)
        {
            ZstdThrow.Corrupt("Huffman streams (jump table)");
        }

        int length1 = Unsafe.ReadUnaligned<ushort>(source);
        int length2 = Unsafe.ReadUnaligned<ushort>(source + 2);
        int length3 = Unsafe.ReadUnaligned<ushort>(source + 4);
        int length4 = length - 6 - length1 - length2 - length3;
        if (length1 == 0 || length2 == 0 || length3 == 0 || length4 <= 0)
        {
            ZstdThrow.Corrupt("Huffman streams (jump table)");
        }

        int segment = (size + 3) / 4;
        if (3 * segment > size)
        {
            ZstdThrow.Corrupt("Huffman streams (too few literals for four streams)");
        }

        byte* stream1 = source + 6;
        byte* stream2 = stream1 + length1;
        byte* stream3 = stream2 + length2;
        byte* stream4 = stream3 + length3;
        ZstdBitReader r1 = ZstdBitReader.Create(stream1, length1, "Huffman stream");
        ZstdBitReader r2 = ZstdBitReader.Create(stream2, length2, "Huffman stream");
        ZstdBitReader r3 = ZstdBitReader.Create(stream3, length3, "Huffman stream");
        ZstdBitReader r4 = ZstdBitReader.Create(stream4, length4, "Huffman stream");
        byte* op1 = dst;
        byte* op2 = op1 + segment;
        byte* op3 = op2 + segment;
        byte* op4 = op3 + segment;
        byte* oend4 = dst + size;
        int shift = 64 - maxBits;

        // Stream 4 is the shortest, so while it has room for 4 more symbols, so have the others.
        while (oend4 - op4 >= 4 && r1.CanReloadFast && r2.CanReloadFast && r3.CanReloadFast && r4.CanReloadFast)
        {
            r1.ReloadFast();
            r2.ReloadFast();
            r3.ReloadFast();
            r4.ReloadFast();
            for (int i = 0; i < 4; i++)
            {
                op1[i] = DecodeSymbol(ref r1, table, shift);
                op2[i] = DecodeSymbol(ref r2, table, shift);
                op3[i] = DecodeSymbol(ref r3, table, shift);
                op4[i] = DecodeSymbol(ref r4, table, shift);
            }

            op1 += 4;
            op2 += 4;
            op3 += 4;
            op4 += 4;
        }

        FinishStream(r1, table, shift, op1, dst + segment);
        FinishStream(r2, table, shift, op2, dst + (2 * segment));
        FinishStream(r3, table, shift, op3, dst + (3 * segment));
        FinishStream(r4, table, shift, op4, oend4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte DecodeSymbol(ref ZstdBitReader reader, ushort* table, int shift)
    {
        ushort entry = table[(reader.Container << (int)reader.Consumed) >> shift];
        reader.Consumed += (uint)(entry & 0xFF);
        return (byte)(entry >> 8);
    }

    private static void FinishStream(ZstdBitReader reader, ushort* table, int shift, byte* op, byte* oend)
    {
        while (op < oend)
        {
            reader.Reload();
            *op++ = DecodeSymbol(ref reader, table, shift);
        }

        reader.Reload();
        if (!reader.IsExactEnd)
        {
            ZstdThrow.Corrupt("Huffman stream (does not end where its symbols do)");
        }
    }

    /// <summary>Decodes FSE-compressed Huffman weights (two interleaved states, accuracy log at most 6).</summary>
    private static int DecodeWeights(ReadOnlySpan<byte> source, Span<byte> weights)
    {
        Span<short> counts = stackalloc short[16];
        int used = ZstdFse.ReadDistribution(source, counts, 12, MaxWeightLog, out int symbolCount, out int tableLog);
        Span<ZstdFseEntry> fse = stackalloc ZstdFseEntry[1 << MaxWeightLog];
        ZstdFse.BuildTable(fse, counts[..symbolCount], tableLog, default, default);

        ReadOnlySpan<byte> stream = source[used..];
        if (stream.IsEmpty || stream[^1] == 0)
        {
            ZstdThrow.Corrupt("Huffman table (weights bitstream)");
        }

        // Bits still unread, counted from the bottom of the stream; negative once reads run past its start.
        int remaining = (stream.Length * 8) - 8 + BitOperations.Log2(stream[^1]);
        uint state1 = ReadBitsSlow(stream, ref remaining, tableLog);
        uint state2 = ReadBitsSlow(stream, ref remaining, tableLog);
        if (remaining < 0)
        {
            ZstdThrow.Corrupt("Huffman table (weights bitstream)");
        }

        int count = 0;
        while (true)
        {
            if (count > 253)
            {
                ZstdThrow.Corrupt("Huffman table (too many weights)");
            }

            ZstdFseEntry e1 = fse[(int)state1];
            weights[count++] = (byte)e1.BaseValue;
            state1 = e1.NextState + ReadBitsSlow(stream, ref remaining, e1.NbBits);
            if (remaining < 0)
            {
                weights[count++] = (byte)fse[(int)state2].BaseValue;
                break;
            }

            if (count > 253)
            {
                ZstdThrow.Corrupt("Huffman table (too many weights)");
            }

            ZstdFseEntry e2 = fse[(int)state2];
            weights[count++] = (byte)e2.BaseValue;
            state2 = e2.NextState + ReadBitsSlow(stream, ref remaining, e2.NbBits);
            if (remaining < 0)
            {
                weights[count++] = (byte)fse[(int)state1].BaseValue;
                break;
            }
        }

        return count;
    }

    private static uint ReadBitsSlow(ReadOnlySpan<byte> stream, ref int remaining, int count)
    {
        uint value = 0;
        for (int i = 0; i < count; i++)
        {
            int position = remaining - 1 - i;
            uint bit = position >= 0 ? (uint)(stream[position >> 3] >> (position & 7)) & 1 : 0;
            value = (value << 1) | bit;
        }

        remaining -= count;
        return value;
    }

    private static void BuildTable(Span<byte> weights, int weightCount, Span<ushort> table, out int maxBits)
    {
        Span<int> rankCount = stackalloc int[MaxBits + 2];
        uint total = 0;
        for (int i = 0; i < weightCount; i++)
        {
            int w = weights[i];
            if (w > MaxBits)
            {
                ZstdThrow.Corrupt("Huffman table (weight too large)");
            }

            if (w > 0)
            {
                total += 1u << (w - 1);
            }
        }

        if (total == 0)
        {
            ZstdThrow.Corrupt("Huffman table (all weights zero)");
        }

        maxBits = BitOperations.Log2(total) + 1;
        if (maxBits > MaxBits)
        {
            ZstdThrow.Corrupt("Huffman table (codes too long)");
        }

        uint rest = (1u << maxBits) - total;
        if (!BitOperations.IsPow2(rest))
        {
            ZstdThrow.Corrupt("Huffman table (weights do not form a prefix code)");
        }

        weights[weightCount] = (byte)(BitOperations.Log2(rest) + 1);
        int symbolCount = weightCount + 1;
        for (int s = 0; s < symbolCount; s++)
        {
            rankCount[weights[s]]++;
        }

        Span<int> rankStart = stackalloc int[MaxBits + 2];
        int start = 0;
        for (int w = 1; w <= maxBits; w++)
        {
            rankStart[w] = start;
            start += rankCount[w] << (w - 1);
        }

        for (int s = 0; s < symbolCount; s++)
        {
            int w = weights[s];
            if (w == 0)
            {
                continue;
            }

            int length = 1 << (w - 1);
            ushort entry = (ushort)((s << 8) | (maxBits + 1 - w));
            table.Slice(rankStart[w], length).Fill(entry);
            rankStart[w] += length;
        }
    }
}
