using System.Diagnostics;
using System.Globalization;
using AdintAudit.Audit;
using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Risk.Mitigation;
using AdintAudit.Risk.Unicity;
using AdintAudit.Tests.Audit;

namespace AdintAudit.Benchmarks.Audit;

/// <summary>
/// Pathological-input stress run (issue 11 part B):
/// <c>dotnet run -c Release --project tests/AdintAudit.Benchmarks -- stress --case OneCoordinate --pings 1000000 [--keep DIR]</c>.
/// Writes the case with <see cref="PathologicalPings"/> (not timed), runs the whole audit with default options and prints
/// one line per stage and a summary line with the wall time and the process's peak RSS (VmHWM). Run one size per process
/// (scripts/stress.sh) so the peak belongs to that size. With <c>ADINT_STRESS_PROBE=1</c> it first times each what-if's
/// parts (apply, stays, places, homes, unicity) to locate a super-linear one.
/// </summary>
internal static class StressRun
{
    public static int Run(string[] args)
    {
        var kind = PathologicalCase.OneCoordinate;
        long pings = 1_000_000;
        string folder = Path.GetTempPath();
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--case":
                    kind = Enum.Parse<PathologicalCase>(args[++i], ignoreCase: true);
                    break;
                case "--pings":
                    pings = long.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--keep":
                    folder = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"unknown argument {args[i]}");
                    return 2;
            }
        }

        string path = Path.Combine(folder, FormattableString.Invariant($"stress_{kind}_{pings}.parquet"));
        if (!File.Exists(path))
        {
            var write = Stopwatch.StartNew();
            PathologicalPings.Write(path, kind, pings);
            Console.WriteLine(FormattableString.Invariant($"wrote {path} ({new FileInfo(path).Length / 1e6:F1} MB) in {write.Elapsed.TotalSeconds:F1} s"));
        }

        if (Environment.GetEnvironmentVariable("ADINT_STRESS_PROBE") == "1")
        {
            Probe(path);
        }

        long before = PeakRssKb();
        var clock = Stopwatch.StartNew();
        AuditResult result = AuditRunner.Run(new AuditInput([path]));
        double seconds = clock.Elapsed.TotalSeconds;
        foreach (StageTiming stage in result.Timings)
        {
            Console.WriteLine(FormattableString.Invariant($"  {stage.Stage,-32} {stage.Seconds,8:F2} s  {stage.Units,12} {stage.Unit}"));
        }

        Console.WriteLine(FormattableString.Invariant(
            $"RESULT case={kind} pings={pings} devices={result.Profile.Devices} kept={result.Mobility.KeptPingsTotal} stays={result.Mobility.Stays.Count} linked_pairs={result.Linkage.Summary.CoLocated.LinkedPairs} wall_s={seconds:F2} peak_rss_mb={PeakRssKb() / 1024.0:F0} rss_before_mb={before / 1024.0:F0}"));
        return 0;
    }

    /// <summary>Times each what-if's parts (apply, stays, places, homes, unicity) to find a super-linear one.</summary>
    private static void Probe(string path)
    {
        var options = new AuditOptions();
        PingTable table = PingTableLoader.Load([path]).Table;
        MobilityRun baseline = MobilityPipeline.Run(table, PipelineStage.Homes, options.Pipeline);
        var context = new MitigationContext
        {
            HomeLatDegrees = baseline.Homes!.HomeLat.ToArray(),
            HomeLonDegrees = baseline.Homes!.HomeLon.ToArray(),
        };
        foreach (WhatIfMitigation mitigation in options.WhatIfs)
        {
            if (!Mitigations.CanApply(mitigation, context))
            {
                continue;
            }

            var clock = Stopwatch.StartNew();
            PingTable transformed = Mitigations.Apply(baseline.Used, mitigation, context);
            double apply = clock.Elapsed.TotalSeconds;
            PipelineOptions pipeline = options.Pipeline with { ScreenQuality = false };
            MobilityRun stays = MobilityPipeline.Run(transformed, PipelineStage.Stays, pipeline);
            double s1 = clock.Elapsed.TotalSeconds;
            MobilityRun places = MobilityPipeline.Run(transformed, PipelineStage.Places, pipeline);
            double s2 = clock.Elapsed.TotalSeconds;
            MobilityRun homes = MobilityPipeline.Run(transformed, PipelineStage.Homes, pipeline);
            double s3 = clock.Elapsed.TotalSeconds;
            UnicityEstimator.Estimate(homes.Used, WhatIfRunner.ReducedUnicity(options));
            double s4 = clock.Elapsed.TotalSeconds;
            Console.WriteLine(FormattableString.Invariant(
                $"  probe {mitigation.Label,-40} apply {apply:F2} stays {s1 - apply:F2} places {s2 - s1:F2} homes {s3 - s2:F2} unicity {s4 - s3:F2} (stays {stays.Stays?.Count} places {places.Places?.Count})"));
        }
    }

    private static long PeakRssKb()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
