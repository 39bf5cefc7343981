using System.Diagnostics;
using System.Globalization;
using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Quality;

namespace AdintAudit.Benchmarks.Mobility;

/// <summary>
/// <c>mobility-stopwatch --file PINGS [--runs R] [--threads T] [--zone IANA]</c>: loads a ping file, screens it, and
/// times stays (adtech), places (default) and home/work (default) separately, with the options the audit uses, on
/// <c>T</c> threads (default 1: the per-partition cost of the partitioned audit). Prints ns per cleaned ping for each
/// stage, the medians, and a digest of every output column (the same digest as <c>mobility-digest</c>).
/// </summary>
/// <remarks>
/// Times are CPU time of the process (all its threads), not wall time: on a machine shared with other work the wall
/// time mostly measures the load. With one thread, the process's CPU time is the stage's plus a little of the runtime's
/// (JIT tiering, GC).
/// </remarks>
internal static class MobilityFileStopwatch
{
    public static int Run(string[] args)
    {
        string? file = null;
        string zone = "Europe/Berlin";
        int runs = 3;
        int threads = 1;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--file":
                    file = args[++i];
                    break;
                case "--zone":
                    zone = args[++i];
                    break;
                case "--runs":
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--threads":
                    threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        if (file is null)
        {
            Console.Error.WriteLine("--file is required");
            return 2;
        }

        var load = Stopwatch.StartNew();
        PingTable raw = PingTableLoader.Load([file]).Table;
        QualityResult screened = QualityScreen.Screen(raw);
        PingTable clean = screened.Clean;
        long min = long.MaxValue;
        long max = long.MinValue;
        foreach (long t in clean.TimeMs)
        {
            min = Math.Min(min, t);
            max = Math.Max(max, t);
        }

        LocalTime local = LocalTime.FromTimeZone(zone, min, max);
        Console.WriteLine(FormattableString.Invariant(
            $"loaded and screened {raw.Count:N0} pings ({clean.Count:N0} kept, {clean.DeviceCount:N0} devices) in {load.Elapsed.TotalSeconds:F1} s (not timed); runtime {Environment.Version}, {threads} thread(s)"));
        var stayOptions = new StayOptions { Method = StayMethod.Adtech, MaxDegreeOfParallelism = threads };
        var placeOptions = new PlaceOptions { Method = PlaceMethod.Default, MaxDegreeOfParallelism = threads };
        var homeOptions = new HomeWorkOptions { Method = HomeWorkMethod.Default, MaxDegreeOfParallelism = threads };
        var stayNs = new List<double>();
        var placeNs = new List<double>();
        var homeNs = new List<double>();
        double perPing = 1e9 / clean.Count;
        for (int r = 0; r < runs; r++)
        {
            using var process = Process.GetCurrentProcess();
            double t0 = CpuSeconds(process);
            StayTable stays = StayDetector.Detect(clean, stayOptions, screened.IpLike, local);
            double t1 = CpuSeconds(process) - t0;
            PlaceTable places = PlaceClusterer.Cluster(stays, placeOptions);
            double t2 = CpuSeconds(process) - t0;
            HomeWorkTable homes = HomeWorkInference.Infer(clean, stays, places, homeOptions, local, screened.IpLike);
            double t3 = CpuSeconds(process) - t0;
            stayNs.Add(t1 * perPing);
            placeNs.Add((t2 - t1) * perPing);
            homeNs.Add((t3 - t2) * perPing);
            Console.WriteLine(FormattableString.Invariant(
                $"run {r + 1} (CPU): stays {t1:F3} s ({stays.Count:N0}), places {t2 - t1:F3} s ({places.Count:N0}), homes {t3 - t2:F3} s; ns/ping {stayNs[^1]:F0} + {placeNs[^1]:F0} + {homeNs[^1]:F0} = {t3 * perPing:F0}"));
            if (r == runs - 1)
            {
                Console.WriteLine($"digest {MobilityDigest.Of(stays, places, homes):X16}");
            }
        }

        double s = StopwatchArguments.Median(stayNs);
        double p = StopwatchArguments.Median(placeNs);
        double h = StopwatchArguments.Median(homeNs);
        Console.WriteLine(FormattableString.Invariant(
            $"median CPU ns/ping over {clean.Count:N0} cleaned pings: stays {s:F0}, places {p:F0}, homes {h:F0}, total {s + p + h:F0}"));
        return 0;
    }

    private static double CpuSeconds(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalSeconds;
    }
}
