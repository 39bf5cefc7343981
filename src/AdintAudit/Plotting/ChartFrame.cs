using System.Globalization;

namespace AdintAudit.Plotting;

/// <summary>The shared layout of a chart: title, legend, plot area, axes with ticks and labels.</summary>
internal sealed class ChartFrame
{
    private const double MarginLeft = 68;
    private const double MarginRight = 20;
    private const double MarginTop = 58;
    private const double MarginBottom = 56;

    public ChartFrame(int widthPixels, int heightPixels)
    {
        Width = widthPixels;
        Height = heightPixels;
        Left = MarginLeft;
        Right = widthPixels - MarginRight;
        Top = MarginTop;
        Bottom = heightPixels - MarginBottom;
    }

    public double Width { get; }

    public double Height { get; }

    public double Left { get; }

    public double Right { get; }

    public double Top { get; }

    public double Bottom { get; }

    public void DrawTitleAndLegend(SvgWriter svg, string title, IReadOnlyList<string> legend)
    {
        svg.Text(Left, 24, title, 16, bold: true);
        double x = Left;
        for (int i = 0; i < legend.Count; i++)
        {
            svg.Rect(x, 36, 12, 12, ChartPalette.Color(i));
            svg.Text(x + 16, 46, legend[i], 12);
            x += 16 + 12 + (legend[i].Length * 7.0);
        }
    }

    /// <summary>Draws the y axis with gridlines at <paramref name="ticks"/> (data units mapped by <paramref name="toY"/>).</summary>
    public void DrawYAxis(SvgWriter svg, IReadOnlyList<double> ticks, Func<double, double> toY, string label, string format)
    {
        foreach (double tick in ticks)
        {
            double y = toY(tick);
            svg.Line(Left, y, Right, y, "#e4e4e4");
            svg.Text(Left - 6, y + 4, FormatTick(tick, format), 11, "end", "#444444");
        }

        svg.Line(Left, Top, Left, Bottom, "#444444");
        svg.Text(16, (Top + Bottom) / 2, label, 12, "middle", rotate: -90);
    }

    public void DrawXLabel(SvgWriter svg, string label) => svg.Text((Left + Right) / 2, Height - 12, label, 12, "middle");

    public void DrawXAxisLine(SvgWriter svg) => svg.Line(Left, Bottom, Right, Bottom, "#444444");

    internal static string FormatTick(double value, string format) => format == "%"
        ? (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %"
        : value.ToString(format, CultureInfo.InvariantCulture);

    internal static (double Min, double Max) Range(IEnumerable<double> values)
    {
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        foreach (double value in values)
        {
            if (double.IsFinite(value))
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
        }

        return double.IsFinite(min) ? (min, max) : (0, 1);
    }
}
