using AdintAudit.Synthetic.Randomness;

namespace AdintAudit.Synthetic.Emission;

/// <summary>
/// The diurnal intensity of app sessions by local hour (spec §2 "Diurnal weights"): 01–05 0.15×, 06–09 1.2×,
/// 10–16 1.0×, 17–22 1.4×, 23–00 0.6× [A].
/// </summary>
internal static class DiurnalRhythm
{
    private static readonly double[] s_cumulative = Build();

    public static double Weight(int hour) => hour switch
    {
        0 or 23 => 0.6,
        >= 1 and <= 5 => 0.15,
        >= 6 and <= 9 => 1.2,
        >= 10 and <= 16 => 1.0,
        _ => 1.4,
    };

    /// <summary>Draws a local time of day in milliseconds from the diurnal intensity.</summary>
    public static int DrawTimeOfDayMs(ref SplitMix64 rng)
    {
        double u = rng.NextDouble();
        int hour = 0;
        while (hour < 23 && u >= s_cumulative[hour])
        {
            hour++;
        }

        return (hour * 3_600_000) + rng.NextInt(3_600_000);
    }

    private static double[] Build()
    {
        var cumulative = new double[24];
        double sum = 0;
        for (int h = 0; h < 24; h++)
        {
            sum += Weight(h);
            cumulative[h] = sum;
        }

        for (int h = 0; h < 24; h++)
        {
            cumulative[h] /= sum;
        }

        return cumulative;
    }
}
