using System.Numerics;
using System.Runtime.CompilerServices;

namespace AdintAudit.Parquet.Compression;

/// <summary>
/// Reads a ZSTD backward bitstream (FSE and Huffman streams): the stream is a little-endian number whose highest set
/// bit is an end marker, and bits are consumed from just below the marker downwards. A 64-bit container holds the
/// next bits; <see cref="Consumed"/> counts the container bits already used, from its top.
/// </summary>
/// <remarks>
/// Reads never touch memory outside <c>[Start, Start + length)</c>. Reading past the beginning of the stream yields
/// unspecified bits and leaves <see cref="Consumed"/> above 64 for good, which <see cref="IsExactEnd"/> reports, so
/// hot loops need no per-read bounds check: callers check the end state once.
/// </remarks>
internal unsafe struct ZstdBitReader
{
    /// <summary>The next bits of the stream, most significant first.</summary>
    public ulong Container;

    /// <summary>How many bits from the top of <see cref="Container"/> are used; above 64 once past the start.</summary>
    public uint Consumed;

    /// <summary>Where <see cref="Container"/> was loaded from.</summary>
    public byte* Ptr;

    /// <summary>The first byte of the stream.</summary>
    public byte* Start;

    /// <summary>Gets a value indicating whether every bit of the stream has been read, and no more.</summary>
    public readonly bool IsExactEnd => Ptr == Start && Consumed == 64;

    /// <summary>Gets a value indicating whether a <see cref="ReloadFast"/> is allowed (8 or more bytes remain behind).</summary>
    public readonly bool CanReloadFast
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Ptr >= Start + 8;
    }

    /// <summary>Creates a reader positioned at the end marker of the stream <c>[start, start + length)</c>.</summary>
    /// <param name="start">The first byte of the stream.</param>
    /// <param name="length">The stream length in bytes.</param>
    /// <param name="what">Names the stream in error messages.</param>
    public static ZstdBitReader Create(byte* start, int length, string what)
    {
        if (length <= 0)
        {
            ZstdThrow.Corrupt(what + " (empty bitstream)");
        }

        byte last = start[length - 1];
        if (last == 0)
        {
            ZstdThrow.Corrupt(what + " (bitstream has no end marker)");
        }

        ZstdBitReader reader = default;
        reader.Start = start;
        uint markerSkip = 8 - (uint)BitOperations.Log2(last);
        if (length >= 8)
        {
            reader.Ptr = start + length - 8;
            reader.Container = Unsafe.ReadUnaligned<ulong>(reader.Ptr);
            reader.Consumed = markerSkip;
        }
        else
        {
            reader.Ptr = start;
            ulong value = 0;
            for (int i = length - 1; i >= 0; i--)
            {
                value = (value << 8) | start[i];
            }

            reader.Container = value;
            reader.Consumed = ((8 - (uint)length) * 8) + markerSkip;
        }

        return reader;
    }

    /// <summary>Reads <paramref name="count"/> bits (0 to 57) as an unsigned number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadBits(int count)
    {
        ulong value = ((Container << (int)Consumed) >> 1) >> (63 - count);
        Consumed += (uint)count;
        return value;
    }

    /// <summary>Returns the next <paramref name="count"/> bits (1 to 57) without consuming them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ulong Peek(int count) => (Container << (int)Consumed) >> (64 - count);

    /// <summary>Refills the container; only when <see cref="CanReloadFast"/>. Afterwards at least 57 bits are ready.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ReloadFast()
    {
        Ptr -= Consumed >> 3;
        Consumed &= 7;
        Container = Unsafe.ReadUnaligned<ulong>(Ptr);
    }

    /// <summary>Refills the container as far as the stream allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Reload()
    {
        if (Ptr >= Start + 8 && Consumed <= 64)
        {
            ReloadFast();
            return;
        }

        // Near the start: step back by whole consumed bytes, but never before the start. At the start (always the
        // case for streams shorter than 8 bytes) nothing changes any more.
        if (Ptr > Start)
        {
            uint bytes = Math.Min(Consumed >> 3, (uint)(Ptr - Start));
            Ptr -= bytes;
            Consumed -= bytes * 8;
            Container = Unsafe.ReadUnaligned<ulong>(Ptr);
        }
    }
}
