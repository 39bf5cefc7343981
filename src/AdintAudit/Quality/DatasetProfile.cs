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

    /// <summary>Profiles <paramref name="pings"/> in one pass over the columns.</summary>
    /// <param name="pings">The pings (sorted by device and time, as every <see cref="PingTable"/> is).</param>
    /// <param name="localTime">Local time for hours and days.</param>
    public static DatasetProfile Compute(PingTable pings, LocalTime localTime)
    {
        ArgumentNullException.ThrowIfNull(pings);
        ArgumentNullException.ThrowIfNull(localTime);
        ReadOnlySpan<long> time = pings.TimeMs;
        ReadOnlySpan<float> accuracy = pings.AccuracyM;
        ReadOnlySpan<int> start = pings.DeviceStart;
        long[] byHour = new long[24];
        long[] accuracyBins = new long[s_accuracyEdges.Length];
        var localDays = new HashSet<long>();
        var devicePings = new List<int>(pings.DeviceCount);
        var perDevice = new List<double>(pings.DeviceCount);
        var activeDays = new List<double>(pings.DeviceCount);
        var perActiveDay = new List<double>(pings.DeviceCount);
        long[] accuracyMeters = new long[MaxAccuracyBin + 2];
        double accuracySum = 0;
        double accuracyMin = double.PositiveInfinity;
        double accuracyMax = double.NegativeInfinity;
        long accuracyKnown = 0;
        long first = long.MaxValue;
        long last = long.MinValue;
        for (int d = 0; d < pings.DeviceCount; d++)
        {
            int from = start[d];
            int to = start[d + 1];
            if (to == from)
            {
                continue;
            }

            int days = 0;
            long previousDay = long.MinValue;
            for (int i = from; i < to; i++)
            {
                long local = localTime.ToLocalMs(time[i]);
                long day = Math.DivRem(local, DayMs, out long msOfDay);
                if (msOfDay < 0)
                {
                    day--;
                    msOfDay += DayMs;
                }

                byHour[msOfDay / 3_600_000L]++;

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
                    accuracyKnown++;
                    accuracySum += a;
                    accuracyMin = Math.Min(accuracyMin, a);
                    accuracyMax = Math.Max(accuracyMax, a);
                    accuracyMeters[a < 0 ? 0 : (int)Math.Min(MaxAccuracyBin + 1, Math.Floor(a))]++;
                    int bin = Array.BinarySearch(s_accuracyEdges, (double)a);
                    bin = bin >= 0 ? bin : Math.Max(0, ~bin - 1);
                    accuracyBins[bin]++;
                }
            }

            first = Math.Min(first, time[from]);
            last = Math.Max(last, time[to - 1]);
            devicePings.Add(to - from);
            perDevice.Add(to - from);
            activeDays.Add(days);
            perActiveDay.Add((to - from) / (double)days);
        }

        return new DatasetProfile(
            pings.Count,
            devicePings.Count,
            devicePings.Count == 0 ? 0 : first,
            devicePings.Count == 0 ? 0 : last,
            localDays.Count,
            Distribution.Of([.. perDevice]),
            Distribution.Of([.. activeDays]),
            Distribution.Of([.. perActiveDay]),
            byHour,
            pings.Count == 0 ? 0 : accuracyKnown / (double)pings.Count,
            FromMeterHistogram(accuracyMeters, accuracyKnown, accuracySum, accuracyMin, accuracyMax),
            s_accuracyEdges,
            accuracyBins,
            devicePings,
            localTime.Description);
    }

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
