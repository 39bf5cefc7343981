using System.Diagnostics;
using System.Globalization;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Writing;
using BenchmarkDotNet.Attributes;

namespace AdintAudit.Benchmarks.Parquet;

/// <summary>
/// Writes the 10 M pings of scripts/duckdb-write-bench.mjs to Parquet with SNAPPY (device_id STRING, timestamp INT64,
/// lat/lon DOUBLE, horizontal_accuracy FLOAT with ~8 % nulls), the writer's default settings, into a file.
/// </summary>
[MemoryDiagnoser]
public class WriterBenchmarks
{
    private PingTable _pings = null!;
    private string _path = null!;

    [Params(10_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pings = new PingTable(Rows, 100_000);
        _path = Path.Combine(Path.GetTempPath(), "adint_write_pings.parquet");
    }

    [Benchmark]
    public long WriteSnappy() => Write(_pings, _path, new ParquetWriterOptions());

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>Writes <paramref name="pings"/> to <paramref name="path"/>; returns the file size.</summary>
    internal static long Write(PingTable pings, string path, ParquetWriterOptions options)
    {
        var schema = new WriterSchema(
            WriterColumn.String("device_id"),
            WriterColumn.Int64("timestamp"),
            WriterColumn.Double("lat"),
            WriterColumn.Double("lon"),
            WriterColumn.Float("horizontal_accuracy"));
        using (ParquetFileWriter writer = ParquetFileWriter.Create(path, schema, options))
        {
            for (int start = 0; start < pings.Rows; start += options.RowGroupSize)
            {
                int count = Math.Min(options.RowGroupSize, pings.Rows - start);
                writer.BeginRowGroup(count);
                writer.WriteByteArrays(pings.DeviceIdBytes, pings.DeviceIdOffsets.AsSpan(start, count + 1));
                writer.WriteInt64(pings.TimestampsMs.AsSpan(start, count));
                writer.WriteDouble(pings.Latitudes.AsSpan(start, count));
                writer.WriteDouble(pings.Longitudes.AsSpan(start, count));
                writer.WriteFloat(pings.Accuracies.AsSpan(start, count), pings.AccuracyNulls.AsSpan(start, count));
                writer.EndRowGroup();
            }
        }

        return new FileInfo(path).Length;
    }

    /// <summary>
    /// Stopwatch entry point (BenchmarkDotNet's minimum of runs is slow at 10 M rows):
    /// <c>dotnet run -c Release --project tests/AdintAudit.Benchmarks -- writer-stopwatch [--rows N] [--runs 5] [--keep PATH]</c>.
    /// 1 warm-up + N timed runs; prints each run and the median.
    /// </summary>
    public static int RunStopwatch(string[] args)
    {
        int rows = 10_000_000;
        int runs = 5;
        string? keep = null;
        var codec = CompressionCodec.Snappy;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows":
                    rows = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--runs":
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--keep":
                    keep = args[++i];
                    break;
                case "--codec":
                    codec = Enum.Parse<CompressionCodec>(args[++i], ignoreCase: true);
                    break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        var generate = Stopwatch.StartNew();
        var pings = new PingTable(rows, 100_000);
        Console.WriteLine($"generated {rows:N0} pings in {generate.Elapsed.TotalSeconds:F1} s (not timed); runtime {Environment.Version}, {Environment.ProcessorCount} cores");
        string path = keep ?? Path.Combine(Path.GetTempPath(), $"adint_write_pings_{Environment.ProcessId}.parquet");
        var options = new ParquetWriterOptions { Codec = codec };
        var times = new List<double>();
        long size = 0;
        for (int run = 0; run <= runs; run++)
        {
            File.Delete(path);
            var watch = Stopwatch.StartNew();
            size = Write(pings, path, options);
            double seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"{(run == 0 ? "warm-up" : $"run {run}")}: {seconds:F3} s");
            if (run > 0)
            {
                times.Add(seconds);
            }
        }

        times.Sort();
        double median = times[times.Count / 2];
        Console.WriteLine(
            $"{codec}: median {median:F3} s (min {times[0]:F3}, max {times[^1]:F3}), {rows / median / 1e6:F2} M rows/s, "
            + $"output {size:N0} bytes = {size / median / 1e6:F1} MB/s, raw values {rows * 64L / median / 1e6:F1} MB/s");
        if (keep is null)
        {
            File.Delete(path);
        }

        return 0;
    }
}
