using AdintAudit.Data;
using AdintAudit.Mobility;

namespace AdintAudit.Quality;

/// <summary>Summary statistics of a distribution: quantiles by the nearest-rank method, and the mean.</summary>
/// <param name="Count">Number of values.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="P10">10th percentile.</param>
/// <param name="Median">50th percentile.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Mean">Arithmetic mean.</param>
public sealed record Distribution(long Count, double Min, double P10, double Median, double P90, double Max, double Mean)
{
    /// <summary>The summary of no values (all NaN).</summary>
    public static Distribution Empty { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Summarises <paramref name="values"/> (sorted in place).</summary>
    /// <param name="values">The values; NaN must not occur.</param>
    public static Distribution Of(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return Empty;
        }

        values.Sort();
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return new Distribution(values.Length, values[0], Rank(values, 0.10), Rank(values, 0.50), Rank(values, 0.90), values[^1], sum / values.Length);
    }

    /// <summary>Nearest-rank quantile of sorted values: the smallest value with at least q of the values at or below it.</summary>
    private static double Rank(ReadOnlySpan<double> sorted, double q) =>
        sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>
/// What a dataset holds and how rich each device's trace is: volume, time span, pings per device, active days,
/// pings per hour of the local day, and location accuracy. The first section of an audit report.
/// </summary>
/// <param name="Pings">Pings profiled.</param>
/// <param name="Devices">Devices with at least one ping.</param>
/// <param name="FirstMs">Earliest timestamp (UTC epoch ms); 0 when empty.</param>
/// <param name="LastMs">Latest timestamp (UTC epoch ms); 0 when empty.</param>
/// <param name="LocalDays">Distinct local calendar days with a ping.</param>
/// <param name="PingsPerDevice">Distribution of pings per device.</param>
/// <param name="ActiveDaysPerDevice">Distribution of distinct local days with a ping, per device.</param>
/// <param name="PingsPerActiveDay">Distribution of a device's pings divided by its active days.</param>
/// <param name="PingsByLocalHour">Pings in each local hour of the day, 0..23.</param>
/// <param name="AccuracyKnownShare">Share of pings with a known horizontal accuracy.</param>
/// <param name="AccuracyMeters">Distribution of known accuracies in meters.</param>
/// <param name="AccuracyBinEdgesMeters">Edges of <paramref name="AccuracyBinCounts"/>: bin i is [edge i, edge i+1).</param>
/// <param name="AccuracyBinCounts">Pings with a known accuracy per bin; the last bin is open-ended.</param>
/// <param name="DevicePings">Pings of each device, in device order (for histograms; never written with device ids).</param>
/// <param name="LocalTime">The local time used for hours and days.</param>
public sealed record DatasetProfile(
    long Pings,
    int Devices,
    long FirstMs,
    long LastMs,
    int LocalDays,
    Distribution PingsPerDevice,
    Distribution ActiveDaysPerDevice,
    Distribution PingsPerActiveDay,
    IReadOnlyList<long> PingsByLocalHour,
    double AccuracyKnownShare,
    Distribution AccuracyMeters,
    IReadOnlyList<double> AccuracyBinEdgesMeters,
    IReadOnlyList<long> AccuracyBinCounts,
    IReadOnlyList<int> DevicePings,
    string LocalTime)
{
    private const long DayMs = 86_400_000L;

    /// <summary>Accuracy quantiles are exact to the meter up to this value; beyond it they report this value.</summary>
    private const int MaxAccuracyBin = 100_000;
    private static readonly double[] s_accuracyEdges = [0, 5, 10, 20, 50, 100, 200, 500, 1000, 5000];

    /// <summary>Profiles <paramref name="pings"/> in one pass over the columns (one partition with the identity map, merged).</summary>
    /// <param name="pings">The pings (sorted by device and time, as every <see cref="PingTable"/> is).</param>
    /// <param name="localTime">Local time for hours and days.</param>
    public static DatasetProfile Compute(PingTable pings, LocalTime localTime)
    {
        ArgumentNullException.ThrowIfNull(pings);
        ArgumentNullException.ThrowIfNull(localTime);
        DatasetProfilePartial partial = ComputePartial(pings, PartitionDeviceMap.Identity(pings.DeviceCount), localTime);
        return Merge([partial], pings.DeviceCount);
    }

    /// <summary>Profiles one partition of a dataset split by device: per-device counts and the partition's histograms.</summary>
    /// <param name="pings">The partition's pings (devices numbered locally, ordinal order).</param>
    /// <param name="globalDevice">Global index of each local device, ascending (the identity for the whole dataset).</param>
    /// <param name="localTime">Local time for hours and days; the same for every partition.</param>
    /// <returns>The partial; memory O(devices of the partition + distinct accuracy meters + local days).</returns>
    /// <exception cref="ArgumentException"><paramref name="globalDevice"/> does not have one entry per device.</exception>
    public static DatasetProfilePartial ComputePartial(PingTable pings, ReadOnlySpan<int> globalDevice, LocalTime localTime)
    {
        ArgumentNullException.ThrowIfNull(pings);
        ArgumentNullException.ThrowIfNull(localTime);
        if (globalDevice.Length != pings.DeviceCount)
        {
            throw new ArgumentException("one global index per device is needed", nameof(globalDevice));
        }

        ReadOnlySpan<long> time = pings.TimeMs;
        ReadOnlySpan<float> accuracy = pings.AccuracyM;
        ReadOnlySpan<int> start = pings.DeviceStart;
        var partial = new DatasetProfilePartial(globalDevice.ToArray(), pings.Count, localTime.Description);
        var localDays = new HashSet<long>();
        long[] accuracyMeters = new long[MaxAccuracyBin + 2];
        for (int d = 0; d < pings.DeviceCount; d++)
        {
            int from = start[d];
            int to = start[d + 1];
            int days = 0;
            long previousDay = long.MinValue;
            double accuracySum = 0;
            for (int i = from; i < to; i++)
            {
                long local = localTime.ToLocalMs(time[i]);
                long day = Math.DivRem(local, DayMs, out long msOfDay);
                if (msOfDay < 0)
                {
                    day--;
                    msOfDay += DayMs;
                }

                partial.ByHour[msOfDay / 3_600_000L]++;

                // Times are sorted within a device, so its local days are non-decreasing (DST can only repeat a day).
                if (day != previousDay)
                {
                    days++;
                    previousDay = day;
                    localDays.Add(day);
                }

                float a = i < accuracy.Length ? accuracy[i] : float.NaN;
                if (!float.IsNaN(a))
                {
                    partial.AccuracyKnown++;
                    accuracySum += a;
                    partial.AccuracyMin = Math.Min(partial.AccuracyMin, a);
                    partial.AccuracyMax = Math.Max(partial.AccuracyMax, a);
                    accuracyMeters[a < 0 ? 0 : (int)Math.Min(MaxAccuracyBin + 1, Math.Floor(a))]++;
                    int bin = Array.BinarySearch(s_accuracyEdges, (double)a);
                    bin = bin >= 0 ? bin : Math.Max(0, ~bin - 1);
                    partial.AccuracyBins[bin]++;
                }
            }

            partial.DevicePings[d] = to - from;
            partial.ActiveDays[d] = days;
            partial.AccuracySum[d] = accuracySum;
            if (to > from)
            {
                partial.FirstMs = Math.Min(partial.FirstMs, time[from]);
                partial.LastMs = Math.Max(partial.LastMs, time[to - 1]);
            }
        }

        partial.SetLocalDays([.. localDays]);
        partial.SetAccuracyMeters(accuracyMeters);
        return partial;
    }

    /// <summary>Merges the partials of every partition into the profile of the whole dataset.</summary>
    /// <param name="parts">One partial per partition, each from <see cref="ComputePartial"/> with the same local time.</param>
    /// <param name="globalDeviceCount">Number of devices of the whole dataset.</param>
    /// <returns>The profile; identical for any assignment of devices to partitions.</returns>
    /// <remarks>
    /// Exact: counts and histograms add as integers, per-device values are placed by global device, and the accuracy
    /// sum adds each device's subtotal in global device order, so floating-point results do not depend on the split.
    /// </remarks>
    /// <exception cref="ArgumentException">No partial, local times differ, or a global device occurs twice or out of range.</exception>
    public static DatasetProfile Merge(IReadOnlyList<DatasetProfilePartial> parts, int globalDeviceCount)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0 || parts.Any(p => !string.Equals(p.LocalTime, parts[0].LocalTime, StringComparison.Ordinal)))
        {
            throw new ArgumentException("at least one partial, all with the same local time, is needed", nameof(parts));
        }

