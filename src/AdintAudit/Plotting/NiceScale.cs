using System.Globalization;

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

    /// <summary>Returns decade ticks (powers of ten such as 1, 10, 100) that cover [min, max], for a logarithmic axis.</summary>
    /// <param name="min">Smallest data value, positive.</param>
    /// <param name="max">Largest data value, positive; equal to <paramref name="min"/> gives the one decade around it.</param>
    /// <returns>At least two ticks: 10^floor(log10 min) up to 10^ceil(log10 max).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite or not positive.</exception>
    public static double[] DecadeTicks(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || min <= 0 || max <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(min), "log axis bounds must be finite and positive");
        }

        if (max < min)
        {
            (min, max) = (max, min);
        }

        // The small tolerance keeps an exact power of ten (1000 whose log10 is 2.9999999999999996) on its own decade.
        int first = (int)Math.Floor(Math.Log10(min) + 1e-9);
        int last = Math.Max(first + 1, (int)Math.Ceiling(Math.Log10(max) - 1e-9));
        double[] ticks = new double[last - first + 1];
        for (int k = first; k <= last; k++)
        {
            ticks[k - first] = double.Parse("1e" + k.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
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
