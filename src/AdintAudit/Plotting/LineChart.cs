namespace AdintAudit.Plotting;

/// <summary>
/// A line chart with markers, nice or decade (log) axes, gridlines, a legend and optional shaded confidence bands,
/// rendered as self-contained SVG. No drawable point draws a "no data" note.
/// </summary>
/// <example>
/// <code>
/// string svg = new LineChart { Title = "Unicity", XLabel = "points known", YLabel = "devices singled out", YUnitRange = true,
///     Series = [new LineSeries("250 m, 1 h", [1, 2, 3, 4], [0.31, 0.72, 0.9, 0.95]) { Lower = [0.28, 0.7, 0.88, 0.94], Upper = [0.34, 0.74, 0.92, 0.96] }] }.ToSvg();
/// </code>
/// </example>
public sealed class LineChart
{
    private static readonly double[] s_unitTicks = [0, 0.2, 0.4, 0.6, 0.8, 1];

    /// <summary>Chart title.</summary>
    public required string Title { get; init; }

    /// <summary>X axis label, with its unit.</summary>
    public string XLabel { get; init; } = string.Empty;

    /// <summary>Y axis label, with its unit.</summary>
    public string YLabel { get; init; } = string.Empty;

    /// <summary>The lines, drawn in palette order.</summary>
    public IReadOnlyList<LineSeries> Series { get; init; } = [];

    /// <summary>Y axis range forced to include this value (for example 0 for shares); ignored on a log axis and with <see cref="YUnitRange"/>.</summary>
    public double? YInclude { get; init; }

    /// <summary>Numeric format of tick labels (.NET format string), or <c>%</c> for shares shown as percentages.</summary>
    public string YTickFormat { get; init; } = "G4";

    /// <summary>Numeric format of x tick labels.</summary>
    public string XTickFormat { get; init; } = "G4";

    /// <summary>X axis scale; default <see cref="AxisScaleKind.Linear"/>. On a log axis points with x ≤ 0 are not drawn.</summary>
    public AxisScaleKind XAxisScale { get; init; } = AxisScaleKind.Linear;

    /// <summary>Y axis scale; default <see cref="AxisScaleKind.Linear"/>. On a log axis points with y ≤ 0 are not drawn.</summary>
    public AxisScaleKind YAxisScale { get; init; } = AxisScaleKind.Linear;

    /// <summary>
    /// When true, the y axis is fixed to [0, 1] with percent ticks (0 % to 100 % in steps of 20 %), whatever the data;
    /// default false. Overrides <see cref="YAxisScale"/> and <see cref="YTickFormat"/>.
    /// </summary>
    public bool YUnitRange { get; init; }

    /// <summary>Whether each point gets a marker with a hover tooltip; default true.</summary>
    public bool ShowMarkers { get; init; } = true;

    /// <summary>Width in pixels.</summary>
    public int WidthPixels { get; init; } = 640;

    /// <summary>Height in pixels.</summary>
    public int HeightPixels { get; init; } = 400;

