using System.IO.Compression;
using AdintAudit.Parquet.Compression;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AdintAudit.Benchmarks.Compression;

/// <summary>
/// Decompresses the same Parquet-page-like payloads with our <see cref="ZstdDecoder"/> (levels 1, 3 and 19 from the
/// zstd CLI, which must be on PATH) and with .NET's gzip and Brotli. The MB/s column is output bytes per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class DecompressionBenchmarks
{
    private byte[] _zstd1 = [];
    private byte[] _zstd3 = [];
    private byte[] _zstd19 = [];
    private byte[] _gzip = [];
    private byte[] _brotli = [];
    private byte[] _destination = [];

    [Params("gps-1m", "text-1m", "ints-64k")]
    public string Payload { get; set; } = "gps-1m";

    [GlobalSetup]
    public void Setup()
    {
        byte[] data = PagePayloads.Create(Payload);
        _destination = new byte[data.Length];
        _zstd1 = PagePayloads.ZstdCli(data, 1);
        _zstd3 = PagePayloads.ZstdCli(data, 3);
        _zstd19 = PagePayloads.ZstdCli(data, 19);
        _gzip = PagePayloads.Gzip(data);
        _brotli = PagePayloads.Brotli(data);
        Console.WriteLine(
            $"// {Payload}: {data.Length} bytes; zstd-1 {_zstd1.Length}, zstd-3 {_zstd3.Length}, zstd-19 {_zstd19.Length}, " +
            $"gzip {_gzip.Length}, brotli-5 {_brotli.Length}");
        foreach (Func<int> check in new Func<int>[] { Zstd1, Zstd3, Zstd19, Gzip, Brotli })
        {
            if (check() != data.Length || !_destination.AsSpan().SequenceEqual(data))
            {
                throw new InvalidOperationException("decompression did not reproduce the payload");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public int Zstd1() => ZstdDecoder.Decompress(_zstd1, _destination);

    [Benchmark]
    public int Zstd3() => ZstdDecoder.Decompress(_zstd3, _destination);

    [Benchmark]
    public int Zstd19() => ZstdDecoder.Decompress(_zstd19, _destination);

    [Benchmark]
    public int Gzip()
    {
        using var gzip = new GZipStream(new MemoryStream(_gzip), CompressionMode.Decompress);
        gzip.ReadExactly(_destination);
        return _destination.Length;
    }

    [Benchmark]
    public int Brotli()
    {
        BrotliDecoder.TryDecompress(_brotli, _destination, out int written);
        return written;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn());
    }

    /// <summary>Output megabytes (10^6 bytes) per second, from the payload size and the mean time.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        public string Id => nameof(ThroughputColumn);

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Decompressed megabytes (10^6 bytes) per second";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            double? meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
            if (meanNanoseconds is not > 0)
            {
                return "-";
            }

            string payload = (string)benchmarkCase.Parameters["Payload"];
            int bytes = PagePayloads.Create(payload).Length;
            return (bytes / meanNanoseconds.Value * 1000).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
