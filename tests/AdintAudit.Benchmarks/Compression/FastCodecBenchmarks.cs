using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using AdintAudit.Parquet.Compression;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AdintAudit.Benchmarks.Compression;

/// <summary>
/// Our Snappy and LZ4 codecs on 1 MiB Parquet-page-like payloads, with .NET's gzip and Brotli decoders on the same
/// data for reference. The MB/s column is uncompressed bytes per second for every method (output for the decoders,
/// input for the encoder). LZ4 blocks are made by the lz4 CLI (fast mode, one 4 MiB block), which must be on PATH.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FastCodecConfig))]
public class FastCodecBenchmarks
{
    internal const int PayloadLength = 1 << 20;

    private byte[] _payload = [];
    private byte[] _snappy = [];
    private byte[] _lz4 = [];
    private byte[] _gzip = [];
    private byte[] _brotli = [];
    private byte[] _output = [];
    private byte[] _compressOutput = [];

    [Params("gps-doubles", "timestamps-ms", "dictionary-indices", "text")]
    public string Payload { get; set; } = "gps-doubles";

    [GlobalSetup]
    public void Setup()
    {
        _payload = FastCodecPayloads.Make(Payload, PayloadLength);
        _output = new byte[PayloadLength];
        _compressOutput = new byte[SnappyEncoder.GetMaxCompressedLength(PayloadLength)];
        int snappyLength = SnappyEncoder.Compress(_payload, _compressOutput);
        _snappy = _compressOutput.AsSpan(0, snappyLength).ToArray();
        _lz4 = FastCodecPayloads.Lz4Block(_payload);

        using (var gzipBuffer = new MemoryStream())
        {
            using (var gzip = new GZipStream(gzipBuffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(_payload);
            }

            _gzip = gzipBuffer.ToArray();
        }

        _brotli = new byte[BrotliEncoder.GetMaxCompressedLength(PayloadLength)];
        if (!BrotliEncoder.TryCompress(_payload, _brotli, out int brotliLength, quality: 5, window: 22))
        {
            throw new InvalidOperationException("Brotli compression failed");
        }

        _brotli = _brotli.AsSpan(0, brotliLength).ToArray();

        // Fail fast if anything does not round-trip, and say how well each codec compressed.
        Verify("snappy", SnappyDecompress());
        Verify("lz4", Lz4Decompress());
        Verify("gzip", GZipDecompress());
        Verify("brotli", BrotliDecompress());
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// {Payload}: snappy {_snappy.Length} B, lz4 {_lz4.Length} B, gzip {_gzip.Length} B, brotli-5 {_brotli.Length} B of {PayloadLength} B"));
    }

    [Benchmark(Baseline = true)]
    public int SnappyDecompress() => SnappyDecoder.Decompress(_snappy, _output);

    [Benchmark]
    public int Lz4Decompress() => Lz4BlockDecoder.Decompress(_lz4, _output);

    [Benchmark]
    public int SnappyCompress() => SnappyEncoder.Compress(_payload, _compressOutput);

    [Benchmark]
    public int GZipDecompress()
    {
        using var input = new MemoryStream(_gzip, writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        int total = 0;
        int read;
        while ((read = gzip.Read(_output, total, _output.Length - total)) > 0)
        {
            total += read;
        }

        return total;
    }

    [Benchmark]
    public int BrotliDecompress()
    {
        BrotliDecoder.TryDecompress(_brotli, _output, out int written);
        return written;
    }

    private void Verify(string codec, int written)
    {
        if (written != PayloadLength || !_output.AsSpan().SequenceEqual(_payload))
        {
            throw new InvalidOperationException($"{codec} did not round-trip {Payload}");
        }
    }
}

/// <summary>Adds the throughput column.</summary>
public sealed class FastCodecConfig : ManualConfig
{
    public FastCodecConfig() => AddColumn(new UncompressedThroughputColumn(fromMinimum: false), new UncompressedThroughputColumn(fromMinimum: true));
}

/// <summary>
/// Uncompressed megabytes (10^6 bytes) per second for one operation on 1 MiB, from the mean time or, on a shared
/// and noisy machine more telling, from the fastest iteration.
/// </summary>
public sealed class UncompressedThroughputColumn(bool fromMinimum) : IColumn
{
    public string Id => nameof(UncompressedThroughputColumn) + (fromMinimum ? "Best" : "Mean");

    public string ColumnName => fromMinimum ? "Best MB/s" : "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => fromMinimum
        ? "Uncompressed MB (10^6 bytes) per second in the fastest iteration"
        : "Uncompressed MB (10^6 bytes) per second at the mean time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        BenchmarkReport? report = summary[benchmarkCase];
        double? nanoseconds = fromMinimum ? report?.ResultStatistics?.Min : report?.ResultStatistics?.Mean;
        return nanoseconds is > 0
            ? (FastCodecBenchmarks.PayloadLength / nanoseconds.Value * 1000.0).ToString("F0", CultureInfo.InvariantCulture)
            : "NA";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Deterministic payloads shaped like Parquet page data.</summary>
internal static class FastCodecPayloads
{
    public static byte[] Make(string kind, int length)
    {
        ulong state = 0x5EED;
        byte[] data = new byte[length];
        switch (kind)
        {
            case "gps-doubles":
                // PLAIN doubles: latitudes of pings around Berlin, 6 decimals, users wandering in small steps.
                double lat = 52.52;
                for (int i = 0; i + 8 <= length; i += 8)
                {
                    if (Next(ref state) % 50 == 0)
                    {
                        lat = 52.45 + (Unit(ref state) * 0.15);
                    }

                    lat += (Unit(ref state) - 0.5) * 0.0004;
                    BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(i), Math.Round(lat, 6));
                }

                break;
            case "timestamps-ms":
                // PLAIN int64 Unix milliseconds, increasing by about a minute with jitter.
                long t = 1_717_000_000_000;
                for (int i = 0; i + 8 <= length; i += 8)
                {
                    t += 60_000 + (long)(Next(ref state) % 2000) - 1000;
                    BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(i), t);
                }

                break;
            case "dictionary-indices":
                // Bit-packed/RLE-like dictionary indices: skewed small values with runs.
                for (int i = 0; i < length;)
                {
                    ulong r = Next(ref state);
                    int run = (r & 3) == 0 ? 1 + (int)((r >> 2) % 40) : 1;
                    byte value = (byte)((r >> 8) % 16 < 12 ? (r >> 16) % 8 : (r >> 16) % 64);
                    for (int k = 0; k < run && i < length; k++, i++)
                    {
                        data[i] = value;
                    }
                }

                break;
            case "text":
                string[] words =
                [
                    "device", "ping", "berlin", "mitte", "kreuzberg", "wifi", "gps", "cell", "accuracy", "android",
                    "ios", "segment", "audience", "sports", "coffee", "retail", "commute", "night", "weekend", "home",
                ];
                var text = new StringBuilder(length + 64);
                while (text.Length < length)
                {
                    ulong r = Next(ref state);
                    text.Append(CultureInfo.InvariantCulture, $"{(uint)r:x8},").Append(words[(r >> 32) % 20]).Append(',')
                        .Append(words[(r >> 40) % 20]).Append(',').Append((r >> 48) % 500).Append('\n');
                }

                Encoding.ASCII.GetBytes(text.ToString(0, length), data);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown payload");
        }

        return data;
    }

    /// <summary>Compresses with the lz4 CLI (fast mode, one block) and returns the raw block.</summary>
    public static byte[] Lz4Block(byte[] payload)
    {
        string directory = Directory.CreateTempSubdirectory("adint-bench-lz4-").FullName;
        try
        {
            string input = Path.Combine(directory, "payload.bin");
            string output = input + ".lz4";
            File.WriteAllBytes(input, payload);
            using var process = Process.Start(new ProcessStartInfo("lz4", $"-q -f -1 -B7 -BI --no-frame-crc \"{input}\" \"{output}\"")
            {
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("could not start lz4 (apt-get install lz4)");
            process.WaitForExit();
            byte[] frame = File.ReadAllBytes(output);

            // Frame: magic, FLG, BD, header checksum, then [LE size][block]...; these options give one block.
            int position = 7;
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(position));
            if ((size & 0x80000000) != 0)
            {
                throw new InvalidOperationException("lz4 stored the payload uncompressed");
            }

            return frame.AsSpan(position + 4, (int)size).ToArray();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ulong Next(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static double Unit(ref ulong state) => (Next(ref state) >> 11) * (1.0 / (1UL << 53));
}
