using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace AdintAudit.Parquet.Compression;

/// <summary>
/// Compresses data into one raw Snappy block (the Parquet SNAPPY codec).
/// </summary>
/// <remarks>
/// A greedy LZ77 matcher in the style of the reference compressor: the input is cut into 64 KiB fragments, each
/// matched against a hash table of 4-byte sequences (up to 2^14 entries of 16-bit positions) that is cleared per
/// fragment. When no match is found the step between probes grows by one byte every 32 misses, so incompressible
/// data is skipped quickly. Output is standard Snappy (copy elements with 1- and 2-byte offsets), decodable by any
/// conforming decoder. Runs in O(n) time; the hash table is rented from <see cref="ArrayPool{T}"/>.
/// </remarks>
internal static unsafe class SnappyEncoder
{
    private const int FragmentSize = 1 << 16;
    private const int MaxHashTableBits = 14;
    private const int MinHashTableBits = 8;
    private const int InputMarginBytes = 15;
    private const int MinNonLiteralFragmentSize = 1 + 1 + InputMarginBytes;
    private const uint HashMultiplier = 0x1E35A7BD;

    /// <summary>Returns the largest number of bytes <see cref="Compress"/> can write for an input of the given length.</summary>
    /// <param name="sourceLength">Input length in bytes, 0 to about 1.84e9.</param>
    /// <returns>The required destination length in bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The length is negative or its bound does not fit an <see cref="int"/>.</exception>
    public static int GetMaxCompressedLength(int sourceLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceLength);
        long bound = 32L + sourceLength + (sourceLength / 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bound, int.MaxValue, nameof(sourceLength));
        return (int)bound;
    }

    /// <summary>Compresses <paramref name="source"/> into one raw Snappy block.</summary>
    /// <param name="source">The bytes to compress.</param>
    /// <param name="destination">Receives the block; at least <see cref="GetMaxCompressedLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is shorter than the bound.</exception>
    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int bound = GetMaxCompressedLength(source.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, bound, nameof(destination));

        ushort[] table = ArrayPool<ushort>.Shared.Rent(1 << MaxHashTableBits);
        try
        {
            fixed (byte* sourceStart = source)
            fixed (byte* destinationStart = destination)
            fixed (ushort* tableStart = table)
            {
                byte* op = destinationStart;
                byte* opEnd = destinationStart + destination.Length;
                uint length = (uint)source.Length;
                while (length >= 0x80)
                {
                    *op++ = (byte)(length | 0x80);
                    length >>= 7;
                }

                *op++ = (byte)length;

                for (int start = 0; start < source.Length; start += FragmentSize)
                {
                    int fragmentLength = Math.Min(FragmentSize, source.Length - start);
                    int bits = Math.Clamp(BitOperations.Log2((uint)fragmentLength - 1) + 1, MinHashTableBits, MaxHashTableBits);
                    new Span<ushort>(tableStart, 1 << bits).Clear();
                    op = CompressFragment(sourceStart + start, fragmentLength, op, opEnd, tableStart, 32 - bits);
                }

                return (int)(op - destinationStart);
            }
        }
        finally
        {
            ArrayPool<ushort>.Shared.Return(table);
        }
    }

    private static byte* CompressFragment(byte* input, int length, byte* op, byte* opEnd, ushort* table, int shift)
    {
        byte* ip = input;
        byte* ipEnd = input + length;
        byte* nextEmit = input;
        if (length >= MinNonLiteralFragmentSize)
        {
            byte* ipLimit = ipEnd - InputMarginBytes;
            uint nextHash = Hash(++ip, shift);
            while (true)
            {
                // Probe for a 4-byte match, stepping further apart the longer nothing matches.
                uint skip = 32;
                byte* nextIp = ip;
                byte* candidate;
                do
                {
                    ip = nextIp;
                    uint hash = nextHash;
                    nextIp = ip + (skip++ >> 5);
                    if (nextIp > ipLimit)
                    {
                        goto EmitRemainder;
                    }

                    nextHash = Hash(nextIp, shift);
                    candidate = input + table[hash];
                    table[hash] = (ushort)(ip - input);
                }
                while (Unsafe.ReadUnaligned<uint>(ip) != Unsafe.ReadUnaligned<uint>(candidate));

                op = EmitLiteral(op, opEnd, nextEmit, (int)(ip - nextEmit), sixteenReadable: true);

                // Emit copies for as long as the position right after a copy starts another match.
                do
                {
                    byte* matchStart = ip;
                    int matched = 4 + MatchLength(candidate + 4, ip + 4, ipEnd);
                    ip += matched;
                    op = EmitCopy(op, (int)(matchStart - candidate), matched);
                    nextEmit = ip;
                    if (ip >= ipLimit)
                    {
                        goto EmitRemainder;
                    }

                    table[Hash(ip - 1, shift)] = (ushort)(ip - 1 - input);
                    uint currentHash = Hash(ip, shift);
                    candidate = input + table[currentHash];
                    table[currentHash] = (ushort)(ip - input);
                }
                while (Unsafe.ReadUnaligned<uint>(ip) == Unsafe.ReadUnaligned<uint>(candidate));

                nextHash = Hash(++ip, shift);
            }
        }

    EmitRemainder:
        if (nextEmit < ipEnd)
        {
            op = EmitLiteral(op, opEnd, nextEmit, (int)(ipEnd - nextEmit), sixteenReadable: false);
        }

        return op;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(byte* p, int shift) => (Unsafe.ReadUnaligned<uint>(p) * HashMultiplier) >> shift;

    /// <summary>Counts equal bytes at <paramref name="earlier"/> and <paramref name="current"/>, stopping at <paramref name="currentEnd"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int MatchLength(byte* earlier, byte* current, byte* currentEnd)
    {
        byte* start = current;
        while (currentEnd - current >= 8)
        {
            ulong difference = Unsafe.ReadUnaligned<ulong>(current) ^ Unsafe.ReadUnaligned<ulong>(earlier);
            if (difference != 0)
            {
                int equalBytes = BitConverter.IsLittleEndian
                    ? BitOperations.TrailingZeroCount(difference) >> 3
                    : BitOperations.LeadingZeroCount(difference) >> 3;
                return (int)(current - start) + equalBytes;
            }

            current += 8;
            earlier += 8;
        }

        while (current < currentEnd && *current == *earlier)
        {
            current++;
            earlier++;
        }

        return (int)(current - start);
    }

    /// <summary>Writes a literal element (tag, length bytes, data) and returns the new output position.</summary>
    /// <param name="op">Output position.</param>
    /// <param name="opEnd">End of the destination.</param>
    /// <param name="literal">First literal byte.</param>
    /// <param name="length">Literal length in bytes, at least 1.</param>
    /// <param name="sixteenReadable">Whether 16 bytes may be read at <paramref name="literal"/> (true inside the
    /// matching loop, where the literal ends at least <see cref="InputMarginBytes"/> bytes before the fragment end).</param>
    private static byte* EmitLiteral(byte* op, byte* opEnd, byte* literal, int length, bool sixteenReadable)
    {
        int n = length - 1;
        if (n < 60)
        {
            *op++ = (byte)(n << 2);
            if (sixteenReadable && length <= 16 && opEnd - op >= 16)
            {
                LzCopy.Copy16(op, literal);
                return op + length;
            }
        }
        else
        {
            byte* tag = op++;
            int count = 0;
            uint value = (uint)n;
            do
            {
                *op++ = (byte)value;
                value >>= 8;
                count++;
            }
            while (value != 0);

            *tag = (byte)((59 + count) << 2);
        }

        Buffer.MemoryCopy(literal, op, length, length);
        return op + length;
    }

    private static byte* EmitCopy(byte* op, int offset, int length)
    {
        while (length >= 68)
        {
            op = EmitCopyAtMost64(op, offset, 64);
            length -= 64;
        }

        if (length > 64)
        {
            // Leave at least 4 bytes for the final element.
            op = EmitCopyAtMost64(op, offset, 60);
            length -= 60;
        }

        return EmitCopyAtMost64(op, offset, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte* EmitCopyAtMost64(byte* op, int offset, int length)
    {
        if (length < 12 && offset < 2048)
        {
            op[0] = (byte)(1 | ((length - 4) << 2) | ((offset >> 8) << 5));
            op[1] = (byte)offset;
            return op + 2;
        }

        op[0] = (byte)(2 | ((length - 1) << 2));
        op[1] = (byte)offset;
        op[2] = (byte)(offset >> 8);
        return op + 3;
    }
}