        var map = PartitionDeviceMap.Create([.. parts.Select(p => p.GlobalDeviceArray)], globalDeviceCount, p => parts[p].GlobalDeviceArray.Length,
            coverAll: false);
        long pings = 0;
        long[] byHour = new long[24];
        long[] accuracyBins = new long[s_accuracyEdges.Length];
        long[] accuracyMeters = new long[MaxAccuracyBin + 2];
        long accuracyKnown = 0;
        double accuracyMin = double.PositiveInfinity;
        double accuracyMax = double.NegativeInfinity;
        long first = long.MaxValue;
        long last = long.MinValue;
        var localDays = new List<long>();
        foreach (DatasetProfilePartial part in parts)
        {
            pings += part.Pings;
            Add(byHour, part.ByHour);
            Add(accuracyBins, part.AccuracyBins);
            for (int k = 0; k < part.MeterBins.Length; k++)
            {
                accuracyMeters[part.MeterBins[k]] += part.MeterCounts[k];
            }

            accuracyKnown += part.AccuracyKnown;
            accuracyMin = Math.Min(accuracyMin, part.AccuracyMin);
            accuracyMax = Math.Max(accuracyMax, part.AccuracyMax);
            first = Math.Min(first, part.FirstMs);
            last = Math.Max(last, part.LastMs);
            localDays.AddRange(part.LocalDays);
        }

