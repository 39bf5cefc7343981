using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace AdintAudit.Parquet.Compression;

/// <summary>
/// Decodes one raw Snappy block (the Parquet SNAPPY codec; no framing format): a varint uncompressed length
/// followed by literal and copy elements.
/// </summary>
/// <remarks>
/// Every element is bounds-checked once against the input and output ends; the byte moves themselves use 16-byte
/// stores whenever the output has at least <see cref="LzCopy.WideSlack"/> bytes of room past the element, and
/// exact copies near the end. Malformed input of any kind throws <see cref="ParquetFormatException"/>; nothing is
/// written outside <c>destination[..uncompressedLength]</c> and nothing is allocated.
/// </remarks>
internal static unsafe class SnappyDecoder
{
    /// <summary>Reads the varint uncompressed length at the start of a raw Snappy block.</summary>
    /// <param name="source">The compressed block.</param>
    /// <returns>The uncompressed length in bytes, 0 to <see cref="int.MaxValue"/>.</returns>
    /// <exception cref="ParquetFormatException">The varint is truncated, malformed or larger than <see cref="int.MaxValue"/>.</exception>
    public static int GetUncompressedLength(ReadOnlySpan<byte> source) => ReadLength(source, out _);

    /// <summary>Decompresses one raw Snappy block into <paramref name="destination"/>.</summary>
    /// <param name="source">The compressed block, starting with its varint uncompressed length.</param>
    /// <param name="destination">Receives the uncompressed bytes; at least the declared uncompressed length.</param>
    /// <returns>The number of bytes written, equal to the declared uncompressed length.</returns>
    /// <exception cref="ParquetFormatException">
    /// The block is malformed, truncated, does not produce exactly its declared length, or declares more bytes than
    /// <paramref name="destination"/> holds.
    /// </exception>
    public static int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int length = ReadLength(source, out int headerLength);
        if (length > destination.Length)
        {
            ThrowOutputTooLarge(destination.Length);
        }

        if (length == 0)
        {
            if (headerLength != source.Length)
            {
                Throw("snappy: data continues after the declared length of 0 bytes");
            }

            return 0;
        }

