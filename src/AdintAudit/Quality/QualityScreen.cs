using AdintAudit.Data;

namespace AdintAudit.Quality;

/// <summary>Screens a ping table for the artefacts of ad-tech data (ALGORITHMS.md §4, last item).</summary>
/// <remarks>
/// <para>Removed: exact duplicates (same device, time, lat, lon; the first is kept), null island (0, 0), out of range
/// (|lat| &gt; 90 or |lon| &gt; 180, or not finite), timestamps outside the dataset window, teleports (a ping reached from
/// the previous kept ping and left to the next at more than <see cref="QualityOptions.TeleportSpeedKmh"/>; the last ping
/// of a device only by the first test; time differences below one second count as one second).</para>
/// <para>Kept but flagged: shared coordinates (the same exact coordinate on ≥ <see cref="QualityOptions.SharedCoordinateMinDevices"/>
/// devices among the kept pings) and IP-like precision (≤ 2 decimals) form <see cref="QualityResult.IpLike"/>. Counted
/// only: coarse coordinates (≤ 3 decimals) and accuracy above the threshold.</para>
/// <para>Window: given, or derived from all timestamps (<see cref="Window"/>), so stray 1970 or far-future values fall
/// outside it.</para>
/// <para>Partitions: the removal checks look at one device at a time; only the window and the shared coordinates need
/// the whole dataset. A partitioned screen runs <see cref="Scan"/> on every partition, merges the scans with
/// <see cref="Facts"/>, runs <see cref="Screen(PingTable, QualityOptions, QualityFacts, ReadOnlySpan{int})"/> on every
/// partition and merges the reports with <see cref="MergeReports"/>. <see cref="Screen(PingTable, QualityOptions?)"/> is
/// that composition with the whole table as the one partition, so both give the same rows, flags and report.</para>
/// <para>Cost: the removal checks (one pass), a pass over the kept pings with a dictionary of only the coordinates whose
/// hash bucket holds enough pings, and a pass for the flags.</para>
/// </remarks>
public static class QualityScreen
{
    private const int Shared = 5, IpPrecision = 6, Coarse = 7, Accuracy = 8;

    /// <summary>Screens <paramref name="pings"/>, deriving the window and the shared coordinates from the table itself.</summary>
    /// <param name="pings">The table as loaded.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <returns>The cleaned table, the IP-like flags and the report.</returns>
    public static QualityResult Screen(PingTable pings, QualityOptions? options = null) => ScreenWhole(pings, options ?? new QualityOptions()).Result;

    /// <summary>
    /// Returns the dataset window: [<see cref="QualityOptions.WindowStartMs"/>, <see cref="QualityOptions.WindowEndMs"/>)
    /// when both are given; otherwise the missing ends from <see cref="DayCounts.Window"/>(0.005, 0.995) of all
    /// timestamps: [the UTC day of the 0.5th percentile, the day after the 99.5th percentile), the q-percentile being the
    /// timestamp of rank floor(q × n) (0-based, ascending). Everything when there are no timestamps.
    /// </summary>
    /// <param name="days">Pings per UTC day of the whole dataset (every row, before any check).</param>
    /// <param name="options">The given ends, if any.</param>
    /// <returns>Start (inclusive) and end (exclusive) in UTC epoch ms, and their source for the report.</returns>
    public static (long StartMs, long EndMs, string Source) Window(DayCounts days, QualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(options);
        if (options.WindowStartMs is long s && options.WindowEndMs is long e)
        {
            return (s, e, "given");
        }

        if (days.Window(0.005, 0.995) is not (long low, long high))
        {
            return (long.MinValue, long.MaxValue, "empty input");
        }

        return (options.WindowStartMs ?? low, options.WindowEndMs ?? high, "derived from the 0.5th-99.5th percentile days");
    }

