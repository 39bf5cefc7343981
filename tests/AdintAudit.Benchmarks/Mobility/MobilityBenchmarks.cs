using System.Diagnostics;
using System.Globalization;
using AdintAudit.Mobility;
using AdintAudit.Quality;
using BenchmarkDotNet.Attributes;
using Pings = AdintAudit.Data.PingTable;

namespace AdintAudit.Benchmarks.Mobility;

/// <summary>
/// Stays + places + home/work from a loaded (cleaned) table. BenchmarkDotNet runs a 1 M-ping table; the stopwatch entry
/// (<c>mobility-stopwatch [--pings N] [--runs R]</c>) runs the 10 M-ping figure of issue 6 and prints the median:
/// about 18 M pings/s on 2 shared cores (0.55 s; 13 M pings/s before the speed work), see the README.
/// </summary>
[MemoryDiagnoser]
public class MobilityBenchmarks
{
    private Pings _pings = null!;

    [Params(1_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup() => _pings = MobilityData.Make(Count, seed: 1);

    [Benchmark]
    public HomeWorkTable StaysPlacesHomes() => MobilityPipeline.Run(_pings, PipelineStage.Homes, Fixed).Homes!;

    [Benchmark]
    public QualityResult QualityScreenOnly() => QualityScreen.Screen(_pings);

    internal static PipelineOptions Fixed { get; } = new() { TimeZone = "Europe/Berlin" };

    public static int RunStopwatch(string[] args)
    {
        if (args.Contains("--file"))
        {
            return MobilityFileStopwatch.Run(args);
        }

        int count = 10_000_000;
        int runs = 5;
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
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        var make = Stopwatch.StartNew();
        Pings raw = MobilityData.Make(count, seed: 1);
        Console.WriteLine($"made {raw.Count:N0} pings of {raw.DeviceCount:N0} devices in {make.Elapsed.TotalSeconds:F1} s (not timed); runtime {Environment.Version}, {Environment.ProcessorCount} cores");
        QualityResult screened = QualityScreen.Screen(raw);
        Pings clean = screened.Clean;
        var stages = new List<double>();
        var screens = new List<double>();
        var stayTimes = new List<double>();
        var placeTimes = new List<double>();
        var homeTimes = new List<double>();
        LocalTime local = LocalTime.FromTimeZone("Europe/Berlin", clean.TimeMs[0], clean.TimeMs[0] + (40L * 86_400_000));
        for (int r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            StayTable stays = StayDetector.Detect(clean, null, screened.IpLike, local);
            double t1 = clock.Elapsed.TotalSeconds;
            PlaceTable places = PlaceClusterer.Cluster(stays);
            double t2 = clock.Elapsed.TotalSeconds;
            HomeWorkTable homes = HomeWorkInference.Infer(clean, stays, places, null, local, screened.IpLike);
            double t3 = clock.Elapsed.TotalSeconds;
            stages.Add(t3);
            stayTimes.Add(t1);
            placeTimes.Add(t2 - t1);
            homeTimes.Add(t3 - t2);
            int withHome = 0;
            for (int d = 0; d < homes.Count; d++)
            {
                withHome += double.IsNaN(homes.HomeLat[d]) ? 0 : 1;
            }

            clock.Restart();
            QualityScreen.Screen(raw);
            screens.Add(clock.Elapsed.TotalSeconds);
            Console.WriteLine(FormattableString.Invariant(
                $"run {r + 1}: stays {t1:F3} s ({stays.Count:N0}), places {t2 - t1:F3} s ({places.Count:N0}), homes {t3 - t2:F3} s ({withHome:N0} homes): {clean.Count / t3 / 1e6:F1} M pings/s; quality screen {screens[^1]:F3} s"));
        }

        double median = Median(stages);
        Console.WriteLine(FormattableString.Invariant(
            $"median stays+places+homes {median:F3} s = {clean.Count / median / 1e6:F1} M pings/s over {clean.Count:N0} cleaned pings (stays {Median(stayTimes):F3}, places {Median(placeTimes):F3}, homes {Median(homeTimes):F3}); quality screen median {Median(screens):F3} s = {raw.Count / Median(screens) / 1e6:F1} M pings/s"));
        return 0;
    }

    /// <summary>
    /// <c>mobility-digest [--pings N]</c>: prints a hash of every output column of stays, places and home/work, to check
    /// that a speed change leaves results bit for bit identical.
    /// </summary>
    public static int RunDigest(string[] args)
    {
        int count = args.Length > 2 && args[1] == "--pings" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000_000;
        Pings raw = MobilityData.Make(count, seed: 1);
        QualityResult screened = QualityScreen.Screen(raw);
        Pings clean = screened.Clean;
        LocalTime local = LocalTime.FromTimeZone("Europe/Berlin", clean.TimeMs[0], clean.TimeMs[0] + (40L * 86_400_000));
        StayTable stays = StayDetector.Detect(clean, null, screened.IpLike, local);
        PlaceTable places = PlaceClusterer.Cluster(stays);
        HomeWorkTable homes = HomeWorkInference.Infer(clean, stays, places, null, local, screened.IpLike);
        ulong hash = MobilityDigest.Of(stays, places, homes);
        Console.WriteLine(FormattableString.Invariant(
            $"digest {hash:X16} over {clean.Count:N0} pings: {stays.Count:N0} stays, {places.Count:N0} places"));
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

/// <summary>Synthetic pings with a daily home/work routine: 28 days from 2024-06-03, Berlin, ~18 pings per device-day.</summary>
internal static class MobilityData
{
    public static Pings Make(int count, int seed)
    {
        const int PingsPerDevice = 500;
        int devices = Math.Max(1, count / PingsPerDevice);
        var rng = new Random(seed);
        var ids = new string[count];
        var times = new long[count];
        var lats = new double[count];
        var lons = new double[count];
        var accs = new float[count];
        long start = new DateTimeOffset(2024, 6, 3, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        int row = 0;
        for (int d = 0; d < devices && row < count; d++)
        {
            string id = $"device-{d:D7}";
            double homeLat = 52.4 + (rng.NextDouble() * 0.2);
            double homeLon = 13.3 + (rng.NextDouble() * 0.2);
            double workLat = 52.4 + (rng.NextDouble() * 0.2);
            double workLon = 13.3 + (rng.NextDouble() * 0.2);
            bool worker = rng.NextDouble() < 0.7;
            int n = d == devices - 1 ? count - row : Math.Min(PingsPerDevice, count - row);
            long[] deviceTimes = new long[n];
            for (int i = 0; i < n; i++)
            {
                deviceTimes[i] = start + (long)(rng.NextDouble() * 28 * 86_400_000);
            }

            Array.Sort(deviceTimes);
            for (int i = 0; i < n; i++, row++)
            {
                long t = deviceTimes[i];
                long localMs = t + (2 * 3_600_000);
                int hour = (int)(localMs / 3_600_000 % 24);
                int weekday = (int)(((localMs / 86_400_000) + 3) % 7);
                (double lat, double lon) = worker && weekday < 5 && hour is >= 9 and < 17 ? (workLat, workLon)
                    : hour is >= 19 or < 8 ? (homeLat, homeLon)
                    : (homeLat + ((rng.NextDouble() - 0.5) * 0.05), homeLon + ((rng.NextDouble() - 0.5) * 0.05));
                bool coarse = rng.NextDouble() < 0.1;
                double noise = coarse ? 0.01 : 0.0001;
                ids[row] = id;
                times[row] = t;
                lats[row] = lat + ((rng.NextDouble() - 0.5) * noise);
                lons[row] = lon + ((rng.NextDouble() - 0.5) * noise);
                accs[row] = coarse ? 1000f : (float)(5 + (rng.NextDouble() * 30));
            }
        }

        return Pings.FromRows(ids, times, lats, lons, accs);
    }
}
