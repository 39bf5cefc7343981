namespace AdintAudit.Plotting;

/// <summary>Chooses "nice" axis bounds and ticks (steps of 1, 2 or 5 times a power of ten) that cover a data range.</summary>
public static class NiceScale
{
    /// <summary>Returns tick positions from a nice lower bound to a nice upper bound covering [min, max].</summary>
    /// <param name="min">Smallest data value.</param>
    /// <param name="max">Largest data value; equal to <paramref name="min"/> gives a unit range around it.</param>
    /// <param name="maxTicks">Upper limit on the number of ticks, at least 3 (a range across zero needs -s, 0, +s).</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or <paramref name="maxTicks"/> is below 3.</exception>
    public static double[] Ticks(double min, double max, int maxTicks = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 3);
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentOutOfRangeException(nameof(min), "axis bounds must be finite");
        }

        if (max < min)
        {
            (min, max) = (max, min);
        }

        if (max == min)
        {
            double pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            min -= pad;
            max += pad;
        }

        double step = Step((max - min) / (maxTicks - 1));
        (long first, long last) = Indices(min, max, step);
        while (last - first > maxTicks - 1)
        {
            step = Step(step * 1.0001);
            (first, last) = Indices(min, max, step);
        }

        // Ticks are integer multiples of the step, rounded to the step's decimals so 0.1 * 3 prints as 0.3.
        int decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10(step)), 0, 15);
        double[] ticks = new double[last - first + 1];
        for (long k = first; k <= last; k++)
        {
            double tick = Math.Round(k * step, decimals);
            ticks[k - first] = tick == 0 ? 0 : tick;
        }

        return ticks;
    }

    private static (long First, long Last) Indices(double min, double max, double step)
    {
        long first = (long)Math.Floor(min / step);
        long last = (long)Math.Ceiling(max / step);
        if (first * step > min)
        {
            first--;
        }

        if (last * step < max)
        {
            last++;
        }

        return (first, last);
    }

    /// <summary>Smallest nice step (1, 2 or 5 × 10^k) not below <paramref name="rough"/>.</summary>
    internal static double Step(double rough)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
