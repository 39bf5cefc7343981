using System.Diagnostics;
using System.Globalization;
using AdintAudit.Data;
using AdintAudit.Quality;
using AdintAudit.Risk.Unicity;
using AdintAudit.Synthetic;

namespace AdintAudit.Benchmarks.Risk;

/// <summary>
/// Stopwatch entry for unicity:
/// <c>unicity-stopwatch [--devices N] [--days D] [--input FILE] [--runs R] [--threads T] [--max-devices M] [--phases]</c>. Generates the mixed
/// synthetic preset (default 110,000 devices over 28 days, about 10 M pings) or loads FILE, applies the quality screen
/// (untimed), then times <see cref="UnicityEstimator.Estimate(PingTable, UnicityOptions?, CancellationToken)"/> with the
/// default options (p = 1..6, four resolutions, 10,000 sampled devices): 1 warm-up + R timed runs, median printed.
/// </summary>
internal static class UnicityBenchmarks
{
    public static int RunStopwatch(string[] args)
    {
        int devices = 110_000, days = 28, runs = 3, threads = Environment.ProcessorCount, maxDevices = new UnicityOptions().MaxDevices;
        string? input = null;
        bool phases = false;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--devices": devices = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--days": days = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--input": input = args[++i]; break;
                case "--phases": phases = true; break;
                case "--max-devices": maxDevices = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }

        var make = Stopwatch.StartNew();
        PingTable raw = input is null ? Generate(devices, days) : PingTableLoader.Load([input]).Table;
        PingTable clean = QualityScreen.Screen(raw).Clean;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(input is null ? "generated" : "loaded")} {raw.Count:N0} pings, {clean.Count:N0} after the quality screen, {clean.DeviceCount:N0} devices in {make.Elapsed.TotalSeconds:F1} s (not timed); runtime {Environment.Version}, {Environment.ProcessorCount} cores, {threads} threads"));
        var options = new UnicityOptions { MaxDegreeOfParallelism = threads, MaxDevices = maxDevices };
        if (phases)
        {
            TimePhases(clean, options);
        }

        var times = new List<double>();
        UnicityResult? result = null;
        for (int run = 0; run <= runs; run++)
        {
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            result = UnicityEstimator.Estimate(clean, options);
            double seconds = clock.Elapsed.TotalSeconds;
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            double allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(run == 0 ? "warm-up" : $"run {run}")}: {seconds:F3} s (process CPU {cpuSeconds:F3} s, {allocatedMb:F0} MB allocated)"));
            if (run > 0)
            {
                times.Add(seconds);
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median {times[times.Count / 2]:F3} s over {runs} runs ({result!.SampledDevices:N0} of {result.TotalDevices:N0} devices, p = 1..6, {result.Curves.Count} resolutions)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"result digest {Digest(result):X16} (equal digests: bit-identical curves)"));
        foreach (UnicityCurve curve in result.Curves)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {curve.Resolution.CellMeters} m, {curve.Resolution.TimeBinMinutes} min:"));
            foreach (UnicityPoint point in curve.Points)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    p={point.P}: eligible {point.EligibleDevices,6:N0}, expected {point.Expected:F3} [{point.ConfidenceLow:F3}, {point.ConfidenceHigh:F3}], worst case {point.WorstCase:F3} (+{point.WorstCaseLowerBoundDevices} undecided)"));
            }
        }

        return 0;
    }

    /// <summary>
    /// <c>--phases</c>: times the four steps of the estimate once, on the table as one partition (the traces of the sampled
    /// devices, the query, the postings of its points, then the merge and the device evaluation).
    /// </summary>
    private static void TimePhases(PingTable pings, UnicityOptions options)
    {
        int[] identity = [.. Enumerable.Range(0, pings.DeviceCount)];
        for (int run = 0; run < 3; run++)
        {
            var clock = new PhaseClock();
            UnicityTraces traces = UnicityEstimator.CollectTraces(pings, identity, pings.DeviceCount, options, CancellationToken.None);
            string tracesTime = clock.Lap();
            UnicityQuery query = UnicityEstimator.PrepareQuery([traces], pings.DeviceCount, options);
            string queryTime = clock.Lap();
            UnicityPostings postings = UnicityEstimator.CollectPostings(pings, identity, query, CancellationToken.None);
            string postingsTime = clock.Lap();
            Console.Write(string.Create(CultureInfo.InvariantCulture,
                $"phases (wall/cpu): traces {tracesTime} ({traces.TracePointCount:N0} device-points), query {queryTime} ({query.PointCount:N0} points), postings {postingsTime} ({postings.PostingCount:N0} postings)"));
            UnicityEstimator.Estimate(query, [postings], null, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $", merge + evaluation {clock.Lap()}"));
        }
    }

    /// <summary>Wall and process CPU time since the last lap (CPU time is less sensitive to other load on a shared machine).</summary>
    private sealed class PhaseClock
    {
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

        public string Lap()
        {
            double wall = _wall.Elapsed.TotalSeconds;
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            string lap = string.Create(CultureInfo.InvariantCulture, $"{wall:F3}/{(cpu - _cpu).TotalSeconds:F3} s");
            _wall.Restart();
            _cpu = cpu;
            return lap;
        }
    }

    /// <summary>FNV-1a over every figure of every curve (doubles by their bits), to compare results of two builds exactly.</summary>
    private static ulong Digest(UnicityResult result)
    {
        ulong hash = 14_695_981_039_346_656_037UL;
        void Add(long value) => hash = (hash ^ (ulong)value) * 1_099_511_628_211UL;
        foreach (UnicityCurve curve in result.Curves)
        {
            foreach (UnicityPoint point in curve.Points)
            {
                Add(point.P);
                Add(point.EligibleDevices);
                Add(BitConverter.DoubleToInt64Bits(point.Expected));
                Add(BitConverter.DoubleToInt64Bits(point.ConfidenceLow));
                Add(BitConverter.DoubleToInt64Bits(point.ConfidenceHigh));
                Add(BitConverter.DoubleToInt64Bits(point.WorstCase));
                Add(point.WorstCaseLowerBoundDevices);
            }
        }

        return hash;
    }

    private static PingTable Generate(int devices, int days)
    {
        SyntheticDataset data = SyntheticGenerator.Generate(GeneratorOptions.Mixed with { Devices = devices, Days = days, Seed = 1 });
        SyntheticPings pings = data.Pings;
        var ids = new string[pings.Count];
        ReadOnlySpan<int> slots = pings.IdIndices;
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = pings.Ids[slots[i]];
        }

        return PingTable.FromRows(ids, pings.TimestampsMs, pings.Latitudes, pings.Longitudes, pings.AccuracyMeters);
    }
}
