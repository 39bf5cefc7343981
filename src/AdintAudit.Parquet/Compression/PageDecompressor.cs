using System.IO.Compression;
using AdintAudit.Parquet.Metadata;

namespace AdintAudit.Parquet.Compression;

/// <summary>Decompresses page bytes with the chunk's codec into a buffer of the size the page header declares.</summary>
internal static class PageDecompressor
{
    /// <summary>Decompresses <paramref name="source"/> into exactly <paramref name="destination"/>.Length bytes.</summary>
    /// <exception cref="ParquetFormatException">The data is corrupt, the sizes disagree, or the codec is not supported.</exception>
    public static void Decompress(CompressionCodec codec, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int written = codec switch
        {
            CompressionCodec.Uncompressed => Copy(source, destination),
            CompressionCodec.Snappy => SnappyDecoder.Decompress(source, destination),
            CompressionCodec.Gzip => Gzip(source, destination),
            CompressionCodec.Brotli => Brotli(source, destination),
            _ => throw new ParquetFormatException($"codec {ParquetNames.Of(codec)} not supported yet"),
        };
        if (written != destination.Length)
        {
            throw new ParquetFormatException(
                $"{ParquetNames.Of(codec)} page decompresses to {written} bytes, but its header declares {destination.Length}");
        }
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length != destination.Length)
        {
            throw new ParquetFormatException(
                $"uncompressed page holds {source.Length} bytes, but its header declares {destination.Length}");
        }

        source.CopyTo(destination);
        return source.Length;
    }

    private static unsafe int Gzip(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        try
        {
            fixed (byte* pointer = source)
            {
                // GZipStream reads concatenated members, which parquet-mr writers produce.
                using var input = new UnmanagedMemoryStream(pointer, source.Length);
                using var gzip = new GZipStream(input, CompressionMode.Decompress);
                int total = 0;
                while (total < destination.Length)
                {
                    int read = gzip.Read(destination[total..]);
                    if (read == 0)
                    {
                        return total;
                    }

                    total += read;
                }

                // One more byte would mean the page is larger than declared.
                Span<byte> probe = stackalloc byte[1];
                return gzip.Read(probe) == 0 ? total : total + 1;
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ParquetFormatException($"corrupt GZIP page: {ex.Message}", ex);
        }
    }

    private static int Brotli(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }

        using var decoder = new BrotliDecoder();
        System.Buffers.OperationStatus status = decoder.Decompress(source, destination, out int consumed, out int written);
        return status switch
        {
            System.Buffers.OperationStatus.Done => written,
            System.Buffers.OperationStatus.DestinationTooSmall => destination.Length + 1,
            _ => throw new ParquetFormatException($"corrupt BROTLI page ({status} after {consumed} bytes)"),
        };
    }
}
