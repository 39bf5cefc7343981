using System.Runtime.CompilerServices;

namespace AdintAudit.Parquet.Compression;

/// <summary>Compressed blocks: the literals section and the sequences section (RFC 8878 section 3.1.1.3).</summary>
internal static unsafe partial class ZstdDecoder
{
    private const int LiteralLengthKind = 0;
    private const int OffsetKind = 1;
    private const int MatchLengthKind = 2;

    private static readonly int[] s_maxSymbol = [35, 31, 52];
    private static readonly int[] s_maxLog = [9, 8, 9];
    private static readonly int[] s_predefinedLog = [6, 5, 6];
    private static readonly uint[] s_offsetBase = BuildOffsetBase();
    private static readonly byte[] s_offsetBits = BuildOffsetBits();
    private static readonly ZstdFseEntry[][] s_predefinedTables = BuildPredefinedTables();

    /// <summary>For a match offset below 8, the smallest multiple of the offset that is at least 8.</summary>
    private static ReadOnlySpan<byte> SmallOffsetStride => [0, 8, 8, 9, 8, 10, 12, 14];

    /// <summary>For a match offset below 8, where bytes 4 to 7 of the match can be copied from, relative to its source.</summary>
    private static ReadOnlySpan<byte> SmallOffsetSecondWord => [0, 1, 2, 1, 4, 4, 4, 4];

