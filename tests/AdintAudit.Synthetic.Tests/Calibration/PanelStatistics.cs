namespace AdintAudit.Synthetic.Tests.Calibration;

/// <summary>
/// The statistics of GENERATOR-SPEC.md §4, computed test-side from a generated ping table exactly as an analyst
/// would from the file: per identifier and UTC day, over every row (artefacts included).
/// </summary>
internal sealed record PanelStatistics(
    double DeviceDayMean,
    double DeviceDayMedian,
    double DeviceDayP90,
    double ShareAtLeast10In7Days,
    double Top20ShareIn7Days,
    double PingsPerIdMean,
    double PingsPerIdMedian,
    double Top36Share,
    double ShareSeenOnOneDay)
{
    private const long DayMs = 86_400_000;

    public static PanelStatistics Compute(SyntheticPings pings, long windowStartMs)
    {
        var deviceDays = new Dictionary<long, int>();
        int ids = pings.Ids.Count;
        var perId = new long[ids];
        var perIdFirstWeek = new long[ids];
        ReadOnlySpan<int> idIndex = pings.IdIndices;
        ReadOnlySpan<long> times = pings.TimestampsMs;
        for (int r = 0; r < pings.Count; r++)
        {
            long day = Math.Clamp((long)Math.Floor((times[r] - windowStartMs) / (double)DayMs), -100_000, 100_000);
            long key = ((long)idIndex[r] << 20) | (day + 100_000);
            deviceDays[key] = deviceDays.GetValueOrDefault(key) + 1;
            perId[idIndex[r]]++;
            if (day is >= 0 and < 7)
            {
                perIdFirstWeek[idIndex[r]]++;
            }
        }

        int[] dayCounts = [.. deviceDays.Values];
        Array.Sort(dayCounts);
        var daysPerId = new int[ids];
        foreach (long key in deviceDays.Keys)
        {
            daysPerId[key >> 20]++;
        }

        long[] week = [.. perIdFirstWeek.Where(c => c > 0)];
        long[] totals = [.. perId.Where(c => c > 0)];
        int seen = totals.Length;
        return new PanelStatistics(
            dayCounts.Average(),
            Quantile(dayCounts, 0.5),
            Quantile(dayCounts, 0.9),
            week.Count(c => c >= 10) / (double)week.Length,
            TopShare(week, 0.2),
            totals.Average(),
            Quantile([.. totals.Select(t => (int)t).Order()], 0.5),
            TopShare(totals, 0.36),
            daysPerId.Count(d => d == 1) / (double)seen);
    }

    private static double Quantile(int[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];

    private static double TopShare(long[] values, double fraction)
    {
        long[] sorted = [.. values.OrderDescending()];
        long top = sorted.Take((int)(fraction * sorted.Length)).Sum();
        return top / (double)sorted.Sum();
    }
}
