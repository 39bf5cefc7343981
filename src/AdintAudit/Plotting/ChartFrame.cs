using System.Globalization;

namespace AdintAudit.Plotting;

/// <summary>The shared layout of a chart: title, legend, plot area, axes with ticks and labels.</summary>
internal sealed class ChartFrame
{
    private const double MarginLeft = 68;
    private const double MarginRight = 20;
    private const double MarginTop = 58;
    private const double MarginBottom = 56;
    private const double LegendRowPixels = 18;

    /// <summary>Lays out a chart of the given size; <paramref name="leftMarginPixels"/> makes room for long category labels.</summary>
    /// <remarks><paramref name="legendRows"/> above one moves the plot area down to make room for a wrapped legend.</remarks>
    public ChartFrame(int widthPixels, int heightPixels, double leftMarginPixels = MarginLeft, int legendRows = 1)
    {
        Width = widthPixels;
        Height = heightPixels;
        Left = Math.Min(leftMarginPixels, widthPixels / 2.0);
        Right = widthPixels - MarginRight;
        Top = MarginTop + (LegendRowPixels * Math.Max(0, legendRows - 1));
        Bottom = heightPixels - MarginBottom;
    }

    public double Width { get; }

    public double Height { get; }

    public double Left { get; }

    public double Right { get; }

    public double Top { get; }

    public double Bottom { get; }

    /// <summary>Rows the legend needs within <paramref name="widthPixels"/> (items wrap rather than run off the right edge).</summary>
    public static int LegendRows(IReadOnlyList<string> legend, int widthPixels)
    {
        int rows = 1;
        double x = MarginLeft;
        foreach (string item in legend)
        {
            double width = ItemWidth(item);
            if (x > MarginLeft && x + width - 12 > widthPixels - MarginRight)
            {
                rows++;
                x = MarginLeft;
            }

            x += width;
        }

        return rows;
    }

    public void DrawTitleAndLegend(SvgWriter svg, string title, IReadOnlyList<string> legend)
    {
        // Title and legend start at the usual margin even when category labels widen the left margin.
        double start = Math.Min(Left, MarginLeft);
        double x = start;
        double y = 36;
        svg.Text(x, 24, title, 16, bold: true);
        for (int i = 0; i < legend.Count; i++)
        {
            double width = ItemWidth(legend[i]);
            if (x > start && x + width - 12 > Right)
            {
                x = start;
                y += LegendRowPixels;
            }

            svg.Rect(x, y, 12, 12, ChartPalette.Color(i));
            svg.Text(x + 16, y + 10, legend[i], 12);
            x += width;
        }
    }

    private static double ItemWidth(string item) => 16 + 12 + (item.Length * 7.0);

    /// <summary>Draws the y axis of <paramref name="scale"/> with gridlines and tick labels.</summary>
    public void DrawYAxis(SvgWriter svg, AxisScale scale, string label, string format)
    {
        foreach (double tick in scale.Ticks)
        {
            double y = scale.ToPixel(tick);
            svg.Line(Left, y, Right, y, "#e4e4e4");
            svg.Text(Left - 6, y + 4, scale.FormatTick(tick, format), 11, "end", "#444444");
        }

        svg.Line(Left, Top, Left, Bottom, "#444444");
        svg.Text(16, (Top + Bottom) / 2, label, 12, "middle", rotate: -90);
    }

    /// <summary>Draws the x axis line of <paramref name="scale"/>, its tick marks and labels, and the axis label.</summary>
    public void DrawXAxis(SvgWriter svg, AxisScale scale, string label, string format)
    {
        DrawXAxisLine(svg);
        foreach (double tick in scale.Ticks)
        {
            double x = scale.ToPixel(tick);
            svg.Line(x, Bottom, x, Bottom + 5, "#444444");
            svg.Text(x, Bottom + 18, scale.FormatTick(tick, format), 11, "middle", "#444444");
        }

        DrawXLabel(svg, label);
    }

    /// <summary>Writes the "no data" note in the middle of the plot area (empty input draws this instead of axes).</summary>
    public void DrawNoData(SvgWriter svg)
    {
        svg.Rect(Left, Top, Right - Left, Bottom - Top, "#f6f6f6");
        svg.Text((Left + Right) / 2, (Top + Bottom) / 2, "no data", 14, "middle", "#666666");
    }

    public void DrawXLabel(SvgWriter svg, string label) => svg.Text((Left + Right) / 2, Height - 12, label, 12, "middle");

    public void DrawXAxisLine(SvgWriter svg) => svg.Line(Left, Bottom, Right, Bottom, "#444444");

    internal static string FormatTick(double value, string format) => format == "%"
        ? (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %"
        : value.ToString(format, CultureInfo.InvariantCulture);

    internal static (double Min, double Max) Range(IEnumerable<double> values, AxisScaleKind kind = AxisScaleKind.Linear)
    {
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        foreach (double value in values)
        {
            if (double.IsFinite(value) && (kind == AxisScaleKind.Linear || value > 0))
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
        }

        return double.IsFinite(min) ? (min, max) : kind == AxisScaleKind.Linear ? (0, 1) : (1, 10);
    }
}
