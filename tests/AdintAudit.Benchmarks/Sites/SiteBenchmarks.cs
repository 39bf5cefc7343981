using System.Diagnostics;
using System.Globalization;
using AdintAudit.Benchmarks.Mobility;
using AdintAudit.Sites;
using BenchmarkDotNet.Attributes;
using Pings = AdintAudit.Data.PingTable;

namespace AdintAudit.Benchmarks.Sites;

/// <summary>
/// Sensitive-site exposure over generated Berlin pings against the generator's 277 sites (the committed sample's
/// <c>sites.geojson</c>). BenchmarkDotNet runs 1 M pings; the stopwatch entry
/// (<c>sites-stopwatch [--pings N] [--runs R] [--sites FILE]</c>) runs 10 M and prints medians, see the README.
/// </summary>
[MemoryDiagnoser]
public class SiteBenchmarks
{
    private Pings _pings = null!;
    private SiteCatalog _sites = null!;

    [Params(1_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pings = MobilityData.Make(Count, seed: 1);
        _sites = SiteCatalog.Load(SampleSites());
    }

    [Benchmark]
    public SiteExposureResult Exposure() => SiteExposureAnalyzer.Compute(_pings, _sites, null, null, null);

    [Benchmark]
    public bool[] Mask() => SiteExposureAnalyzer.AtSiteMask(_pings, _sites);

    public static int RunStopwatch(string[] args)
    {
        int count = 10_000_000;
        int runs = 5;
        string? sitesPath = null;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--pings":
                    count = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--runs":
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--sites":
                    sitesPath = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        var make = Stopwatch.StartNew();
        Pings pings = MobilityData.Make(count, seed: 1);
        SiteCatalog sites = SiteCatalog.Load(sitesPath ?? SampleSites());
        Console.WriteLine($"made {pings.Count:N0} pings of {pings.DeviceCount:N0} devices and loaded {sites.Count} sites in {make.Elapsed.TotalSeconds:F1} s (not timed); runtime {Environment.Version}, {Environment.ProcessorCount} cores");
        var exposureTimes = new List<double>();
        var maskTimes = new List<double>();
        for (int r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            SiteExposureResult result = SiteExposureAnalyzer.Compute(pings, sites, null, null, null);
            exposureTimes.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            bool[] mask = SiteExposureAnalyzer.AtSiteMask(pings, sites);
            maskTimes.Add(clock.Elapsed.TotalSeconds);
            Console.WriteLine(FormattableString.Invariant(
                $"run {r + 1}: exposure {exposureTimes[^1]:F3} s ({result.PingsAtAnySite:N0} pings at {result.Sites.Count(s => s.Devices > 0)} sites, {result.DevicesAtAnySite:N0} devices); mask {maskTimes[^1]:F3} s ({mask.Count(m => m):N0} flagged)"));
        }

        double exposure = Median(exposureTimes);
        double maskMedian = Median(maskTimes);
        Console.WriteLine(FormattableString.Invariant(
            $"median exposure {exposure:F3} s = {pings.Count / exposure / 1e6:F1} M pings/s; mask {maskMedian:F3} s = {pings.Count / maskMedian / 1e6:F1} M pings/s over {pings.Count:N0} pings x {sites.Count} sites"));
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>The committed sample's <c>sites.geojson</c>, found above the benchmark's folder.</summary>
    private static string SampleSites()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data-synthetic", "sample", "sites.geojson");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("data-synthetic/sample/sites.geojson not found above " + AppContext.BaseDirectory);
    }
}
