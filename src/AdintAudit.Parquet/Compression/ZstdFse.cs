using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AdintAudit.Parquet.Compression;

/// <summary>
/// One state of an FSE decoding table, with the symbol already translated into a baseline value and a number of
/// extra bits (for sequence codes) or into the plain symbol (<see cref="BaseValue"/>, zero extra bits).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ZstdFseEntry
{
    /// <summary>The decoded value before extra bits are added (the symbol itself for Huffman weights).</summary>
    public uint BaseValue;

    /// <summary>The state baseline: the next state is this plus <see cref="NbBits"/> bits read from the stream.</summary>
    public ushort NextState;

    /// <summary>How many extra bits follow the code in the stream (sequence codes only).</summary>
    public byte AddBits;

    /// <summary>How many bits refresh the state.</summary>
    public byte NbBits;
}

/// <summary>FSE table descriptions (RFC 8878 section 4.1.1) and decoding table construction.</summary>
internal static class ZstdFse
{
    /// <summary>The largest symbol a distribution may describe here (match-length codes go up to 52).</summary>
    public const int MaxSymbols = 64;

    /// <summary>The largest FSE table (accuracy log 9).</summary>
    public const int MaxTableSize = 512;

    /// <summary>
    /// Reads an FSE table description from the start of <paramref name="source"/> into <paramref name="counts"/>.
    /// </summary>
    /// <param name="source">The bytes holding the description (more may follow).</param>
    /// <param name="counts">Receives the normalized count of each symbol (-1 for "less than one").</param>
    /// <param name="maxSymbol">The largest symbol the caller accepts.</param>
    /// <param name="maxLog">The largest accuracy log the caller accepts.</param>
    /// <param name="symbolCount">Receives one more than the largest symbol described.</param>
    /// <param name="tableLog">Receives the accuracy log.</param>
    /// <returns>The number of bytes the description occupies.</returns>
    public static int ReadDistribution(
        ReadOnlySpan<byte> source, Span<short> counts, int maxSymbol, int maxLog, out int symbolCount, out int tableLog)
    {
        if (source.IsEmpty)
        {
            ZstdThrow.Truncated("FSE table");
        }

        tableLog = (source[0] & 15) + 5;
        if (tableLog > maxLog)
        {
            ZstdThrow.Corrupt("FSE table (accuracy log too large)");
        }

        int bitPos = 4;
        int remaining = (1 << tableLog) + 1;
        int threshold = 1 << tableLog;
        int nbBits = tableLog + 1;
        int symbol = 0;
        bool previousZero = false;
        while (remaining > 1)
        {
            if (previousZero)
            {
                int zeroEnd = symbol;
                while (true)
                {
                    int flag = (int)(PeekForward(source, bitPos) & 3);
                    bitPos += 2;
                    zeroEnd += flag;
                    if (zeroEnd > maxSymbol)
                    {
                        ZstdThrow.Corrupt("FSE table (too many symbols)");
                    }

                    if (flag != 3)
                    {
                        break;
                    }
                }

                while (symbol < zeroEnd)
                {
                    counts[symbol++] = 0;
                }
            }

            if (symbol > maxSymbol)
            {
                ZstdThrow.Corrupt("FSE table (too many symbols)");
            }

            int max = (2 * threshold) - 1 - remaining;
            uint bits = PeekForward(source, bitPos);
            int count;
            if ((int)(bits & (uint)(threshold - 1)) < max)
            {
                count = (int)(bits & (uint)(threshold - 1));
                bitPos += nbBits - 1;
            }
            else
            {
                count = (int)(bits & (uint)((2 * threshold) - 1));
                if (count >= threshold)
                {
                    count -= max;
                }

                bitPos += nbBits;
            }

            count--;
            remaining -= count < 0 ? -count : count;
            counts[symbol++] = (short)count;
            previousZero = count == 0;
            if (remaining < 1)
            {
                ZstdThrow.Corrupt("FSE table (probabilities exceed the table size)");
            }

            while (remaining < threshold)
            {
                nbBits--;
                threshold >>= 1;
            }
        }

        int bytes = (bitPos + 7) >> 3;
        if (bytes > source.Length)
        {
            ZstdThrow.Truncated("FSE table");
        }

        symbolCount = symbol;
        return bytes;
    }

    /// <summary>
    /// Builds the decoding table of a distribution (RFC 8878 section 4.1.1): symbols of count -1 take the last
    /// states, the others are spread with step <c>5/8 * size + 3</c>, then each state gets its baseline and bit count.
    /// </summary>
    /// <param name="table">Receives <c>1 &lt;&lt; tableLog</c> entries.</param>
    /// <param name="counts">Normalized counts, which must add up to <c>1 &lt;&lt; tableLog</c>.</param>
    /// <param name="tableLog">The accuracy log (at most 9).</param>
    /// <param name="baseValues">Baseline value of each symbol, or empty for the symbol itself.</param>
    /// <param name="addBits">Extra bits of each symbol, or empty for none.</param>
    public static void BuildTable(
        Span<ZstdFseEntry> table, ReadOnlySpan<short> counts, int tableLog, ReadOnlySpan<uint> baseValues, ReadOnlySpan<byte> addBits)
    {
        int tableSize = 1 << tableLog;
        int highThreshold = tableSize - 1;
        Span<byte> symbols = stackalloc byte[MaxTableSize];
        Span<ushort> next = stackalloc ushort[MaxSymbols];
        for (int s = 0; s < counts.Length; s++)
        {
            if (counts[s] == -1)
            {
                symbols[highThreshold--] = (byte)s;
                next[s] = 1;
            }
            else
            {
                next[s] = (ushort)counts[s];
            }
        }

        int position = 0;
        int step = (tableSize >> 1) + (tableSize >> 3) + 3;
        int mask = tableSize - 1;
        for (int s = 0; s < counts.Length; s++)
        {
            for (int i = 0; i < counts[s]; i++)
            {
                symbols[position] = (byte)s;
                do
                {
                    position = (position + step) & mask;
                }
                while (position > highThreshold);
            }
        }

        if (position != 0)
        {
            ZstdThrow.Corrupt("FSE table (symbols do not fill the table)");
        }

        for (int u = 0; u < tableSize; u++)
        {
            int s = symbols[u];
            uint nextState = next[s]++;
            int nbBits = tableLog - BitOperations.Log2(nextState);
            ref ZstdFseEntry entry = ref table[u];
            entry.NbBits = (byte)nbBits;
            entry.NextState = (ushort)((nextState << nbBits) - (uint)tableSize);
            entry.BaseValue = baseValues.IsEmpty ? (uint)s : baseValues[s];
            entry.AddBits = addBits.IsEmpty ? (byte)0 : addBits[s];
        }
    }

    /// <summary>Reads 32 bits starting at bit <paramref name="bitPos"/>, with zeros past the end (at least 25 are real).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint PeekForward(ReadOnlySpan<byte> source, int bitPos)
    {
        int index = bitPos >> 3;
        uint value;
        if (index + 4 <= source.Length)
        {
            value = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetReference(source), index));
        }
        else
        {
            value = 0;
            for (int i = Math.Min(source.Length, index + 4) - 1; i >= index; i--)
            {
                value = (value << 8) | source[i];
            }
        }

        return value >> (bitPos & 7);
    }
}