        fixed (byte* sourceStart = source)
        fixed (byte* destinationStart = destination)
        {
            byte* ip = sourceStart + headerLength;
            byte* ipEnd = sourceStart + source.Length;
            byte* op = destinationStart;
            byte* opEnd = destinationStart + length;

            while (ip < ipEnd)
            {
                uint tag = *ip++;
                nuint elementLength;
                if ((tag & 3) == 0)
                {
                    elementLength = (tag >> 2) + 1;
                    if (elementLength <= 16 && ipEnd - ip >= 16 && opEnd - op >= 16)
                    {
                        // Short literal with 16 bytes of room on both sides: one unconditional 16-byte move.
                        LzCopy.Copy16(op, ip);
                        ip += elementLength;
                        op += elementLength;
                        continue;
                    }

                    if (elementLength > 60)
                    {
                        int extraBytes = (int)elementLength - 60;
                        if (ipEnd - ip < extraBytes)
                        {
                            Throw("snappy: truncated input");
                        }

                        ulong value = extraBytes switch
                        {
                            1 => ip[0],
                            2 => BinaryPrimitives.ReadUInt16LittleEndian(new ReadOnlySpan<byte>(ip, 2)),
                            3 => ip[0] | ((uint)ip[1] << 8) | ((uint)ip[2] << 16),
                            _ => BinaryPrimitives.ReadUInt32LittleEndian(new ReadOnlySpan<byte>(ip, 4)),
                        };
                        ip += extraBytes;
                        elementLength = (nuint)(value + 1);
                    }

                    if (elementLength > (nuint)(ipEnd - ip) || elementLength > (nuint)(opEnd - op))
                    {
                        ThrowLiteralOverrun(ip, ipEnd, op, opEnd, elementLength);
                    }

                    Buffer.MemoryCopy(ip, op, elementLength, elementLength);
                    ip += elementLength;
                    op += elementLength;
                    continue;
                }

                nuint offset;
                switch (tag & 3)
                {
                    case 1:
                        if (ip >= ipEnd)
                        {
                            Throw("snappy: truncated input");
                        }

                        elementLength = ((tag >> 2) & 7) + 4;
                        offset = ((tag >> 5) << 8) | *ip++;
                        break;
                    case 2:
                        if (ipEnd - ip < 2)
                        {
                            Throw("snappy: truncated input");
                        }

                        elementLength = (tag >> 2) + 1;
                        offset = Unsafe.ReadUnaligned<ushort>(ip);
                        if (!BitConverter.IsLittleEndian)
                        {
                            offset = BinaryPrimitives.ReverseEndianness((ushort)offset);
                        }

                        ip += 2;
                        break;
                    default:
                        if (ipEnd - ip < 4)
                        {
                            Throw("snappy: truncated input");
                        }

                        elementLength = (tag >> 2) + 1;
                        offset = BinaryPrimitives.ReadUInt32LittleEndian(new ReadOnlySpan<byte>(ip, 4));
                        ip += 4;
                        break;
                }

                if (offset - 1 >= (nuint)(op - destinationStart))
                {
                    ThrowBadOffset(offset, op - destinationStart);
                }

                nuint room = (nuint)(opEnd - op);
                if (elementLength + LzCopy.WideSlack <= room)
                {
                    LzCopy.WideMatchCopy(op, offset, elementLength);
                }
                else if (elementLength <= room)
                {
                    LzCopy.ExactMatchCopy(op, offset, elementLength);
                }
                else
                {
                    ThrowOutputOverrun(length);
                }

                op += elementLength;
            }

            if (op != opEnd)
            {
                Throw(string.Create(
                    CultureInfo.InvariantCulture,
                    $"snappy: truncated input (produced {op - destinationStart} of the {length} declared bytes)"));
            }
        }

        return length;
    }

    private static int ReadLength(ReadOnlySpan<byte> source, out int headerLength)
    {
        ulong value = 0;
        for (int i = 0; i < 5; i++)
        {
            if (i >= source.Length)
            {
                Throw(source.IsEmpty ? "snappy: empty input (no uncompressed length)" : "snappy: truncated input");
            }

            byte b = source[i];
            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                if (value > int.MaxValue)
                {
                    Throw(string.Create(CultureInfo.InvariantCulture, $"snappy: declared length {value} is too large"));
                }

                headerLength = i + 1;
                return (int)value;
            }
        }

        Throw("snappy: uncompressed length varint is longer than 5 bytes");
        headerLength = 0;
        return 0;
    }

    [DoesNotReturn]
    private static void Throw(string message) => throw new ParquetFormatException(message);

    [DoesNotReturn]
    private static void ThrowOutputTooLarge(int capacity) =>
        Throw(string.Create(
            CultureInfo.InvariantCulture,
            $"snappy: data decompresses to more than the {capacity} bytes the page header declares"));

    [DoesNotReturn]
    private static void ThrowOutputOverrun(int declared) =>
        Throw(string.Create(CultureInfo.InvariantCulture, $"snappy: data runs past its declared length of {declared} bytes"));

    [DoesNotReturn]
    private static void ThrowLiteralOverrun(byte* ip, byte* ipEnd, byte* op, byte* opEnd, nuint length)
    {
        if (length > (nuint)(ipEnd - ip))
        {
            Throw(string.Create(
                CultureInfo.InvariantCulture,
                $"snappy: truncated input (literal of {length} bytes with {ipEnd - ip} left)"));
        }

        Throw(string.Create(
            CultureInfo.InvariantCulture,
            $"snappy: literal of {length} bytes runs past the declared length ({opEnd - op} bytes left)"));
    }

    [DoesNotReturn]
    private static void ThrowBadOffset(nuint offset, long produced) =>
        Throw(offset == 0
            ? "snappy: copy offset 0 is invalid"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"snappy: copy offset {offset} points before the start of the output ({produced} bytes written)"));
}
