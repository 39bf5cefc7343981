namespace AdintAudit.Plotting;

/// <summary>Series colours: the Okabe–Ito palette, distinguishable with the common forms of colour blindness.</summary>
public static class ChartPalette
{
    private static readonly string[] s_colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"];

    /// <summary>Gets the colour of series <paramref name="index"/> (cycling after eight).</summary>
    public static string Color(int index) => s_colors[((index % s_colors.Length) + s_colors.Length) % s_colors.Length];
}
