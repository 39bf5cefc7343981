namespace AdintAudit.Parquet.Encodings;

/// <summary>Decodes BYTE_STREAM_SPLIT: byte <c>k</c> of every value is stored in stream <c>k</c>.</summary>
internal static class ByteStreamSplitDecoder
{
    /// <summary>Reassembles <paramref name="count"/> values of <paramref name="valueSize"/> bytes.</summary>
    public static void Decode(ReadOnlySpan<byte> data, int valueSize, int count, Span<byte> destination)
    {
        if ((long)valueSize * count != data.Length)
        {
            throw new ParquetFormatException(
                $"BYTE_STREAM_SPLIT data has {data.Length} bytes, expected {(long)valueSize * count} for {count} values");
        }

        for (int stream = 0; stream < valueSize; stream++)
        {
            ReadOnlySpan<byte> source = data.Slice(stream * count, count);
            for (int i = 0; i < count; i++)
            {
                destination[(i * valueSize) + stream] = source[i];
            }
        }
    }
}
