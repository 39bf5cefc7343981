using System.Buffers;
using AdintAudit.Parquet.Columns;

namespace AdintAudit.Parquet.Encodings;

/// <summary>
/// Decodes DELTA_BYTE_ARRAY (incremental encoding): DELTA_BINARY_PACKED prefix lengths, then the suffixes as
/// DELTA_LENGTH_BYTE_ARRAY; value i is the first prefix[i] bytes of value i-1 followed by suffix i.
/// </summary>
internal static class DeltaByteArrayDecoder
{
    /// <summary>Appends <paramref name="count"/> values to <paramref name="output"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> data, int count, ByteArrayValues output)
    {
        long[] prefixes = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
        try
        {
            int position = DeltaBinaryPackedDecoder.Decode(data, prefixes.AsSpan(0, count), out int decoded);
            if (decoded != count)
            {
                throw new ParquetFormatException($"DELTA_BYTE_ARRAY holds {decoded} prefix lengths, expected {count}");
            }

            var suffixes = new ByteArrayValues(count, data.Length - position);
            DeltaLengthByteArrayDecoder.Decode(data[position..], count, suffixes);
            int previousIndex = -1;
            for (int i = 0; i < count; i++)
            {
                long prefix = prefixes[i];
                ReadOnlySpan<byte> previous = previousIndex < 0 ? default : output[previousIndex];
                if (prefix < 0 || prefix > previous.Length)
                {
                    throw new ParquetFormatException($"DELTA_BYTE_ARRAY prefix length {prefix} exceeds the previous value");
                }

                ReadOnlySpan<byte> suffix = suffixes[i];
                Span<byte> target = output.AppendUninitialized((int)prefix + suffix.Length);

                // The previous value may have moved when the buffer grew, so read it again after appending.
                ReadOnlySpan<byte> previousNow = previousIndex < 0 ? default : output[previousIndex];
                previousNow[..(int)prefix].CopyTo(target);
                suffix.CopyTo(target[(int)prefix..]);
                previousIndex = output.Count - 1;
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(prefixes);
        }
    }
}
