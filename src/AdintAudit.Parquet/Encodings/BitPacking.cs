using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace AdintAudit.Parquet.Encodings;

/// <summary>Unpacks little-endian bit-packed integers (LSB first), as Parquet's RLE hybrid and delta encodings store them.</summary>
internal static class BitPacking
{
    /// <summary>
    /// Unpacks <paramref name="destination"/>.Length values of <paramref name="bitWidth"/> bits (0..32) starting at bit 0
    /// of <paramref name="source"/>. Bytes missing at the end read as zero (writers may cut the padding of a last run).
    /// </summary>
    public static void Unpack32(ReadOnlySpan<byte> source, int bitWidth, Span<int> destination)
    {
        if (bitWidth == 0)
        {
            destination.Clear();
            return;
        }

        uint mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
        int count = destination.Length;
        int i = 0;

        // Fast path: an 8-byte load covers any value of up to 32 bits at any bit offset (7 + 32 <= 64).
        long fastLimitBits = ((long)source.Length - 8) * 8;
        ref int dst = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(destination);
        ref byte src = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(source);
        for (; i < count; i++)
        {
            long bit = (long)i * bitWidth;
            if (bit > fastLimitBits)
            {
                break;
            }

            ulong word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref src, (nint)(bit >> 3)));
            if (!BitConverter.IsLittleEndian)
            {
                word = BinaryPrimitives.ReverseEndianness(word);
            }

            Unsafe.Add(ref dst, i) = (int)((uint)(word >> (int)(bit & 7)) & mask);
        }

        for (; i < count; i++)
        {
            destination[i] = (int)(uint)ReadBitsSlow(source, (long)i * bitWidth, bitWidth);
        }
    }

    /// <summary>Unpacks values of up to 64 bits; used by DELTA_BINARY_PACKED.</summary>
    public static void Unpack64(ReadOnlySpan<byte> source, int bitWidth, Span<ulong> destination)
    {
        if (bitWidth == 0)
        {
            destination.Clear();
            return;
        }

        if (bitWidth <= 32)
        {
            // Reuse the 32-bit kernel through a scratch span to keep one fast loop.
            Span<int> scratch = destination.Length <= 256 ? stackalloc int[destination.Length] : new int[destination.Length];
            Unpack32(source, bitWidth, scratch);
            for (int j = 0; j < scratch.Length; j++)
            {
                destination[j] = (uint)scratch[j];
            }

            return;
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = ReadBitsSlow(source, (long)i * bitWidth, bitWidth);
        }
    }

    /// <summary>Reads <paramref name="bitWidth"/> bits (1..64) at <paramref name="bitOffset"/>; bytes past the end read as zero.</summary>
    public static ulong ReadBitsSlow(ReadOnlySpan<byte> source, long bitOffset, int bitWidth)
    {
        ulong result = 0;
        int produced = 0;
        long byteIndex = bitOffset >> 3;
        int shift = (int)(bitOffset & 7);
        while (produced < bitWidth)
        {
            ulong b = byteIndex < source.Length ? source[(int)byteIndex] : 0UL;
            int available = 8 - shift;
            int take = Math.Min(available, bitWidth - produced);
            ulong bits = (b >> shift) & ((1UL << take) - 1);
            result |= bits << produced;
            produced += take;
            shift = 0;
            byteIndex++;
        }

        return result;
    }

    /// <summary>Bits needed to represent <paramref name="maxValue"/> (0 for 0).</summary>
    public static int BitWidthOf(int maxValue) => maxValue <= 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxValue);
}