        var devicePings = new List<int>(globalDeviceCount);
        var perDevice = new List<double>(globalDeviceCount);
        var activeDays = new List<double>(globalDeviceCount);
        var perActiveDay = new List<double>(globalDeviceCount);
        double accuracySum = 0;
        for (int g = 0; g < globalDeviceCount; g++)
        {
            if (map.Owner[g] < 0)
            {
                continue;
            }

            DatasetProfilePartial part = parts[map.Owner[g]];
            int l = map.Local[g];
            int n = part.DevicePings[l];
            if (n == 0)
            {
                continue;
            }

            int days = part.ActiveDays[l];
            accuracySum += part.AccuracySum[l];
            devicePings.Add(n);
            perDevice.Add(n);
            activeDays.Add(days);
            perActiveDay.Add(n / (double)days);
        }

        localDays.Sort();
        return new DatasetProfile(
            pings,
            devicePings.Count,
            devicePings.Count == 0 ? 0 : first,
            devicePings.Count == 0 ? 0 : last,
            CountDistinct(localDays),
            Distribution.Of([.. perDevice]),
            Distribution.Of([.. activeDays]),
            Distribution.Of([.. perActiveDay]),
            byHour,
            pings == 0 ? 0 : accuracyKnown / (double)pings,
            FromMeterHistogram(accuracyMeters, accuracyKnown, accuracySum, accuracyMin, accuracyMax),
            s_accuracyEdges,
            accuracyBins,
            devicePings,
            parts[0].LocalTime);
    }

    private static void Add(long[] total, long[] part)
    {
        for (int i = 0; i < total.Length; i++)
        {
            total[i] += part[i];
        }
    }

    private static int CountDistinct(List<long> sorted)
    {
        int distinct = 0;
        for (int i = 0; i < sorted.Count; i++)
        {
            distinct += i == 0 || sorted[i] != sorted[i - 1] ? 1 : 0;
        }

        return distinct;
    }

    /// <summary>Number of accuracy bins of <see cref="AccuracyBinCounts"/> (for partials).</summary>
    internal static int AccuracyBinCount => s_accuracyEdges.Length;

    /// <summary>Quantiles from a histogram of whole meters (memory independent of the ping count).</summary>
    private static Distribution FromMeterHistogram(long[] counts, long total, double sum, double min, double max)
    {
        if (total == 0)
        {
            return Distribution.Empty;
        }

        return new Distribution(total, min, Quantile(0.10), Quantile(0.50), Quantile(0.90), max, sum / total);

        double Quantile(double q)
        {
            long rank = Math.Max(1, (long)Math.Ceiling(q * total));
            long seen = 0;
            for (int m = 0; m < counts.Length; m++)
            {
                seen += counts[m];
                if (seen >= rank)
                {
                    return Math.Clamp(m, min, max);
                }
            }

            return max;
        }
    }
}
