using System.Globalization;
using AdintAudit.Parquet.Reading;

namespace AdintAudit.Data;

/// <summary>
/// How much memory an in-memory run over some inputs needs, estimated from their metadata before anything is loaded
/// (there is no out-of-core path yet, so an input over the budget must be refused up front, not fail half-way).
/// </summary>
/// <param name="Pings">Estimated rows: exact for Parquet (footer row counts), sampled for CSV.</param>
/// <param name="Bytes">Estimated peak memory in bytes: <see cref="BaseBytes"/> + <see cref="BytesPerPing"/> × <paramref name="Pings"/>.</param>
/// <param name="Exact">Whether <paramref name="Pings"/> is exact (every input is Parquet).</param>
public sealed record MemoryEstimate(long Pings, long Bytes, bool Exact)
{
    /// <summary>
    /// Peak memory per ping of a whole audit, in bytes. Measured as the slope of the peak RSS of <c>adint audit</c> over
    /// generated data (367 k, 742 k and 1.47 M pings: 363, 540 and 733 MB, i.e. 260–470 B per ping): the 36-byte ping
    /// table, its quality-screened copy, stays, places, the what-if copies and the GC's headroom. Rounded up. Devices
    /// with a single ping cost more (their id string and per-device rows: about 860 B per ping measured on 1 M one-ping
    /// devices), so for such data the estimate is low by up to 1.7×; one device with many pings costs about 360 B.
    /// </summary>
    public const long BytesPerPing = 512;

    /// <summary>Memory of a run over no pings, in bytes (runtime, code, buffers): 192 MiB, measured the same way.</summary>
    public const long BaseBytes = 192L << 20;

    /// <summary>Bytes read from the start of a CSV file to estimate its bytes per row.</summary>
    internal const int CsvSampleBytes = 1 << 16;

    /// <summary>Estimates the memory a run over <paramref name="inputs"/> needs.</summary>
    /// <param name="inputs">Parquet or CSV files, or folders of them (as for <see cref="PingTableLoader.Load"/>).</param>
    /// <returns>The estimate.</returns>
    /// <remarks>
    /// Parquet: the row counts of the footers (only the footer is read). CSV: file size divided by the mean bytes per
    /// row of the first 64 KiB (after the header line); a file that fits in the sample is counted exactly.
    /// </remarks>
    /// <exception cref="PingInputException">An input is missing or its footer is unreadable (the message names it).</exception>
    public static MemoryEstimate For(IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        long pings = 0;
        bool exact = true;
        foreach (string file in PingTableLoader.ExpandInputs(inputs))
        {
            if (PingTableLoader.IsParquet(file))
            {
                try
                {
                    using ParquetFileReader reader = ParquetFileReader.Open(file);
                    pings += reader.RowCount;
                }
                catch (Exception ex) when (ex is Parquet.ParquetFormatException or IOException)
                {
                    throw new PingInputException(file, ex.Message, ex);
                }
            }
            else
            {
                (long rows, bool counted) = CsvRows(file);
                pings += rows;
                exact &= counted;
            }
        }

        return new MemoryEstimate(pings, BaseBytes + (pings * BytesPerPing), exact);
    }

    /// <summary>Throws when the estimate exceeds <paramref name="maxBytes"/>.</summary>
    /// <param name="inputs">Parquet or CSV files, or folders of them.</param>
    /// <param name="maxBytes">The budget in bytes; positive.</param>
    /// <returns>The estimate (within the budget).</returns>
    /// <exception cref="InputTooLargeException">The estimate exceeds the budget; the message gives both in GiB and names the input.</exception>
    public static MemoryEstimate Check(IReadOnlyList<string> inputs, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        MemoryEstimate estimate = For(inputs);
        if (estimate.Bytes > maxBytes)
        {
            string what = inputs.Count == 1 ? inputs[0] : FormattableString.Invariant($"{inputs[0]} and {inputs.Count - 1} more");
            throw new InputTooLargeException(FormattableString.Invariant(
                $"{what}: {(estimate.Exact ? "" : "about ")}{estimate.Pings:N0} pings need about {Gib(estimate.Bytes)} GiB in memory, more than the budget of {Gib(maxBytes)} GiB (--max-memory, by default this machine's memory); the out-of-core path does not exist yet: split the input by device, raise the budget, or pass --max-memory none to try anyway"),
                estimate, maxBytes);
        }

        return estimate;
    }

    /// <summary>Parses a memory size: a number with an optional unit K, M, G or T (binary: 4G = 4 × 2³⁰ bytes; an optional trailing B or iB), or plain bytes.</summary>
    /// <param name="text">For example <c>4G</c>, <c>512M</c>, <c>1.5GiB</c>, <c>1073741824</c>.</param>
    /// <returns>The size in bytes.</returns>
    /// <exception cref="FormatException">The text is not a positive size.</exception>
    public static long ParseBytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string s = text.Trim().ToUpperInvariant();
        if (s.EndsWith("IB", StringComparison.Ordinal))
        {
            s = s[..^2];
        }
        else if (s.EndsWith('B'))
        {
            s = s[..^1];
        }

        int shift = s.Length == 0 ? 0 : s[^1] switch { 'K' => 10, 'M' => 20, 'G' => 30, 'T' => 40, _ => 0 };
        if (shift > 0)
        {
            s = s[..^1];
        }

        if (!double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) || !(value > 0) || value * Math.Pow(2, shift) >= long.MaxValue)
        {
            throw new FormatException($"'{text}' is not a memory size such as 4G, 512M or 1073741824");
        }

        return (long)Math.Ceiling(value * Math.Pow(2, shift));
    }

    private static string Gib(long bytes) => (bytes / (double)(1L << 30)).ToString("F1", CultureInfo.InvariantCulture);

    private static (long Rows, bool Exact) CsvRows(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        byte[] sample = new byte[CsvSampleBytes];
        int read = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        ReadOnlySpan<byte> span = sample.AsSpan(0, read);
        int header = span.IndexOf((byte)'\n');
        if (header < 0)
        {
            return (0, read < sample.Length);
        }

        ReadOnlySpan<byte> body = span[(header + 1)..];
        int lines = body.Count((byte)'\n');
        if (read < sample.Length)
        {
            // The whole file: count exactly (a last line without a newline counts too).
            return (lines + (body.Length > 0 && body[^1] != (byte)'\n' ? 1 : 0), true);
        }

        int sampled = body.LastIndexOf((byte)'\n') + 1;
        if (lines == 0)
        {
            return (1, false); // one row longer than the sample
        }

        double bytesPerRow = sampled / (double)lines;
        return ((long)Math.Ceiling((stream.Length - header - 1) / bytesPerRow), false);
    }
}
