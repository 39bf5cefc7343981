namespace AdintAudit.Plotting;

/// <summary>
/// A sequential colour ramp for counts: six steps sampled from viridis (perceptually uniform, readable with the common
/// forms of colour blindness and in greyscale), with log-spaced class breaks from 1 to the largest count.
/// </summary>
internal static class DensityRamp
{
    private static readonly string[] s_colors = ["#440154", "#414487", "#2A788E", "#22A884", "#7AD151", "#FDE725"];

    public static int ClassCount => s_colors.Length;

    public static string Color(int colorClass) => s_colors[colorClass];

    /// <summary>Class of a positive <paramref name="count"/>: floor(classes · ln count / ln max), clamped to the last class.</summary>
    public static int Class(long count, long maxCount)
    {
        if (maxCount <= 1 || count <= 1)
        {
            return 0;
        }

        int colorClass = (int)Math.Floor(s_colors.Length * Math.Log(count) / Math.Log(maxCount));
        return Math.Clamp(colorClass, 0, s_colors.Length - 1);
    }

    /// <summary>Smallest count in class <paramref name="colorClass"/>: the first integer at or above max^(class / classes).</summary>
    public static long LowerBound(int colorClass, long maxCount)
    {
        if (colorClass == 0 || maxCount <= 1)
        {
            return 1;
        }

        long bound = (long)Math.Ceiling(Math.Pow(maxCount, (double)colorClass / s_colors.Length) - 1e-9);
        while (bound > 1 && Class(bound - 1, maxCount) >= colorClass)
        {
            bound--; // floating rounding: step down while the previous integer already lands in this class
        }

        while (Class(bound, maxCount) < colorClass)
        {
            bound++;
        }

        return bound;
    }
}