    /// <summary>Renders the chart as a standalone SVG document.</summary>
    /// <exception cref="ArgumentException">A series has different X and Y counts, or a band edge of another count.</exception>
    public string ToSvg()
    {
        foreach (LineSeries series in Series)
        {
            if (series.X.Count != series.Y.Count)
            {
                throw new ArgumentException($"series '{series.Name}' has {series.X.Count} x values and {series.Y.Count} y values");
            }

            if ((series.Lower is not null && series.Lower.Count != series.X.Count) || (series.Upper is not null && series.Upper.Count != series.X.Count))
            {
                throw new ArgumentException($"series '{series.Name}' has a confidence band edge whose count differs from its {series.X.Count} points");
            }
        }

        var frame = new ChartFrame(WidthPixels, HeightPixels);
        var svg = new SvgWriter(WidthPixels, HeightPixels, Title);
        frame.DrawTitleAndLegend(svg, Title, [.. Series.Select(s => s.Name)]);

        AxisScaleKind yKind = YUnitRange ? AxisScaleKind.Linear : YAxisScale;
        (double xMin, double xMax) = ChartFrame.Range(Series.SelectMany(s => s.X), XAxisScale);
        IEnumerable<double> yValues = Series.SelectMany(s => s.Y.Concat(s.Lower ?? []).Concat(s.Upper ?? []));
        (double yMin, double yMax) = ChartFrame.Range(
            yKind == AxisScaleKind.Linear && YInclude is double include ? yValues.Append(include) : yValues, yKind);
        AxisScale x = AxisScale.Create(XAxisScale, xMin, xMax, 8, frame.Left, frame.Right);
        AxisScale y = YUnitRange
            ? AxisScale.Fixed(s_unitTicks, frame.Bottom, frame.Top)
            : AxisScale.Create(yKind, yMin, yMax, 6, frame.Bottom, frame.Top);

        if (!Series.Any(s => HasDrawablePoint(s, x, y)))
        {
            frame.DrawNoData(svg);
            return svg.Finish();
        }

        frame.DrawYAxis(svg, y, YLabel, YUnitRange ? "%" : YTickFormat);
        frame.DrawXAxis(svg, x, XLabel, XTickFormat);
        for (int s = 0; s < Series.Count; s++)
        {
            if (Series[s].Lower is { } lower && Series[s].Upper is { } upper)
            {
                DrawBand(svg, Series[s].X, lower, upper, ChartPalette.Color(s), x, y);
            }
        }

        for (int s = 0; s < Series.Count; s++)
        {
            DrawSeries(svg, Series[s], ChartPalette.Color(s), x, y);
        }

        return svg.Finish();
    }

    private static bool HasDrawablePoint(LineSeries series, AxisScale x, AxisScale y)
    {
        for (int i = 0; i < series.X.Count; i++)
        {
            if (x.CanShow(series.X[i]) && y.CanShow(series.Y[i]))
            {
                return true;
            }
        }

        return false;
    }

    private void DrawSeries(SvgWriter svg, LineSeries series, string color, AxisScale x, AxisScale y)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        var tips = new List<string>();
        for (int i = 0; i <= series.X.Count; i++)
        {
            if (i < series.X.Count && x.CanShow(series.X[i]) && y.CanShow(series.Y[i]))
            {
                xs.Add(x.ToPixel(series.X[i]));
                ys.Add(y.ToPixel(series.Y[i]));
                tips.Add($"{series.Name}: {x.FormatTick(series.X[i], XTickFormat)}, {y.FormatTick(series.Y[i], YUnitRange ? "%" : YTickFormat)}");
                continue;
            }

            if (xs.Count > 1)
            {
                svg.Polyline(xs.ToArray(), ys.ToArray(), color, 2);
            }

            // A lone point (no neighbour to join) always gets a marker, or it would be invisible.
            if (ShowMarkers || xs.Count == 1)
            {
                for (int p = 0; p < xs.Count; p++)
                {
                    svg.Circle(xs[p], ys[p], 3, color, tips[p]);
                }
            }

            xs.Clear();
            ys.Clear();
            tips.Clear();
        }
    }

    /// <summary>Fills the area between the band edges: the upper edge left to right, then the lower edge back.</summary>
    private static void DrawBand(
        SvgWriter svg, IReadOnlyList<double> xValues, IReadOnlyList<double> lower, IReadOnlyList<double> upper, string color, AxisScale x, AxisScale y)
    {
        var start = 0;
        for (int i = 0; i <= xValues.Count; i++)
        {
            if (i < xValues.Count && x.CanShow(xValues[i]) && y.CanShow(lower[i]) && y.CanShow(upper[i]))
            {
                continue;
            }

            int count = i - start;
            if (count > 1)
            {
                double[] xs = new double[2 * count];
                double[] ys = new double[2 * count];
                for (int k = 0; k < count; k++)
                {
                    xs[k] = x.ToPixel(xValues[start + k]);
                    ys[k] = y.ToPixel(upper[start + k]);
                    xs[(2 * count) - 1 - k] = xs[k];
                    ys[(2 * count) - 1 - k] = y.ToPixel(lower[start + k]);
                }

                svg.Polygon(xs, ys, color, 0.18);
            }

            start = i + 1;
        }
    }
}
