namespace AdintAudit.Parquet.Encodings;

/// <summary>
/// Decodes DELTA_BINARY_PACKED: a header (block size, miniblocks per block, value count, first value), then blocks
/// of a zigzag minimum delta, one bit width per miniblock, and the bit-packed deltas.
/// </summary>
/// <remarks>Arithmetic wraps, as writers compute deltas in the column's width; INT32 callers truncate.</remarks>
internal static class DeltaBinaryPackedDecoder
{
    /// <summary>Decodes all values of the header into <paramref name="destination"/> (which must hold them).</summary>
    /// <returns>Bytes consumed, so that data following the encoded block (DELTA_LENGTH_BYTE_ARRAY) can be found.</returns>
    public static int Decode(ReadOnlySpan<byte> data, Span<long> destination, out int count)
    {
        int position = 0;
        ulong blockSize = RleBitPackedHybridDecoder.ReadVarint(data, ref position);
        ulong miniblocks = RleBitPackedHybridDecoder.ReadVarint(data, ref position);
        ulong total = RleBitPackedHybridDecoder.ReadVarint(data, ref position);
        long first = ZigZag(RleBitPackedHybridDecoder.ReadVarint(data, ref position));
        if (blockSize == 0 || blockSize % 128 != 0 || blockSize > 1 << 20 || miniblocks == 0 || blockSize % miniblocks != 0
            || (blockSize / miniblocks) % 32 != 0)
        {
            throw new ParquetFormatException($"DELTA_BINARY_PACKED block size {blockSize} with {miniblocks} miniblocks is invalid");
        }

        if (total > (ulong)destination.Length)
        {
            throw new ParquetFormatException($"DELTA_BINARY_PACKED holds {total} values where at most {destination.Length} fit");
        }

        count = (int)total;
        if (count == 0)
        {
            return position;
        }

        int miniblockSize = (int)(blockSize / miniblocks);
        // Sized by the values actually wanted, not by the header's block size.
        ulong[] deltaBuffer = new ulong[Math.Min(miniblockSize, count)];
        long previous = first;
        destination[0] = first;
        int produced = 1;
        while (produced < count)
        {
            ulong minDelta = (ulong)ZigZag(RleBitPackedHybridDecoder.ReadVarint(data, ref position));
            int widthsStart = position;
            if (position + (int)miniblocks > data.Length)
            {
                throw new ParquetFormatException("DELTA_BINARY_PACKED bit widths past the end of the data");
            }

            position += (int)miniblocks;
            for (int m = 0; m < (int)miniblocks && produced < count; m++)
            {
                int bitWidth = data[widthsStart + m];
                if (bitWidth > 64)
                {
                    throw new ParquetFormatException($"DELTA_BINARY_PACKED bit width {bitWidth} is out of range");
                }

                int bytes = miniblockSize * bitWidth / 8;
                int available = Math.Min(bytes, data.Length - position);
                int take = Math.Min(miniblockSize, count - produced);
                if ((long)take * bitWidth > (long)available * 8)
                {
                    throw new ParquetFormatException("DELTA_BINARY_PACKED miniblock past the end of the data");
                }

                BitPacking.Unpack64(data.Slice(position, available), bitWidth, deltaBuffer.AsSpan(0, take));
                position += available;
                for (int i = 0; i < take; i++)
                {
                    previous = unchecked((long)((ulong)previous + minDelta + deltaBuffer[i]));
                    destination[produced++] = previous;
                }
            }
        }

        return position;
    }

    private static long ZigZag(ulong raw) => (long)(raw >> 1) ^ -(long)(raw & 1);
}
