using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AdintAudit.Parquet.Compression;

/// <summary>
/// Wide copy kernels shared by the LZ77-family decoders (Snappy, LZ4). Callers check every bound before calling;
/// these helpers only move bytes.
/// </summary>
internal static unsafe class LzCopy
{
    /// <summary>How many bytes past the logical end a wide copy may write. Callers must leave this much room.</summary>
    public const int WideSlack = 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy16(byte* destination, byte* source) =>
        Unsafe.WriteUnaligned(destination, Unsafe.ReadUnaligned<Vector128<byte>>(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy8(byte* destination, byte* source) =>
        Unsafe.WriteUnaligned(destination, Unsafe.ReadUnaligned<ulong>(source));

    /// <summary>
    /// Copies the back-reference <c>[op - offset, op - offset + length)</c> to <c>[op, op + length)</c>, where the two
    /// ranges may overlap (offset &lt; length repeats the pattern), using 16-byte moves.
    /// </summary>
    /// <remarks>
    /// May write up to <see cref="WideSlack"/> - 1 bytes past <c>op + length</c>; the caller guarantees that
    /// <c>op + length + WideSlack</c> stays inside the output, and that <c>op - offset</c> is inside it.
    /// For offsets below 16 the first stores double the distance between source and destination (each store is
    /// correct for its first <c>distance</c> bytes), so after at most four stores the plain 16-byte loop is valid.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WideMatchCopy(byte* op, nuint offset, nuint length)
    {
        byte* source = op - offset;
        byte* end = op + length;
        if (offset < 16)
        {
            if (offset == 1)
            {
                // Runs of one byte (zero padding, repeated levels) are the commonest overlapping match.
                Vector128<byte> fill = Vector128.Create(*source);
                do
                {
                    Unsafe.WriteUnaligned(op, fill);
                    op += 16;
                }
                while (op < end);
                return;
            }

            do
            {
                Copy16(op, source);
                op += op - source;
                if (op >= end)
                {
                    return;
                }
            }
            while (op - source < 16);
        }

        do
        {
            Copy16(op, source);
            op += 16;
            source += 16;
        }
        while (op < end);
    }

    /// <summary>Copies a back-reference one byte at a time; exact, for use near the end of the output.</summary>
    public static void ExactMatchCopy(byte* op, nuint offset, nuint length)
    {
        byte* source = op - offset;
        for (nuint i = 0; i < length; i++)
        {
            op[i] = source[i];
        }
    }
}
