using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AdintAudit.Parquet.Compression;

/// <summary>Builds the one-line <see cref="ParquetFormatException"/> messages of the ZSTD decoder.</summary>
internal static class ZstdThrow
{
    /// <summary>Throws <c>zstd: truncated {what}</c>: the input ended inside a structure.</summary>
    [DoesNotReturn]
    public static void Truncated(string what) => throw new ParquetFormatException("zstd: truncated " + what);

    /// <summary>Throws <c>zstd: corrupt {what}</c>: a structure holds values the format does not allow.</summary>
    [DoesNotReturn]
    public static void Corrupt(string what) => throw new ParquetFormatException("zstd: corrupt " + what);

    /// <summary>Throws <c>zstd: {message}</c>.</summary>
    [DoesNotReturn]
    public static void Error(string message) => throw new ParquetFormatException("zstd: " + message);

    /// <summary>Throws the error for output that does not fit the caller's destination.</summary>
    [DoesNotReturn]
    public static void OutputTooSmall(int capacity) => throw new ParquetFormatException(string.Create(
        CultureInfo.InvariantCulture,
        $"zstd: data decompresses to more than the {capacity} bytes the page header declares"));
}
