using System.IO.Compression;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Writing;

namespace AdintAudit.Parquet.Compression;

/// <summary>Compresses page bytes with a writable codec (SNAPPY, GZIP); one instance per writer, reusing its buffers.</summary>
internal sealed class PageCompressor
{
    private readonly CompressionCodec _codec;
    private MemoryStream? _gzipBuffer;

    public PageCompressor(CompressionCodec codec)
    {
        _codec = codec;
    }

    /// <summary>Appends the compressed form of <paramref name="source"/> to <paramref name="output"/>.</summary>
    public void Compress(ReadOnlySpan<byte> source, ByteBuffer output)
    {
        switch (_codec)
        {
            case CompressionCodec.Uncompressed:
                output.Write(source);
                break;
            case CompressionCodec.Snappy:
                {
                    Span<byte> target = output.GetSpan(SnappyEncoder.GetMaxCompressedLength(source.Length));
                    output.Advance(SnappyEncoder.Compress(source, target));
                    break;
                }

            case CompressionCodec.Gzip:
                {
                    _gzipBuffer ??= new MemoryStream();
                    _gzipBuffer.SetLength(0);
                    using (var gzip = new GZipStream(_gzipBuffer, CompressionLevel.Optimal, leaveOpen: true))
                    {
                        gzip.Write(source);
                    }

                    output.Write(_gzipBuffer.GetBuffer().AsSpan(0, (int)_gzipBuffer.Length));
                    break;
                }

            default:
                throw new InvalidOperationException($"codec {ParquetNames.Of(_codec)} cannot be written");
        }
    }
}
