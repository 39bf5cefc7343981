using System.Diagnostics;
using System.Globalization;
using AdintAudit.Synthetic;
using AdintAudit.Synthetic.Emission;
using BenchmarkDotNet.Attributes;

namespace AdintAudit.Benchmarks.Synthetic;

/// <summary>
/// Throughput of the synthetic generator: generation alone (rows produced by the parallel pipeline and dropped) and
/// end to end (the whole dataset streamed to Parquet).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    [Params(20_000)]
    public int Devices { get; set; }

    [Benchmark]
    public long GenerateOnly() => GenerateRows(GeneratorOptions.Mixed with { Devices = Devices, Days = 28 }, 0);

    /// <summary>Runs the parallel pipeline and counts the rows without keeping or writing them.</summary>
    internal static long GenerateRows(GeneratorOptions options, int threads)
    {
        var model = new SyntheticModel(options);
        long rows = 0;
        ChunkPipeline.Run(model, threads <= 0 ? Environment.ProcessorCount : threads, chunk => rows += chunk.Rows.Count + chunk.ZeroedRows.Count, CancellationToken.None);
        return rows;
    }

    /// <summary>
    /// Stopwatch entry point:
    /// <c>dotnet run -c Release --project tests/AdintAudit.Benchmarks -- generator-stopwatch [--devices N] [--days D] [--preset P] [--runs 5] [--threads T] [--write DIR]</c>.
    /// 1 warm-up + N timed runs; prints each run's pings/s and the median.
    /// </summary>
    public static int RunStopwatch(string[] args)
    {
        int devices = 200_000, days = 28, runs = 5, threads = 0;
        string preset = "mixed";
        string? write = null;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--devices": devices = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--days": days = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--preset": preset = args[++i]; break;
                case "--write": write = args[++i]; break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }

        GeneratorPreset chosen = preset switch
        {
            "bidstream" => GeneratorPreset.Bidstream,
            "sdk_panel" => GeneratorPreset.SdkPanel,
            _ => GeneratorPreset.Mixed,
        };
        GeneratorOptions options = GeneratorOptions.ForPreset(chosen) with { Devices = devices, Days = days };
        var rates = new List<double>();
        for (int run = 0; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            long rows;
            if (write is null)
            {
                rows = GenerateRows(options, threads);
            }
            else
            {
                rows = SyntheticDatasetWriter.Write(options, write, overwrite: true, maxParallelism: threads).Pings;
            }

            double seconds = clock.Elapsed.TotalSeconds;
            double rate = rows / seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(run == 0 ? "warm-up" : $"run {run}")}: {rows:N0} pings in {seconds:F3} s = {rate / 1e6:F2} M pings/s"));
            if (run > 0)
            {
                rates.Add(rate);
            }
        }

        rates.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median {(write is null ? "generation" : "end-to-end")} throughput ({preset}, {devices:N0} devices x {days} days, threads {(threads <= 0 ? Environment.ProcessorCount : threads)}): {rates[rates.Count / 2] / 1e6:F2} M pings/s"));
        return 0;
    }
}
