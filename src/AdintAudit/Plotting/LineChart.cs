namespace AdintAudit.Plotting;

/// <summary>A line chart with markers, nice axes, gridlines and a legend, rendered as self-contained SVG.</summary>
/// <example>
/// <code>
/// string svg = new LineChart { Title = "Unicity", XLabel = "points known", YLabel = "devices singled out", YTickFormat = "%",
///     Series = [new LineSeries("250 m, 1 h", [1, 2, 3, 4], [0.31, 0.72, 0.9, 0.95])] }.ToSvg();
/// </code>
/// </example>
public sealed class LineChart
{
    /// <summary>Chart title.</summary>
    public required string Title { get; init; }

    /// <summary>X axis label, with its unit.</summary>
    public string XLabel { get; init; } = string.Empty;

    /// <summary>Y axis label, with its unit.</summary>
    public string YLabel { get; init; } = string.Empty;

    /// <summary>The lines, drawn in palette order.</summary>
    public IReadOnlyList<LineSeries> Series { get; init; } = [];

    /// <summary>Y axis range forced to include this value (for example 0 for shares).</summary>
    public double? YInclude { get; init; }

    /// <summary>Numeric format of tick labels (.NET format string), or <c>%</c> for shares shown as percentages.</summary>
    public string YTickFormat { get; init; } = "G4";

    /// <summary>Numeric format of x tick labels.</summary>
    public string XTickFormat { get; init; } = "G4";

    /// <summary>Width in pixels.</summary>
    public int WidthPixels { get; init; } = 640;

    /// <summary>Height in pixels.</summary>
    public int HeightPixels { get; init; } = 400;

    /// <summary>Renders the chart.</summary>
    /// <exception cref="ArgumentException">A series has different X and Y counts.</exception>
    public string ToSvg()
    {
        foreach (LineSeries series in Series)
        {
            if (series.X.Count != series.Y.Count)
            {
                throw new ArgumentException($"series '{series.Name}' has {series.X.Count} x values and {series.Y.Count} y values");
            }
        }

        var frame = new ChartFrame(WidthPixels, HeightPixels);
        var svg = new SvgWriter(WidthPixels, HeightPixels, Title);
        frame.DrawTitleAndLegend(svg, Title, [.. Series.Select(s => s.Name)]);

        (double xMin, double xMax) = ChartFrame.Range(Series.SelectMany(s => s.X));
        (double yMin, double yMax) = ChartFrame.Range(Series.SelectMany(s => s.Y).Concat(YInclude is double y ? [y] : []));
        double[] xTicks = NiceScale.Ticks(xMin, xMax, 8);
        double[] yTicks = NiceScale.Ticks(yMin, yMax, 6);
        double ToX(double value) => frame.Left + ((value - xTicks[0]) / (xTicks[^1] - xTicks[0]) * (frame.Right - frame.Left));
        double ToY(double value) => frame.Bottom - ((value - yTicks[0]) / (yTicks[^1] - yTicks[0]) * (frame.Bottom - frame.Top));

        frame.DrawYAxis(svg, yTicks, ToY, YLabel, YTickFormat);
        frame.DrawXAxisLine(svg);
        foreach (double tick in xTicks)
        {
            svg.Line(ToX(tick), frame.Bottom, ToX(tick), frame.Bottom + 5, "#444444");
            svg.Text(ToX(tick), frame.Bottom + 18, ChartFrame.FormatTick(tick, XTickFormat), 11, "middle", "#444444");
        }

        frame.DrawXLabel(svg, XLabel);
        for (int s = 0; s < Series.Count; s++)
        {
            DrawSeries(svg, Series[s], ChartPalette.Color(s), ToX, ToY);
        }

        return svg.Finish();
    }

    private static void DrawSeries(SvgWriter svg, LineSeries series, string color, Func<double, double> toX, Func<double, double> toY)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i <= series.X.Count; i++)
        {
            bool valid = i < series.X.Count && double.IsFinite(series.X[i]) && double.IsFinite(series.Y[i]);
            if (valid)
            {
                xs.Add(toX(series.X[i]));
                ys.Add(toY(series.Y[i]));
                continue;
            }

            if (xs.Count > 1)
            {
                svg.Polyline(xs.ToArray(), ys.ToArray(), color, 2);
            }

            for (int p = 0; p < xs.Count; p++)
            {
                svg.Circle(xs[p], ys[p], 3, color);
            }

            xs.Clear();
            ys.Clear();
        }
    }
}
