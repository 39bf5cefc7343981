using System.Diagnostics;
using AdintAudit.Mobility;
using AdintAudit.Risk.Anonymity;
using AdintAudit.Risk.Linkage;
using AdintAudit.Synthetic;
using Pings = AdintAudit.Data.PingTable;

namespace AdintAudit.Benchmarks.Risk;

/// <summary>
/// <c>linkage-stopwatch [--devices N] [--runs R]</c>: co-location linkage (and, for comparison, the anonymity stages) on
/// the stays and homes of a generated <c>mixed</c> dataset (default 20,000 devices × 28 days ≈ 1.8 M pings, households
/// and second devices included). Generation and the mobility stages are not timed; prints each run and the medians.
/// </summary>
internal static class LinkageStopwatch
{
    public static int Run(string[] args)
    {
        var options = new Dictionary<string, int> { ["devices"] = 20_000, ["runs"] = 5 };
        if (!StopwatchArguments.TryRead(args, options))
        {
            return 2;
        }

        int devices = options["devices"];
        int runs = options["runs"];
        var make = Stopwatch.StartNew();
        SyntheticPings generated = SyntheticGenerator.Generate(GeneratorOptions.Mixed with { Devices = devices, Days = 28 }).Pings;
        string[] ids = new string[generated.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = generated.DeviceId(i);
        }

        Pings pings = Pings.FromRows(ids, generated.TimestampsMs, generated.Latitudes, generated.Longitudes, generated.AccuracyMeters);
        MobilityRun mobility = MobilityPipeline.Run(pings, PipelineStage.Homes, new PipelineOptions { TimeZone = "Europe/Berlin" });
        StayTable stays = mobility.Stays!;
        HomeWorkTable homes = mobility.Homes!;
        Console.WriteLine(FormattableString.Invariant(
            $"made {pings.Count:N0} pings of {pings.DeviceCount:N0} device ids -> {stays.Count:N0} stays, {mobility.Places!.Count:N0} places in {make.Elapsed.TotalSeconds:F1} s (not timed); runtime {Environment.Version}, {Environment.ProcessorCount} cores"));

        var linkTimes = new List<double>();
        var linkCpuTimes = new List<double>();
        var sweepTimes = new List<double>();
        var anonymityTimes = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (int r = 0; r <= runs; r++)
        {
            process.Refresh();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            LinkageResult linkage = CoLocationLinkage.Find(stays, homes);
            double link = clock.Elapsed.TotalSeconds;
            process.Refresh();
            double linkCpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            clock.Restart();
            CoLocationLinkage.Find(stays, null);
            double sweep = clock.Elapsed.TotalSeconds;
            clock.Restart();
            HomeWorkAnonymityResult pairs = HomeWorkAnonymity.Compute(homes);
            TopPlacesAnonymityResult top = TopPlacesAnonymity.Compute(mobility.Places!);
            double anonymity = clock.Elapsed.TotalSeconds;
            LinkageSummary s = linkage.Summary;
            Console.WriteLine(FormattableString.Invariant(
                $"{(r == 0 ? "warm-up" : $"run {r}")}: linkage {link:F3} s (CPU {linkCpu:F3} s; sweep alone {sweep:F3} s; {stays.Count / link / 1e6:F2} M stays/s; {s.CoLocated.LinkedPairs:N0} pairs, {s.CoLocated.RepeatedPairs:N0} repeated, {s.StrictlyCoLocated.LinkedPairs:N0} strict, {s.SharedHomes?.Groups ?? 0:N0} shared-home groups of {s.SharedHomes?.DevicesInGroups ?? 0:N0} devices); home/work + top-N anonymity {anonymity:F3} s ({pairs.Summaries[0].Devices:N0} pairs, {top.Summaries.Count} top-N summaries)"));
            if (r > 0)
            {
                linkTimes.Add(link);
                linkCpuTimes.Add(linkCpu);
                sweepTimes.Add(sweep);
                anonymityTimes.Add(anonymity);
            }
        }

        double median = StopwatchArguments.Median(linkTimes);
        Console.WriteLine(FormattableString.Invariant(
            $"median linkage {median:F3} s (CPU {StopwatchArguments.Median(linkCpuTimes):F3} s; sweep alone {StopwatchArguments.Median(sweepTimes):F3} s) = {stays.Count / median / 1e6:F2} M stays/s over {stays.Count:N0} stays of {pings.Count:N0} pings; anonymity stages median {StopwatchArguments.Median(anonymityTimes):F3} s"));
        return 0;
    }
}
