using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AdintAudit.Parquet.Compression;

/// <summary>
/// Decodes one LZ4 block (the Parquet LZ4_RAW codec: a bare block, no frame, no size prefix).
/// </summary>
/// <remarks>
/// A block is a run of sequences: a token (high nibble literal length, low nibble match length - 4, each extended by
/// 255-continued bytes when 15), the literals, then a 2-byte little-endian offset and the match. The last sequence
/// has literals only. The decoder is lenient about the format's "last 5 bytes are literals / last match starts 12
/// bytes before the end" rules (those exist so that decoders may over-read; this one never does), and strict about
/// everything that affects memory safety. Malformed input throws <see cref="ParquetFormatException"/>.
/// </remarks>
internal static unsafe class Lz4BlockDecoder
{
    /// <summary>Decompresses one LZ4 block into <paramref name="destination"/>.</summary>
    /// <param name="source">The compressed block; empty input decodes to nothing.</param>
    /// <param name="destination">Receives the uncompressed bytes; its length is the most the block may produce.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ParquetFormatException">
    /// The block is malformed or truncated, or produces more than <paramref name="destination"/> holds.
    /// </exception>
    public static int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int written = TryDecompress(source, destination, out Lz4Status status, out long detail);
        if (written < 0)
        {
            ThrowFor(status, detail, destination.Length);
        }

        return written;
    }

    /// <summary>
    /// Decompresses one LZ4 block without throwing.
    /// </summary>
    /// <returns>The number of bytes written, or -1 with <paramref name="status"/> and <paramref name="detail"/> set.</returns>
    internal static int TryDecompress(ReadOnlySpan<byte> source, Span<byte> destination, out Lz4Status status, out long detail)
    {
        detail = 0;
        if (source.IsEmpty)
        {
            status = Lz4Status.Ok;
            return 0;
        }

        fixed (byte* sourceStart = source)
        fixed (byte* destinationStart = destination)
        {
            byte* ip = sourceStart;
            byte* ipEnd = sourceStart + source.Length;
            byte* op = destinationStart;
            byte* opEnd = destinationStart + destination.Length;

            while (true)
            {
                if (ip >= ipEnd)
                {
                    // Only reachable after a match: a block must end with a literal-only sequence.
                    status = Lz4Status.MissingLastLiterals;
                    return -1;
                }

                uint token = *ip++;
                nuint literalLength = token >> 4;
                if (literalLength == 15)
                {
                    // 255-continued extension; stops early once past the output room (the check below then
                    // fails), which also bounds the loop on hostile input long before any overflow.
                    nuint limit = (nuint)(opEnd - op);
                    uint b;
                    do
                    {
                        if (ip >= ipEnd)
                        {
                            status = Lz4Status.Truncated;
                            return -1;
                        }

                        b = *ip++;
                        literalLength += b;
                    }
                    while (b == 255 && literalLength <= limit);
                }

                if (literalLength <= 16 && ipEnd - ip >= 16 && opEnd - op >= 16)
                {
                    LzCopy.Copy16(op, ip);
                }
                else
                {
                    if (literalLength > (nuint)(opEnd - op))
                    {
                        status = Lz4Status.OutputOverrun;
                        return -1;
                    }

                    if (literalLength > (nuint)(ipEnd - ip))
                    {
                        status = Lz4Status.Truncated;
                        return -1;
                    }

                    Buffer.MemoryCopy(ip, op, literalLength, literalLength);
                }

                ip += literalLength;
                op += literalLength;
                if (ip == ipEnd)
                {
                    break;
                }

                if (ipEnd - ip < 2)
                {
                    status = Lz4Status.Truncated;
                    return -1;
                }

                nuint offset = (nuint)(ip[0] | (ip[1] << 8));
                ip += 2;
                if (offset - 1 >= (nuint)(op - destinationStart))
                {
                    status = offset == 0 ? Lz4Status.ZeroOffset : Lz4Status.OffsetBeforeStart;
                    detail = (long)offset;
                    return -1;
                }

                nuint matchLength = token & 15;
                nuint room = (nuint)(opEnd - op);
                if (matchLength == 15)
                {
                    uint b;
                    do
                    {
                        if (ip >= ipEnd)
                        {
                            status = Lz4Status.Truncated;
                            return -1;
                        }

                        b = *ip++;
                        matchLength += b;
                    }
                    while (b == 255 && matchLength <= room);
                }

                matchLength += 4;
                if (matchLength + LzCopy.WideSlack <= room)
                {
                    if (offset >= matchLength && matchLength > 64)
                    {
                        Buffer.MemoryCopy(op - offset, op, matchLength, matchLength);
                    }
                    else
                    {
                        LzCopy.WideMatchCopy(op, offset, matchLength);
                    }
                }
                else if (matchLength <= room)
                {
                    LzCopy.ExactMatchCopy(op, offset, matchLength);
                }
                else
                {
                    status = Lz4Status.OutputOverrun;
                    return -1;
                }

                op += matchLength;
            }

            status = Lz4Status.Ok;
            return (int)(op - destinationStart);
        }
    }

    [DoesNotReturn]
    internal static void ThrowFor(Lz4Status status, long detail, int capacity)
    {
        string message = status switch
        {
            Lz4Status.Truncated => "lz4: truncated input",
            Lz4Status.MissingLastLiterals => "lz4: truncated input (block ends with a match instead of a literal run)",
            Lz4Status.ZeroOffset => "lz4: match offset 0 is invalid",
            Lz4Status.OffsetBeforeStart => string.Create(
                CultureInfo.InvariantCulture,
                $"lz4: match offset {detail} points before the start of the output"),
            _ => string.Create(
                CultureInfo.InvariantCulture,
                $"lz4: data decompresses to more than the {capacity} bytes the page header declares"),
        };
        throw new ParquetFormatException(message);
    }
}

/// <summary>Why an LZ4 block failed to decode.</summary>
internal enum Lz4Status
{
    /// <summary>Decoded successfully.</summary>
    Ok,

    /// <summary>The input ended in the middle of a sequence.</summary>
    Truncated,

    /// <summary>The input ended right after a match; the last sequence must be literals only.</summary>
    MissingLastLiterals,

    /// <summary>A match offset was 0.</summary>
    ZeroOffset,

    /// <summary>A match offset reached before the first output byte.</summary>
    OffsetBeforeStart,

    /// <summary>The block produces more bytes than the destination holds.</summary>
    OutputOverrun,
}