    private static ReadOnlySpan<uint> LiteralLengthBase =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 28, 32, 40, 48, 64,
        128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536,
    ];

    private static ReadOnlySpan<byte> LiteralLengthBits =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 6, 7, 8, 9, 10, 11,
        12, 13, 14, 15, 16,
    ];

    private static ReadOnlySpan<uint> MatchLengthBase =>
    [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32, 33, 34, 35, 37, 39, 41, 43, 47, 51, 59, 67, 83, 99, 131, 259, 515, 1027, 2051, 4099, 8195, 16387,
        32771, 65539,
    ];

    private static ReadOnlySpan<byte> MatchLengthBits =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
    ];

    private static ReadOnlySpan<short> PredefinedLiteralLengthCounts =>
    [
        4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1, 1, 1,
        -1, -1, -1, -1,
    ];

    private static ReadOnlySpan<short> PredefinedMatchLengthCounts =>
    [
        1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1,
    ];

    private static ReadOnlySpan<short> PredefinedOffsetCounts =>
    [
        1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1,
    ];

    private static int DecodeCompressedBlock(
        ZstdDecoderContext context, ReadOnlySpan<byte> block, Span<byte> destination, int frameStart, int written)
    {
        int literalsSize = DecodeLiterals(context, block, out int literalCount);
        return DecodeSequences(context, block[literalsSize..], literalCount, destination, frameStart, written);
    }

    /// <summary>Decodes the literals section into the context's literals buffer.</summary>
    /// <returns>The number of bytes the literals section occupies.</returns>
    private static int DecodeLiterals(ZstdDecoderContext context, ReadOnlySpan<byte> block, out int literalCount)
    {
        if (block.IsEmpty)
        {
            ZstdThrow.Truncated("literals section");
        }

        int first = block[0];
        int type = first & 3;
        int sizeFormat = (first >> 2) & 3;
        int headerSize;
        int size;
        if (type < 2)
        {
            headerSize = sizeFormat switch
            {
                1 => 2,
                3 => 3,
                _ => 1,
            };
            if (block.Length < headerSize)
            {
                ZstdThrow.Truncated("literals section");
            }

            size = headerSize switch
            {
                1 => first >> 3,
                2 => (first >> 4) | (block[1] << 4),
                _ => (first >> 4) | (block[1] << 4) | (block[2] << 12),
            };
            if (size > ZstdDecoderContext.MaxBlockSize)
            {
                ZstdThrow.Corrupt("literals section (more literals than a block holds)");
            }

            literalCount = size;
            if (type == 0)
            {
                if (block.Length - headerSize < size)
                {
                    ZstdThrow.Truncated("literals section");
                }

                block.Slice(headerSize, size).CopyTo(context.LiteralsSpan);
                return headerSize + size;
            }

            if (block.Length - headerSize < 1)
            {
                ZstdThrow.Truncated("literals section");
            }

            context.LiteralsSpan[..size].Fill(block[headerSize]);
            return headerSize + 1;
        }

        headerSize = sizeFormat switch
        {
            2 => 4,
            3 => 5,
            _ => 3,
        };
        if (block.Length < headerSize)
        {
            ZstdThrow.Truncated("literals section");
        }

        ulong header = 0;
        for (int i = headerSize - 1; i >= 0; i--)
        {
            header = (header << 8) | block[i];
        }

        int sizeBits = headerSize switch
        {
            3 => 10,
            4 => 14,
            _ => 18,
        };
        int mask = (1 << sizeBits) - 1;
        size = (int)(header >> 4) & mask;
        int compressedSize = (int)(header >> (4 + sizeBits)) & mask;
        if (size > ZstdDecoderContext.MaxBlockSize)
        {
            ZstdThrow.Corrupt("literals section (more literals than a block holds)");
        }

        if (compressedSize > block.Length - headerSize)
        {
            ZstdThrow.Truncated("literals section");
        }

        ReadOnlySpan<byte> data = block.Slice(headerSize, compressedSize);
        if (type == 2)
        {
            int tableSize = ZstdHuffman.ReadTable(data, context.HuffmanSpan, out int maxBits);
            context.HuffmanMaxBits = maxBits;
            data = data[tableSize..];
        }
        else if (context.HuffmanMaxBits == 0)
        {
            ZstdThrow.Corrupt("literals section (treeless literals without a previous Huffman table)");
        }

        fixed (byte* streams = data)
        {
            if (sizeFormat == 0)
            {
                ZstdHuffman.DecodeStream(
                    context.HuffmanTable, context.HuffmanMaxBits, streams, data.Length, context.Literals, context.Literals + size);
            }
            else
            {
                ZstdHuffman.Decode4Streams(context.HuffmanTable, context.HuffmanMaxBits, streams, data.Length, context.Literals, size);
            }
        }

        literalCount = size;
        return headerSize + compressedSize;
    }

    /// <summary>Decodes the sequences section and executes it, literals and matches, into the destination.</summary>
    /// <returns>The new number of bytes written to the destination.</returns>
    private static int DecodeSequences(
        ZstdDecoderContext context, ReadOnlySpan<byte> section, int literalCount, Span<byte> destination, int frameStart, int written)
    {
        if (section.IsEmpty)
        {
            ZstdThrow.Truncated("sequences section");
        }

        int sequenceCount = section[0];
        int p = 1;
        if (sequenceCount == 0)
        {
            if (section.Length != 1)
            {
                ZstdThrow.Corrupt("sequences section (bytes after zero sequences)");
            }

            if (literalCount > destination.Length - written)
            {
                ZstdThrow.OutputTooSmall(destination.Length);
            }

            context.LiteralsSpan[..literalCount].CopyTo(destination[written..]);
            return written + literalCount;
        }

        if (sequenceCount == 255)
        {
            if (section.Length < 3)
            {
                ZstdThrow.Truncated("sequences section");
            }

            sequenceCount = section[1] + (section[2] << 8) + 0x7F00;
            p = 3;
        }
        else if (sequenceCount >= 128)
        {
            if (section.Length < 2)
            {
                ZstdThrow.Truncated("sequences section");
            }

            sequenceCount = ((sequenceCount - 128) << 8) + section[1];
            p = 2;
        }

        if (section.Length <= p)
        {
            ZstdThrow.Truncated("sequences section");
        }

        int modes = section[p++];
        if ((modes & 3) != 0)
        {
            ZstdThrow.Corrupt("sequences section (reserved bits set)");
        }

        p += SelectTable(context, LiteralLengthKind, modes >> 6, section[p..]);
        p += SelectTable(context, OffsetKind, (modes >> 4) & 3, section[p..]);
        p += SelectTable(context, MatchLengthKind, (modes >> 2) & 3, section[p..]);

        ReadOnlySpan<byte> bitstream = section[p..];
        fixed (byte* bits = bitstream)
        fixed (byte* dst = destination)
        {
            return ExecuteSequences(context, bits, bitstream.Length, sequenceCount, literalCount, dst, destination.Length, frameStart, written);
        }
    }

    /// <summary>Sets up the decoding table of one sequence code kind for the compression mode given.</summary>
    /// <returns>The number of bytes the table description occupies.</returns>
    private static int SelectTable(ZstdDecoderContext context, int kind, int mode, ReadOnlySpan<byte> data)
    {
        Span<ZstdFseEntry> table = context.SequenceTableSpan(kind);
        switch (mode)
        {
            case 0:
                s_predefinedTables[kind].CopyTo(table);
                context.TableLogs[kind] = s_predefinedLog[kind];
                return 0;
            case 1:
                if (data.IsEmpty)
                {
                    ZstdThrow.Truncated("sequences section");
                }

                int symbol = data[0];
                if (symbol > s_maxSymbol[kind])
                {
                    ZstdThrow.Corrupt("sequences section (RLE code out of range)");
                }

                table[0] = new ZstdFseEntry
                {
                    BaseValue = BaseValues(kind)[symbol],
                    AddBits = ExtraBits(kind)[symbol],
                    NbBits = 0,
                    NextState = 0,
                };
                context.TableLogs[kind] = 0;
                return 1;
            case 2:
                Span<short> counts = stackalloc short[ZstdFse.MaxSymbols];
                int used = ZstdFse.ReadDistribution(data, counts, s_maxSymbol[kind], s_maxLog[kind], out int symbolCount, out int tableLog);
                ZstdFse.BuildTable(table, counts[..symbolCount], tableLog, BaseValues(kind), ExtraBits(kind));
                context.TableLogs[kind] = tableLog;
                return used;
            default:
                if (context.TableLogs[kind] < 0)
                {
                    ZstdThrow.Corrupt("sequences section (repeat mode without a previous table)");
                }

                return 0;
        }
    }

    private static ReadOnlySpan<uint> BaseValues(int kind) => kind switch
    {
        LiteralLengthKind => LiteralLengthBase,
        OffsetKind => s_offsetBase,
        _ => MatchLengthBase,
    };

    private static ReadOnlySpan<byte> ExtraBits(int kind) => kind switch
    {
        LiteralLengthKind => LiteralLengthBits,
        OffsetKind => s_offsetBits,
        _ => MatchLengthBits,
    };

    private static int ExecuteSequences(
        ZstdDecoderContext context,
        byte* bits,
        int bitsLength,
        int sequenceCount,
        int literalCount,
        byte* dst,
        int dstLength,
        int frameStart,
        int written)
    {
        // The three tables are contiguous (literal lengths, offsets, match lengths), so one base pointer serves.
        ZstdFseEntry* tables = context.LiteralLengthTable;
        byte* op = dst + written;
        byte* oend = dst + dstLength;
        byte* frameBegin = dst + frameStart;
        byte* lit = context.Literals;
        byte* litEnd = lit + literalCount;
        uint rep1 = context.Repeat1;
        uint rep2 = context.Repeat2;
        uint rep3 = context.Repeat3;

        // The bit reader lives in locals (not a struct) so that the JIT keeps it in registers.
        ZstdBitReader reader = ZstdBitReader.Create(bits, bitsLength, "sequences bitstream");
        ulong container = reader.Container;
        uint consumed = reader.Consumed;
        byte* bitPtr = reader.Ptr;
        byte* bitLimit = bits + 8;
        uint llState = (uint)ReadBits(container, ref consumed, context.TableLogs[LiteralLengthKind]);
        uint ofState = (uint)ReadBits(container, ref consumed, context.TableLogs[OffsetKind]) + ZstdFse.MaxTableSize;
        uint mlState = (uint)ReadBits(container, ref consumed, context.TableLogs[MatchLengthKind]) + (2 * ZstdFse.MaxTableSize);

        for (int remaining = sequenceCount; remaining > 0; remaining--)
        {
            // Between refills at most 31 + 16 and then 16 + 9 + 9 + 8 bits are read; a refill leaves 57 or more.
            Refill(ref container, ref consumed, ref bitPtr, bits, bitLimit);

            // Each entry read as one ulong: base value (bits 0-31), next state (32-47), extra bits (48-55) and
            // state bits (56-63); fewer live values keep the loop in registers.
            ulong ofEntry = *(ulong*)(tables + ofState);
            ulong mlEntry = *(ulong*)(tables + mlState);
            ulong llEntry = *(ulong*)(tables + llState);
            uint offsetValue = (uint)ofEntry + (uint)ReadBits(container, ref consumed, (int)(ofEntry >> 48) & 0xFF);
            uint matchLength = (uint)mlEntry + (uint)ReadBits(container, ref consumed, (int)(mlEntry >> 48) & 0xFF);
            Refill(ref container, ref consumed, ref bitPtr, bits, bitLimit);
            uint literalLength = (uint)llEntry + (uint)ReadBits(container, ref consumed, (int)(llEntry >> 48) & 0xFF);
            if (remaining > 1)
            {
                llState = (uint)(llEntry >> 32) & 0xFFFF;
                llState += (uint)ReadBits(container, ref consumed, (int)(llEntry >> 56));
                mlState = ((uint)(mlEntry >> 32) & 0xFFFF) + (2 * ZstdFse.MaxTableSize);
                mlState += (uint)ReadBits(container, ref consumed, (int)(mlEntry >> 56));
                ofState = ((uint)(ofEntry >> 32) & 0xFFFF) + ZstdFse.MaxTableSize;
                ofState += (uint)ReadBits(container, ref consumed, (int)(ofEntry >> 56));
            }

            uint offset;
            if (offsetValue > 3)
            {
                offset = offsetValue - 3;
                rep3 = rep2;
                rep2 = rep1;
                rep1 = offset;
            }
            else
            {
                uint index = offsetValue - 1 + (literalLength == 0 ? 1u : 0u);
                if (index == 0)
                {
                    offset = rep1;
                }
                else
                {
                    offset = index == 1 ? rep2 : index == 2 ? rep3 : rep1 - 1;
                    if (offset == 0)
                    {
                        ZstdThrow.Corrupt("sequences section (repeat offset of zero)");
                    }

                    if (index != 1)
                    {
                        rep3 = rep2;
                    }

                    rep2 = rep1;
                    rep1 = offset;
                }
            }

            if (literalLength > (ulong)(litEnd - lit))
            {
                ZstdThrow.Corrupt("sequences section (literal length beyond the literals)");
            }

            long sequenceLength = (long)literalLength + matchLength;
            if (sequenceLength > oend - op)
            {
                ZstdThrow.OutputTooSmall(dstLength);
            }

            byte* matchDst = op + literalLength;
            if (offset > (ulong)(matchDst - frameBegin))
            {
                ZstdThrow.Corrupt("sequences section (match offset before the start of the frame)");
            }

            byte* match = matchDst - offset;
            if (oend - op >= sequenceLength + 32)
            {
                CopyLiteralsWild(op, lit, literalLength);
                CopyMatchWild(matchDst, match, offset, matchLength);
            }
            else
            {
                Buffer.MemoryCopy(lit, op, literalLength, literalLength);
                CopyMatchExact(matchDst, match, offset, matchLength);
            }

            lit += literalLength;
            op = matchDst + matchLength;
        }

        reader.Container = container;
        reader.Consumed = consumed;
        reader.Ptr = bitPtr;
        reader.Reload();
        if (!reader.IsExactEnd)
        {
            ZstdThrow.Corrupt("sequences section (bitstream does not end with the last sequence)");
        }

        context.Repeat1 = rep1;
        context.Repeat2 = rep2;
        context.Repeat3 = rep3;

        long lastLiterals = litEnd - lit;
        if (lastLiterals > oend - op)
        {
            ZstdThrow.OutputTooSmall(dstLength);
        }

        Buffer.MemoryCopy(lit, op, lastLiterals, lastLiterals);
        op += lastLiterals;
        return (int)(op - dst);
    }

    /// <summary>Reads <paramref name="count"/> bits (0 to 57) from a backward bitstream held in locals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadBits(ulong container, ref uint consumed, int count)
    {
        ulong value = ((container << (int)consumed) >> 1) >> (63 - count);
        consumed += (uint)count;
        return value;
    }

    /// <summary>Refills a backward bitstream held in locals; see <see cref="ZstdBitReader.Reload"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Refill(ref ulong container, ref uint consumed, ref byte* ptr, byte* start, byte* limit)
    {
        if (ptr >= limit)
        {
            // Far from the start at most 64 bits were consumed, so this steps back at most 8 bytes.
            ptr -= consumed >> 3;
            consumed &= 7;
            container = Unsafe.ReadUnaligned<ulong>(ptr);
        }
        else if (ptr > start)
        {
            uint bytes = Math.Min(consumed >> 3, (uint)(ptr - start));
            ptr -= bytes;
            consumed -= bytes * 8;
            container = Unsafe.ReadUnaligned<ulong>(ptr);
        }
    }

    /// <summary>Copies literals 16 bytes at a time; may write up to 15 bytes past the end and read past the literals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyLiteralsWild(byte* op, byte* lit, uint length)
    {
        Unsafe.CopyBlockUnaligned(op, lit, 16);
        if (length > 16)
        {
            byte* end = op + length;
            op += 16;
            lit += 16;
            do
            {
                Unsafe.CopyBlockUnaligned(op, lit, 16);
                op += 16;
                lit += 16;
            }
            while (op < end);
        }
    }

    /// <summary>Copies a match that may overlap its source; may write up to 15 bytes past its end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyMatchWild(byte* op, byte* match, uint offset, uint length)
    {
        byte* end = op + length;
        if (offset >= 16)
        {
            do
            {
                Unsafe.CopyBlockUnaligned(op, match, 16);
                op += 16;
                match += 16;
            }
            while (op < end);
            return;
        }

        if (offset < 8)
        {
            // Write the first 8 bytes of the repeating pattern: 4 bytes one by one, then 4 bytes from a point of the
            // same phase at least 4 bytes back. Afterwards copy 8 bytes at a time from a multiple of the period
            // that is at least 8 bytes back.
            op[0] = match[0];
            op[1] = match[1];
            op[2] = match[2];
            op[3] = match[3];
            Unsafe.WriteUnaligned(op + 4, Unsafe.ReadUnaligned<uint>(match + SmallOffsetSecondWord[(int)offset]));
            match = op + 8 - SmallOffsetStride[(int)offset];
            op += 8;
        }

        while (op < end)
        {
            Unsafe.WriteUnaligned(op, Unsafe.ReadUnaligned<ulong>(match));
            op += 8;
            match += 8;
        }
    }

    private static void CopyMatchExact(byte* op, byte* match, uint offset, uint length)
    {
        if (offset >= length)
        {
            Buffer.MemoryCopy(match, op, length, length);
            return;
        }

        for (uint i = 0; i < length; i++)
        {
            op[i] = match[i];
        }
    }

    private static uint[] BuildOffsetBase()
    {
        uint[] values = new uint[32];
        for (int code = 0; code < values.Length; code++)
        {
            values[code] = 1u << code;
        }

        return values;
    }

    private static byte[] BuildOffsetBits()
    {
        byte[] values = new byte[32];
        for (int code = 0; code < values.Length; code++)
        {
            values[code] = (byte)code;
        }

        return values;
    }

    private static ZstdFseEntry[][] BuildPredefinedTables()
    {
        var tables = new ZstdFseEntry[3][];
        tables[LiteralLengthKind] = new ZstdFseEntry[1 << 6];
        tables[OffsetKind] = new ZstdFseEntry[1 << 5];
        tables[MatchLengthKind] = new ZstdFseEntry[1 << 6];
        ZstdFse.BuildTable(tables[LiteralLengthKind], PredefinedLiteralLengthCounts, 6, LiteralLengthBase, LiteralLengthBits);
        ZstdFse.BuildTable(tables[OffsetKind], PredefinedOffsetCounts, 5, s_offsetBase, s_offsetBits);
        ZstdFse.BuildTable(tables[MatchLengthKind], PredefinedMatchLengthCounts, 6, MatchLengthBase, MatchLengthBits);
        return tables;
    }
}
