using System.Buffers.Binary;

namespace AdintAudit.Parquet.Compression;

/// <summary>
/// A ZSTD decompressor (RFC 8878) written for Parquet pages, which are decompressed whole into a buffer of known
/// size: that buffer is the window, so nothing is allocated from sizes found in the data.
/// </summary>
/// <remarks>
/// Supported: every frame header variant, raw, RLE and compressed blocks, all literals section types, all sequence
/// table modes, repeat offsets, frames back to back, skippable frames and content checksums. Dictionaries are not.
/// Every malformed input raises <see cref="ParquetFormatException"/> with a message starting <c>zstd: </c>.
/// Bytes of <c>destination</c> past the returned length may be overwritten with scratch data.
/// </remarks>
internal static unsafe partial class ZstdDecoder
{
    private const uint FrameMagic = 0xFD2FB528;
    private const uint SkippableMagicMask = 0xFFFFFFF0;
    private const uint SkippableMagic = 0x184D2A50;

    /// <summary>
    /// Decompresses every frame in <paramref name="source"/> (frames back to back, skippable frames skipped) into
    /// <paramref name="destination"/>.
    /// </summary>
    /// <param name="source">One or more ZSTD or skippable frames; may be empty.</param>
    /// <param name="destination">Receives the decompressed bytes; its length is the most the data may produce.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ParquetFormatException">The data is not valid ZSTD, needs a dictionary, fails its checksum,
    /// or decompresses to more than <paramref name="destination"/> holds.</exception>
    public static int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ZstdDecoderContext context = ZstdDecoderContext.Current;
        context.DestinationCapacity = destination.Length;
        int position = 0;
        int written = 0;
        while (position < source.Length)
        {
            int remaining = source.Length - position;
            if (remaining < 4)
            {
                ZstdThrow.Truncated("frame header");
            }

            uint magic = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(position, 4));
            if ((magic & SkippableMagicMask) == SkippableMagic)
            {
                if (remaining < 8)
                {
                    ZstdThrow.Truncated("skippable frame");
                }

                uint size = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(position + 4, 4));
                if (size > (uint)(remaining - 8))
                {
                    ZstdThrow.Truncated("skippable frame");
                }

                position += 8 + (int)size;
                continue;
            }

            if (magic != FrameMagic)
            {
                ZstdThrow.Error("bad frame magic number (not ZSTD data)");
            }

            position = DecodeFrame(context, source, position + 4, destination, ref written);
        }

        return written;
    }

    private static int DecodeFrame(
        ZstdDecoderContext context, ReadOnlySpan<byte> source, int position, Span<byte> destination, ref int written)
    {
        if (position >= source.Length)
        {
            ZstdThrow.Truncated("frame header");
        }

        int descriptor = source[position];
        int contentSizeFlag = descriptor >> 6;
        bool singleSegment = (descriptor & 0x20) != 0;
        bool hasChecksum = (descriptor & 0x04) != 0;
        int dictionaryFlag = descriptor & 0x03;
        if ((descriptor & 0x08) != 0)
        {
            ZstdThrow.Corrupt("frame header (reserved bit set)");
        }

        int dictionaryBytes = dictionaryFlag == 3 ? 4 : dictionaryFlag;
        int contentSizeBytes = contentSizeFlag switch
        {
            0 => singleSegment ? 1 : 0,
            1 => 2,
            2 => 4,
            _ => 8,
        };
        int headerSize = 1 + (singleSegment ? 0 : 1) + dictionaryBytes + contentSizeBytes;
        if (source.Length - position < headerSize)
        {
            ZstdThrow.Truncated("frame header");
        }

        int p = position + 1;
        ulong windowSize = 0;
        if (!singleSegment)
        {
            int windowDescriptor = source[p++];
            ulong windowBase = 1UL << (10 + (windowDescriptor >> 3));
            windowSize = windowBase + ((windowBase >> 3) * (ulong)(windowDescriptor & 7));
        }

        uint dictionaryId = dictionaryBytes switch
        {
            0 => 0,
            1 => source[p],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(p, 2)),
            _ => BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(p, 4)),
        };
        p += dictionaryBytes;
        if (dictionaryId != 0)
        {
            ZstdThrow.Error("dictionary not supported");
        }

        ulong contentSize = contentSizeBytes switch
        {
            0 => ulong.MaxValue,
            1 => source[p],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(p, 2)) + 256UL,
            4 => BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(p, 4)),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(source.Slice(p, 8)),
        };
        p += contentSizeBytes;
        if (singleSegment)
        {
            windowSize = contentSize;
        }

        int frameStart = written;
        if (contentSize != ulong.MaxValue && contentSize > (ulong)(destination.Length - frameStart))
        {
            ZstdThrow.OutputTooSmall(destination.Length);
        }

        int blockMaximum = (int)Math.Min(windowSize, ZstdDecoderContext.MaxBlockSize);
        context.ResetForFrame();
        while (true)
        {
            if (source.Length - p < 3)
            {
                ZstdThrow.Truncated("block header");
            }

            int blockHeader = source[p] | (source[p + 1] << 8) | (source[p + 2] << 16);
            p += 3;
            bool lastBlock = (blockHeader & 1) != 0;
            int blockType = (blockHeader >> 1) & 3;
            int blockSize = blockHeader >> 3;
            switch (blockType)
            {
                case 0:
                    if (blockSize > source.Length - p)
                    {
                        ZstdThrow.Truncated("block");
                    }

                    if (blockSize > destination.Length - written)
                    {
                        ZstdThrow.OutputTooSmall(destination.Length);
                    }

                    source.Slice(p, blockSize).CopyTo(destination[written..]);
                    written += blockSize;
                    p += blockSize;
                    break;
                case 1:
                    if (source.Length - p < 1)
                    {
                        ZstdThrow.Truncated("block");
                    }

                    if (blockSize > destination.Length - written)
                    {
                        ZstdThrow.OutputTooSmall(destination.Length);
                    }

                    destination.Slice(written, blockSize).Fill(source[p]);
                    written += blockSize;
                    p += 1;
                    break;
                case 2:
                    if (blockSize > blockMaximum)
                    {
                        ZstdThrow.Corrupt("block (larger than the maximum block size)");
                    }

                    if (blockSize > source.Length - p)
                    {
                        ZstdThrow.Truncated("block");
                    }

                    written = DecodeCompressedBlock(context, source.Slice(p, blockSize), destination, frameStart, written);
                    p += blockSize;
                    break;
                default:
                    ZstdThrow.Corrupt("block (reserved block type)");
                    break;
            }

            if (lastBlock)
            {
                break;
            }
        }

        if (contentSize != ulong.MaxValue && (ulong)(written - frameStart) != contentSize)
        {
            ZstdThrow.Corrupt("frame (content size differs from the frame header)");
        }

        if (hasChecksum)
        {
            if (source.Length - p < 4)
            {
                ZstdThrow.Truncated("content checksum");
            }

            uint expected = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(p, 4));
            uint actual = (uint)XxHash64.Hash(destination[frameStart..written]);
            if (expected != actual)
            {
                ZstdThrow.Error("content checksum mismatch");
            }

            p += 4;
        }

        return p;
    }
}
