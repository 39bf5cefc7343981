using System.Buffers;
using AdintAudit.Parquet.Columns;

namespace AdintAudit.Parquet.Encodings;

/// <summary>Decodes DELTA_LENGTH_BYTE_ARRAY: DELTA_BINARY_PACKED lengths, then all value bytes concatenated.</summary>
internal static class DeltaLengthByteArrayDecoder
{
    /// <summary>Appends <paramref name="count"/> values to <paramref name="output"/>.</summary>
    /// <returns>Bytes of <paramref name="data"/> consumed.</returns>
    public static int Decode(ReadOnlySpan<byte> data, int count, ByteArrayValues output)
    {
        long[] lengths = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
        try
        {
            int position = DeltaBinaryPackedDecoder.Decode(data, lengths.AsSpan(0, count), out int decoded);
            if (decoded != count)
            {
                throw new ParquetFormatException($"DELTA_LENGTH_BYTE_ARRAY holds {decoded} lengths, expected {count}");
            }

            long total = 0;
            for (int i = 0; i < count; i++)
            {
                if (lengths[i] < 0)
                {
                    throw new ParquetFormatException($"DELTA_LENGTH_BYTE_ARRAY has a negative length {lengths[i]}");
                }

                total += lengths[i];
            }

            if (total > data.Length - position)
            {
                throw new ParquetFormatException("DELTA_LENGTH_BYTE_ARRAY values past the end of the page");
            }

            output.Reserve(count, (int)total);
            for (int i = 0; i < count; i++)
            {
                int length = (int)lengths[i];
                output.Append(data.Slice(position, length));
                position += length;
            }

            return position;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(lengths);
        }
    }
}
