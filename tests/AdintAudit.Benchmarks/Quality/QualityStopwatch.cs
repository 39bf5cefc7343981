using System.Diagnostics;
using AdintAudit.Data;
using AdintAudit.Quality;

namespace AdintAudit.Benchmarks.Quality;

/// <summary>
/// Stopwatch entry for the quality screen: <c>quality-stopwatch --input FILE [--runs R]</c>. Loads FILE (untimed), then
/// times <see cref="QualityScreen.Screen(PingTable, QualityOptions?)"/> and the partitioned path with the table as its one
/// partition (day and bucket counts, <see cref="QualityScreen.Scan"/>, <see cref="QualityScreen.Facts"/>, then
/// <see cref="QualityScreen.Screen(PingTable, QualityOptions, QualityFacts, ReadOnlySpan{int})"/>): 1 warm-up + R timed
/// runs each, medians printed.
/// </summary>
internal static class QualityStopwatch
{
    public static int Run(string[] args)
    {
        string? input = null;
        int runs = 3;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--input": input = args[++i]; break;
                case "--runs": runs = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }

        if (input is null)
        {
            Console.Error.WriteLine("--input FILE is required");
            return 2;
        }

        var load = Stopwatch.StartNew();
        PingTable raw = PingTableLoader.Load([input]).Table;
        Console.WriteLine(FormattableString.Invariant(
            $"loaded {raw.Count:N0} pings of {raw.DeviceCount:N0} devices in {load.Elapsed.TotalSeconds:F1} s (not timed); runtime {Environment.Version}, {Environment.ProcessorCount} cores"));
        var whole = new List<double>();
        var counts = new List<double>();
        var scans = new List<double>();
        var screens = new List<double>();
        var options = new QualityOptions();
        for (int r = 0; r <= runs; r++)
        {
            var clock = Stopwatch.StartNew();
            QualityResult result = QualityScreen.Screen(raw);
            double seconds = clock.Elapsed.TotalSeconds;

            clock.Restart();
            var days = new DayCounts();
            days.Add(raw.TimeMs);
            var buckets = new CoordinateBucketCounts(raw.Count);
            buckets.Add(raw.Lat, raw.Lon);
            (long start, long end, string source) = QualityScreen.Window(days, options);
            double counted = clock.Elapsed.TotalSeconds;
            clock.Restart();
            QualityScan scan = QualityScreen.Scan(raw, options, start, end, buckets);
            QualityFacts facts = QualityScreen.Facts([scan], options, start, end, source);
            double scanned = clock.Elapsed.TotalSeconds;
            clock.Restart();
            QualityResult partition = QualityScreen.Screen(raw, options, facts, default);
            double screened = clock.Elapsed.TotalSeconds;
            if (r > 0)
            {
                whole.Add(seconds);
                counts.Add(counted);
                scans.Add(scanned);
                screens.Add(screened);
            }

            Console.WriteLine(FormattableString.Invariant(
                $"{(r == 0 ? "warm-up" : $"run {r}")}: Screen(table) {seconds:F3} s, {result.Clean.Count:N0} clean; counts {counted:F3} s, Scan+Facts {scanned:F3} s ({scan.CandidateCoordinates:N0} candidate, {facts.SharedCoordinateCount:N0} shared coordinates), Screen(facts) {screened:F3} s, {partition.Clean.Count:N0} clean"));
        }

        Console.WriteLine(FormattableString.Invariant(
            $"median Screen(table) {StopwatchArguments.Median(whole):F3} s; partitioned path: counts {StopwatchArguments.Median(counts):F3} s, Scan+Facts {StopwatchArguments.Median(scans):F3} s, Screen(facts) {StopwatchArguments.Median(screens):F3} s"));
        return 0;
    }
}
