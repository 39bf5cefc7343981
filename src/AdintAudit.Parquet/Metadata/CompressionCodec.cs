namespace AdintAudit.Parquet.Metadata;

/// <summary>Page compression codecs (Parquet <c>CompressionCodec</c>).</summary>
public enum CompressionCodec
{
    /// <summary>No compression.</summary>
    Uncompressed = 0,

    /// <summary>Snappy raw blocks.</summary>
    Snappy = 1,

    /// <summary>GZIP members (RFC 1952).</summary>
    Gzip = 2,

    /// <summary>LZO (not supported).</summary>
    Lzo = 3,

    /// <summary>Brotli (RFC 7932).</summary>
    Brotli = 4,

    /// <summary>Deprecated LZ4 with Hadoop block framing.</summary>
    Lz4 = 5,

    /// <summary>Zstandard frames (RFC 8878).</summary>
    Zstd = 6,

    /// <summary>One raw LZ4 block.</summary>
    Lz4Raw = 7,
}
