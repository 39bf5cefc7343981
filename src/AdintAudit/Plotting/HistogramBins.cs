namespace AdintAudit.Plotting;

/// <summary>Equal-width bins over a value range, on a linear or a log10 scale, and the counts that fall in each.</summary>
internal static class HistogramBins
{
    /// <summary>
    /// Bins the usable values (finite; and positive when <paramref name="logBins"/>) into <paramref name="binCount"/> bins
    /// from the smallest to the largest. Bin i is [Edges[i], Edges[i+1]); the last bin also holds the maximum.
    /// </summary>
    /// <returns>Edges (binCount + 1 ascending values) and Counts; empty arrays when no value is usable.
    /// A single distinct value gets one bin around it. Skipped counts the values left out.</returns>
    public static (double[] Edges, long[] Counts, long Skipped) Compute(ReadOnlySpan<double> values, int binCount, bool logBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        long skipped = 0;
        foreach (double value in values)
        {
            if (!Usable(value, logBins))
            {
                skipped++;
                continue;
            }

            double t = logBins ? Math.Log10(value) : value;
            min = Math.Min(min, t);
            max = Math.Max(max, t);
        }

        if (!double.IsFinite(min))
        {
            return ([], [], skipped);
        }

        if (max == min)
        {
            // One bin around the value: ±0.5 on a linear scale, a factor of √10 either side on a log scale.
            binCount = 1;
            min -= 0.5;
            max += 0.5;
        }

        double width = (max - min) / binCount;
        double[] edges = new double[binCount + 1];
        for (int i = 0; i <= binCount; i++)
        {
            double t = i == binCount ? max : min + (i * width);
            edges[i] = logBins ? Math.Pow(10, t) : t;
        }

        long[] counts = new long[binCount];
        foreach (double value in values)
        {
            if (Usable(value, logBins))
            {
                double t = logBins ? Math.Log10(value) : value;
                counts[Math.Clamp((int)((t - min) / width), 0, binCount - 1)]++;
            }
        }

        return (edges, counts, skipped);
    }

    private static bool Usable(double value, bool logBins) => double.IsFinite(value) && (!logBins || value > 0);
}
