using System.Buffers.Binary;

namespace AdintAudit.Parquet.Compression;

/// <summary>
/// Decodes Parquet's deprecated LZ4 codec as parquet-mr writes it: Hadoop's block framing around LZ4 blocks,
/// falling back to a single bare LZ4 block when the bytes do not parse as that framing (some writers, such as
/// older parquet-cpp, wrote bare blocks under this codec).
/// </summary>
/// <remarks>
/// The framing is a sequence of frames, each <c>[4-byte big-endian uncompressed size][4-byte big-endian compressed
/// size][LZ4 block]</c>. Hadoop's stream may split one frame's data into several chunks, each
/// <c>[4-byte big-endian compressed size][LZ4 block]</c>, until the frame's uncompressed size is reached; that is
/// accepted too. Parsing as framing fails (and the fallback runs) when a size does not fit the remaining input or
/// output, a block is invalid, a frame produces other than its declared size, or input is left over.
/// </remarks>
internal static class HadoopLz4Decoder
{
    private const int SizeFieldLength = 4;

    /// <summary>Decompresses Hadoop-framed LZ4 (or, failing that, one bare LZ4 block) into <paramref name="destination"/>.</summary>
    /// <param name="source">The compressed page data.</param>
    /// <param name="destination">Receives the uncompressed bytes; its length is the most the data may produce.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ParquetFormatException">The data is neither valid Hadoop-framed LZ4 nor a valid LZ4 block.</exception>
    public static int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int written = TryDecompressFramed(source, destination);
        if (written >= 0)
        {
            return written;
        }

        written = Lz4BlockDecoder.TryDecompress(source, destination, out Lz4Status status, out long detail);
        if (written < 0)
        {
            Lz4BlockDecoder.ThrowFor(status, detail, destination.Length);
        }

        return written;
    }

    /// <summary>Decodes the Hadoop framing; returns the bytes written or -1 when the data is not valid framing.</summary>
    internal static int TryDecompressFramed(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length < 2 * SizeFieldLength)
        {
            return -1;
        }

        int inputPosition = 0;
        int outputPosition = 0;
        while (source.Length - inputPosition >= 2 * SizeFieldLength)
        {
            uint frameSize = BinaryPrimitives.ReadUInt32BigEndian(source[inputPosition..]);
            inputPosition += SizeFieldLength;
            if (frameSize > (uint)(destination.Length - outputPosition))
            {
                return -1;
            }

            int frameEnd = outputPosition + (int)frameSize;
            do
            {
                if (source.Length - inputPosition < SizeFieldLength)
                {
                    return -1;
                }

                uint chunkSize = BinaryPrimitives.ReadUInt32BigEndian(source[inputPosition..]);
                inputPosition += SizeFieldLength;
                if (chunkSize > (uint)(source.Length - inputPosition))
                {
                    return -1;
                }

                int written = Lz4BlockDecoder.TryDecompress(
                    source.Slice(inputPosition, (int)chunkSize),
                    destination[outputPosition..frameEnd],
                    out _,
                    out _);
                if (written < 0)
                {
                    return -1;
                }

                inputPosition += (int)chunkSize;
                outputPosition += written;
            }
            while (outputPosition < frameEnd);
        }

        return inputPosition == source.Length ? outputPosition : -1;
    }
}