    /// <summary>
    /// Runs the removal checks on one partition of the devices and returns what the dataset-wide facts need from it.
    /// </summary>
    /// <param name="pings">The partition: every row of its devices.</param>
    /// <param name="options">Settings.</param>
    /// <param name="windowStartMs">The dataset window's start (UTC epoch ms, inclusive), from <see cref="Window"/>.</param>
    /// <param name="windowEndMs">The dataset window's end (exclusive).</param>
    /// <param name="buckets">Pings per coordinate bucket of the whole dataset (any size; a bigger one makes the scan smaller).</param>
    /// <returns>The partition's scan.</returns>
    public static QualityScan Scan(PingTable pings, QualityOptions options, long windowStartMs, long windowEndMs, CoordinateBucketCounts buckets)
    {
        ArgumentNullException.ThrowIfNull(pings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(buckets);
        PingTable canonical = RemovalChecks.Canonical(pings);
        var keep = new bool[canonical.Count];
        RemovalChecks.Mark(canonical, options, windowStartMs, windowEndMs, keep, null);
        return QualityScan.FromKept(canonical, keep, options.SharedCoordinateMinDevices, buckets);
    }

    /// <summary>Merges the scans of all partitions into the facts every partition's screen needs.</summary>
    /// <param name="scans">One scan per partition, each device in exactly one of them (any order).</param>
    /// <param name="options">Settings (the shared-coordinate threshold).</param>
    /// <param name="windowStartMs">The window the scans used.</param>
    /// <param name="windowEndMs">The window's end.</param>
    /// <param name="windowSource">The window's source, for the report.</param>
    /// <returns>The window and the coordinates whose distinct devices, summed over the scans, reach the threshold.</returns>
    public static QualityFacts Facts(IReadOnlyList<QualityScan> scans, QualityOptions options, long windowStartMs, long windowEndMs, string windowSource)
    {
        ArgumentNullException.ThrowIfNull(scans);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(windowSource);
        // Devices are disjoint across partitions, so distinct devices add up.
        var devices = new Dictionary<(double Lat, double Lon), int>();
        foreach (QualityScan scan in scans)
        {
            foreach (KeyValuePair<(double Lat, double Lon), int> pair in scan.CoordinateDevices)
            {
                devices[pair.Key] = devices.GetValueOrDefault(pair.Key) + pair.Value;
            }
        }

        var shared = new HashSet<(double Lat, double Lon)>();
        foreach (KeyValuePair<(double Lat, double Lon), int> pair in devices)
        {
            if (pair.Value >= options.SharedCoordinateMinDevices)
            {
                shared.Add(pair.Key);
            }
        }

        return new QualityFacts(windowStartMs, windowEndMs, windowSource, shared);
    }

    /// <summary>Screens one partition of the devices with the dataset-wide <paramref name="facts"/>.</summary>
    /// <param name="pings">The partition: every row of its devices.</param>
    /// <param name="options">Settings; the same as for the scans.</param>
    /// <param name="facts">The merged facts of all partitions.</param>
    /// <param name="globalDevice">
    /// Each local device's index among all devices of the dataset (ascending, one per device of <paramref name="pings"/>);
    /// empty when <paramref name="pings"/> is the whole dataset.
    /// </param>
    /// <returns>
    /// The partition's cleaned table (every device kept), flags, own report and mergeable report; the cleaned rows and flags
    /// of a device are those the whole table's screen gives it.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="globalDevice"/> is neither empty nor one per device.</exception>
    public static QualityResult Screen(PingTable pings, QualityOptions options, QualityFacts facts, ReadOnlySpan<int> globalDevice)
    {
        ArgumentNullException.ThrowIfNull(pings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(facts);
        if (!globalDevice.IsEmpty && globalDevice.Length != pings.DeviceCount)
        {
            throw new ArgumentException($"{globalDevice.Length} global device indices for {pings.DeviceCount} devices", nameof(globalDevice));
        }

        PingTable canonical = RemovalChecks.Canonical(pings);
        var keep = new bool[canonical.Count];
        CheckCounter[] counters = Counters(options);
        RemovalChecks.Mark(canonical, options, facts.WindowStartMs, facts.WindowEndMs, keep, counters);
        return Flag(canonical, keep, counters, options, facts, globalDevice);
    }

    /// <summary>Merges the reports of all partitions into the report the whole table's screen gives.</summary>
    /// <param name="partials">One per partition (<see cref="QualityResult.Partial"/>), screened with the same facts and options; at least one.</param>
    /// <returns>Counts summed; per check the first examples in (global device, row) order.</returns>
    /// <exception cref="ArgumentException">No partial, or partials of different windows or settings.</exception>
    public static QualityReport MergeReports(IReadOnlyList<QualityReportPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.Count == 0)
        {
            throw new ArgumentException("at least one partial report is needed", nameof(partials));
        }

        QualityReportPartial first = partials[0];
        long input = 0;
        long clean = 0;
        foreach (QualityReportPartial partial in partials)
        {
            if (partial.WindowStartMs != first.WindowStartMs || partial.WindowEndMs != first.WindowEndMs
                || partial.ExamplesPerCheck != first.ExamplesPerCheck || partial.Checks.Length != first.Checks.Length)
            {
                throw new ArgumentException("the partial reports come from screens with different facts or settings", nameof(partials));
            }

            input += partial.InputPings;
            clean += partial.CleanPings;
        }

        var checks = new QualityCheck[first.Checks.Length];
        var examples = new List<QualityExample>();
        for (int c = 0; c < checks.Length; c++)
        {
            long count = 0;
            examples.Clear();
            foreach (QualityReportPartial partial in partials)
            {
                count += partial.Checks[c].Pings;
                examples.AddRange(partial.Checks[c].Examples);
            }

            examples.Sort();
            int kept = Math.Min(examples.Count, first.ExamplesPerCheck);
            var texts = new string[kept];
            for (int k = 0; k < kept; k++)
            {
                texts[k] = examples[k].Text;
            }

            checks[c] = new QualityCheck(first.Checks[c].Name, count, first.Checks[c].Removed, texts);
        }

        return new QualityReport(input, clean, first.WindowStartMs, first.WindowEndMs, first.WindowSource, checks);
    }

    /// <summary>
    /// Whether <paramref name="value"/> × <paramref name="scale"/> is a whole number (to 1e-6): with scale 10^d, whether
    /// the value has at most d decimals (to 1e-7 of a unit of the last one).
    /// </summary>
    private static bool IsWholeInUnitsOf(double value, double scale)
    {
        double scaled = value * scale;
        return Math.Abs(scaled - Math.Round(scaled)) < 1e-6;
    }

    /// <summary>
    /// The screen of a whole table: window and coordinate buckets of its rows, then scan, facts and screen as for one
    /// partition (the removal checks run once). Also returns the scan, for the local clock.
    /// </summary>
    internal static (QualityResult Result, QualityScan Scan) ScreenWhole(PingTable pings, QualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(pings);
        ArgumentNullException.ThrowIfNull(options);
        var days = new DayCounts();
        days.Add(pings.TimeMs);
        (long windowStart, long windowEnd, string windowSource) = Window(days, options);
        var buckets = new CoordinateBucketCounts(pings.Count);
        buckets.Add(pings.Lat, pings.Lon);

        PingTable canonical = RemovalChecks.Canonical(pings);
        var keep = new bool[canonical.Count];
        CheckCounter[] counters = Counters(options);
        RemovalChecks.Mark(canonical, options, windowStart, windowEnd, keep, counters);
        QualityScan scan = QualityScan.FromKept(canonical, keep, options.SharedCoordinateMinDevices, buckets);
        QualityFacts facts = Facts([scan], options, windowStart, windowEnd, windowSource);
        return (Flag(canonical, keep, counters, options, facts, default), scan);
    }

    private static CheckCounter[] Counters(QualityOptions options)
    {
        int n = options.ExamplesPerCheck;
        return
        [
            new("duplicate", true, n), new("null_island", true, n), new("out_of_range", true, n), new("outside_window", true, n), new("teleport", true, n),
            new("shared_coordinate", false, n), new("ip_like_precision", false, n), new("coarse_coordinates", false, n), new("accuracy_above_threshold", false, n),
        ];
    }

    /// <summary>Flags and counts the kept rows, then builds the cleaned table and the reports.</summary>
    private static QualityResult Flag(PingTable pings, bool[] keep, CheckCounter[] counters, QualityOptions options, QualityFacts facts, ReadOnlySpan<int> globalDevice)
    {
        int n = pings.Count;
        double[] lat = pings.LatArray;
        double[] lon = pings.LonArray;
        float[] acc = pings.AccuracyArray;
        bool checkShared = facts.SharedCoordinateCount > 0;
        double ipScale = Math.Pow(10, options.IpLikeMaxDecimals);
        double coarseScale = Math.Pow(10, options.CoarseMaxDecimals);
        var ipLikeAll = new bool[n];
        for (int i = 0; i < n; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            bool shared = checkShared && facts.IsShared(lat[i], lon[i]);
            bool ipPrecision = IsWholeInUnitsOf(lat[i], ipScale) && IsWholeInUnitsOf(lon[i], ipScale);
            if (shared)
            {
                counters[Shared].Add(i);
            }

            if (ipPrecision)
            {
                counters[IpPrecision].Add(i);
            }

            if (IsWholeInUnitsOf(lat[i], coarseScale) && IsWholeInUnitsOf(lon[i], coarseScale))
            {
                counters[Coarse].Add(i);
            }

            if (!float.IsNaN(acc[i]) && acc[i] > options.MaxAccuracyMeters)
            {
                counters[Accuracy].Add(i);
            }

            ipLikeAll[i] = shared || ipPrecision;
        }

        PingTable clean = pings.Filter(keep);
        bool[] ipLike = new bool[clean.Count];
        int w = 0;
        for (int i = 0; i < n; i++)
        {
            if (keep[i])
            {
                ipLike[w++] = ipLikeAll[i];
            }
        }

        var tallies = new QualityReportPartial.CheckTally[counters.Length];
        for (int c = 0; c < counters.Length; c++)
        {
            var examples = new QualityExample[counters[c].Rows.Count];
            for (int k = 0; k < examples.Length; k++)
            {
                examples[k] = Example(pings, counters[c].Rows[k], globalDevice);
            }

            tallies[c] = new QualityReportPartial.CheckTally(counters[c].Name, counters[c].Removed, counters[c].Count, examples);
        }

        var partial = new QualityReportPartial(n, clean.Count, facts, options.ExamplesPerCheck, tallies);
        return new QualityResult(clean, ipLike, MergeReports([partial]), partial);
    }

    private static QualityExample Example(PingTable pings, int row, ReadOnlySpan<int> globalDevice)
    {
        int device = pings.DeviceArray[row];
        string text = FormattableString.Invariant($"{pings.DeviceIdArray[device]},{pings.TimeArray[row]},{pings.LatArray[row]},{pings.LonArray[row]}");
        return new QualityExample(globalDevice.IsEmpty ? device : globalDevice[device], row - pings.DeviceStartArray[device], text);
    }
}
